import type { NewGroupInput } from '../src/services/groups/create-group';

let counter = 0;

/** A user ID unique within the test run. */
export const uniqueUserId = (prefix = 'user'): string => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`.slice(0, 32);

/** Long, not common, and without the user ID in it. */
export const goodPassword = 'Correct-Horse-Battery-42';

/**
 * A group with two plans and the default policy values, except a long first-enrollment window
 * (180 days after the waiting period): suites that need members covered from a past month enroll
 * them as recent hires, which the enrollment-period rule then accepts.
 */
export function sampleGroup(groupNumber: string, name = `Acme Tools ${groupNumber}`): NewGroupInput {
  return {
    groupNumber,
    name,
    address: { line1: '100 Main St', city: 'Springfield', state: 'IL', zip: '62701' },
    region: 'Midwest',
    policy: { initialEnrollmentDays: 180 },
    plans: [
      { code: 'PPO-500', name: 'PPO 500', kind: 'PPO', rates: { EMP: 52_000, ESP: 104_000, ECH: 93_600, FAM: 150_800 } },
      { code: 'HMO-250', name: 'HMO 250', kind: 'HMO', rates: { EMP: 41_000, ESP: 82_000, ECH: 73_800, FAM: 118_900 } },
    ],
  };
}
