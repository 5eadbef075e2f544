import { fromParts, toParts } from '../util/dates';
import { generateMembers } from './generate-members';
import { sandboxGroupDefinitions } from './sandbox-groups';
import type { SandboxDataSet } from './types';

export { generateMembers, type GenerateMembersOptions } from './generate-members';

/** The seed the desktop's embedded plan service uses when none is given. */
export const defaultSandboxSeed = 20_261_127;

/**
 * The sandbox plan's data: a demo employer of about 300 subscribers on four plans and a smaller one
 * of 40 on two, with dependents, coverage history, terminations and pending hires, all dated
 * relative to `today`. The same seed and day always give the same data.
 */
export function generateSandbox(options: { seed?: number; today: string }): SandboxDataSet {
  const seed = options.seed ?? defaultSandboxSeed;
  const year = toParts(options.today).year;
  return {
    today: options.today,
    groups: sandboxGroupDefinitions.map((definition) => ({
      group: structuredClone(definition.group),
      members: [
        ...generateMembers({
          seed,
          today: options.today,
          groupNumber: definition.group.groupNumber,
          plans: definition.group.plans,
          policy: definition.group.policy,
          subscribers: definition.subscribers,
          places: definition.places,
          groupEffectiveDate: fromParts(year - definition.yearsWithPlan, 1, 1),
        }),
      ],
    })),
  };
}
