import { describe, expect, it } from 'vitest';
import { tutorials } from '@shared/help/tutorials';
import { doableTargets } from './tutorial-steps';

describe('how tutorial steps are done', () => {
  it('is said only for controls some tutorial has a `click` step on, so a removed step leaves no answers behind', () => {
    const doneOn = new Set(tutorials.flatMap((t) => t.steps.filter((s) => s.action.kind === 'click').map((s) => s.target)));
    expect(doableTargets().length).toBeGreaterThan(0);
    expect(doableTargets().filter((target) => !doneOn.has(target))).toEqual([]);
  });
});
