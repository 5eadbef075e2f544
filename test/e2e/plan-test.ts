import { test as hostTest } from './browser-host';
import { startE2ePlanService, type E2ePlanService } from './plan-service';
import { planDay } from './days';

/**
 * The browser host's test with a real plan service for the whole file (one per worker): the journeys
 * that sign in to a plan rather than use the sandbox.
 */
export const test = hostTest.extend<object, { plan: E2ePlanService }>({
  plan: [
    // Playwright reads fixture dependencies from the destructuring pattern; this fixture has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const plan = await startE2ePlanService({ today: planDay() });
      await use(plan);
      await plan.close();
    },
    { scope: 'worker', timeout: 240_000 },
  ],
});

export { expect } from './browser-host';
