import { parseArgs } from 'node:util';
import type { ZodError } from 'zod';
import { createGroup, newGroupInput } from '../services/groups/create-group';
import { UsageError, type OpsCommand } from './command';

const usage = `ops create-group --number <digits> --name <name> --region <region> --address "<line1>, <city>, <ST> <ZIP>"
    [--policy '{"retroMonths":2,"waitingPeriodDays":30}']
    [--plans '[{"code":"PPO-500","name":"PPO 500","kind":"PPO","rates":{"EMP":52000,"ESP":104000,"ECH":93600,"FAM":150800},
               "costSharing":{"inNetwork":{"deductible":{"individual":50000,"family":100000},"outOfPocketMax":{"individual":500000,"family":1000000}},
                              "outOfNetwork":{"deductible":{"individual":100000,"family":200000},"outOfPocketMax":{"individual":1000000,"family":2000000}}}}]']

Creates a group with its plans and monthly rates (integer cents per tier: EMP, ESP, ECH, FAM), and
each plan's cost sharing for members' ID cards (integer cents: deductible and out-of-pocket maximum,
individual and family, in and out of network; a plan without it has cards that refer members to
their plan documents). Policy values not given take the plan's defaults (retro window, termination
rule, dependent age limit, special-enrollment windows, waiting period). Without --plans the group
offers one PPO plan at standard rates and cost sharing.`;

/** Offered when the operator gives no plans: a plain PPO at typical small-group rates and cost sharing. */
const standardPlans = [
  {
    code: 'PPO-STD',
    name: 'Standard PPO',
    kind: 'PPO',
    rates: { EMP: 52_000, ESP: 104_000, ECH: 93_600, FAM: 150_800 },
    costSharing: {
      inNetwork: { deductible: { individual: 100_000, family: 200_000 }, outOfPocketMax: { individual: 500_000, family: 1_000_000 } },
      outOfNetwork: { deductible: { individual: 200_000, family: 400_000 }, outOfPocketMax: { individual: 1_000_000, family: 2_000_000 } },
    },
  },
];

function json(flag: string, text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`--${flag} is not valid JSON`);
  }
}

/** `100 Main St, Springfield, IL 62701` → the address object; a line2 may sit between line1 and city. */
export function parseOneLineAddress(text: string): Record<string, string> {
  const parts = text.split(',').map((p) => p.trim());
  const stateZip = /^([A-Za-z]{2})\s+(\d{5}(?:-\d{4})?)$/.exec(parts.at(-1) ?? '');
  if (parts.length < 3 || parts.length > 4 || !stateZip?.[1] || !stateZip[2]) {
    throw new UsageError('--address must read "<line1>, [<line2>,] <city>, <ST> <ZIP>", e.g. "100 Main St, Springfield, IL 62701"');
  }
  const [line1 = '', ...rest] = parts;
  const city = rest.at(-2) ?? '';
  return { line1, ...(rest.length === 3 ? { line2: rest[0] ?? '' } : {}), city, state: stateZip[1].toUpperCase(), zip: stateZip[2] };
}

export const createGroupCommand: OpsCommand = {
  name: 'create-group',
  summary: 'Create a group with plans and monthly rates per tier.',
  usage,
  async run(args, context) {
    const { values } = parseArgs({
      args,
      options: { number: { type: 'string' }, name: { type: 'string' }, region: { type: 'string' }, address: { type: 'string' }, policy: { type: 'string' }, plans: { type: 'string' } },
      strict: true,
    });
    if (!values.number || !values.name || !values.region || !values.address) throw new UsageError('--number, --name, --region and --address are required');
    const parsed = newGroupInput.safeParse({
      groupNumber: values.number,
      name: values.name,
      region: values.region,
      address: parseOneLineAddress(values.address),
      policy: json('policy', values.policy) ?? {},
      plans: json('plans', values.plans) ?? standardPlans,
    });
    if (!parsed.success) throw new UsageError(describeIssues(parsed.error));
    await createGroup(context.db, parsed.data, { actorUserId: context.operator, sessionId: null, ip: null }, context.now());
    context.out(`Created group ${parsed.data.groupNumber} (${parsed.data.name}, ${parsed.data.region}) offering ${parsed.data.plans.map((p) => p.code).join(', ')}.`);
  },
};

function describeIssues(error: ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('\n');
}
