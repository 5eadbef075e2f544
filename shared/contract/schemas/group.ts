import { z } from 'zod';
import { zipStateMessage } from '../../domain/zip-state';
import { cents, groupNumber, phone, planCode, usState, zip } from './primitives';

export const coverageTiers = ['EMP', 'ESP', 'ECH', 'FAM'] as const;
export const coverageTier = z.enum(coverageTiers);
export type CoverageTier = z.infer<typeof coverageTier>;

/**
 * A day of the year as `MM-DD`, for the dates a plan repeats every year. February 29 is refused: a
 * plan year or an open enrollment must start on a day every year has.
 */
export const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Use MM-DD')
  .refine((v) => {
    const [month, day] = v.split('-').map(Number) as [number, number];
    return day <= [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  }, 'Use a day every year has (not February 29)');

export const planKinds = ['HMO', 'PPO', 'EPO', 'HDHP'] as const;

/** Monthly premium per tier, in cents. */
export const tierRates = z.object({ EMP: cents, ESP: cents, ECH: cents, FAM: cents });
export type TierRates = z.infer<typeof tierRates>;

/** An amount for one person and for a whole family, in cents; a family's is never below one person's. */
export const individualFamily = z
  .object({ individual: cents.nonnegative(), family: cents.nonnegative() })
  .refine((a) => a.family >= a.individual, { message: 'The family amount is at least the individual one', path: ['family'] });

/** What a member pays in one network before the plan pays in full; a deductible never exceeds its out-of-pocket maximum. */
export const networkCostSharing = z
  .object({ deductible: individualFamily, outOfPocketMax: individualFamily })
  .refine((n) => n.deductible.individual <= n.outOfPocketMax.individual && n.deductible.family <= n.outOfPocketMax.family, {
    message: 'A deductible is at most the out-of-pocket maximum',
    path: ['deductible'],
  });

/** The deductibles and out-of-pocket maximums a member's ID card carries, in and out of network. */
export const planCostSharing = z.object({ inNetwork: networkCostSharing, outOfNetwork: networkCostSharing });
export type PlanCostSharing = z.infer<typeof planCostSharing>;

export const plan = z.object({
  code: planCode,
  name: z.string().min(1).max(80),
  kind: z.enum(planKinds),
  rates: tierRates,
  /** Absent for a plan set up before the plan service recorded cost sharing: nothing is invented for it. */
  costSharing: planCostSharing.optional(),
});
export type Plan = z.infer<typeof plan>;

/**
 * The policy values a plan sets per group (docs/architecture.md#domain-rules). Defaults are common carrier
 * policy; each is a value, never a constant in code.
 */
export const groupPolicy = z.object({
  /** Retroactive changes allowed for the current month plus this many before it. */
  retroMonths: z.number().int().min(0).max(12),
  terminationRule: z.enum(['end_of_month', 'event_date']),
  /** Children are covered until this age, through the end of the birth month. */
  dependentAgeLimit: z.number().int().min(18).max(30),
  specialEnrollmentDays: z.number().int().min(30).max(120),
  /** HIPAA/CHIPRA: 60 days after losing Medicaid or CHIP. */
  medicaidSpecialEnrollmentDays: z.number().int().min(60).max(180),
  /** Days from hire to eligibility; coverage starts the first of the month after. At most 90 (PHS Act §2708). */
  waitingPeriodDays: z.number().int().min(0).max(90),
  /** Days after the waiting period ends during which a new hire may still enroll without an event. */
  initialEnrollmentDays: z.number().int().min(1).max(180),
  /** The day each plan year starts: open-enrollment coverage begins then. */
  planYearStart: monthDay,
  /** First and last day of open enrollment, the last ones before each plan-year start. */
  openEnrollmentStart: monthDay,
  openEnrollmentEnd: monthDay,
});
export type GroupPolicy = z.infer<typeof groupPolicy>;

export const address = z.object({
  line1: z.string().trim().min(1, 'Required').max(55),
  line2: z.string().trim().max(55).optional(),
  city: z.string().trim().min(1, 'Required').max(30),
  state: usState,
  zip,
});
export type Address = z.infer<typeof address>;

/**
 * An address as an administrator types it: its ZIP code must belong to its state, and the ZIP field
 * says so. Addresses the plan already holds are read with `address`, so an old record stays readable.
 */
export const addressInput = address.superRefine((a, ctx) => {
  const message = zipStateMessage(a.zip, a.state);
  if (message !== null) ctx.addIssue({ code: 'custom', path: ['zip'], message });
});

/**
 * Who the plan is in X12 enrollment files: its interchange id, its name and federal tax id as the
 * 834's insurer (N1*IN), and whether its files are production (`P`) or tests (`T`).
 */
export const enrollmentPartner = z.object({
  x12Id: z.string().regex(/^[0-9A-Z]{2,15}$/),
  name: z.string().trim().min(1).max(60),
  taxId: z.string().regex(/^\d{9}$/),
  usage: z.enum(['P', 'T']),
});
export type EnrollmentPartner = z.infer<typeof enrollmentPartner>;

export const group = z.object({
  groupNumber,
  name: z.string().min(1).max(80),
  address,
  region: z.string().min(1).max(40),
  policy: groupPolicy,
  plans: z.array(plan).min(1),
  /** The plan's member services line, printed on ID cards; absent from a plan service that predates it. */
  memberServicesPhone: phone.optional(),
  /** Who answers the group's questions about invoices and payments (named on each invoice); absent from a plan service that predates Help. */
  serviceTeam: z.object({ name: z.string().trim().min(1).max(80), phone }).optional(),
  /** The plan's line for questions about signing up and setting up access; absent from a plan service that predates it. */
  accountSetupPhone: phone.optional(),
  /** Absent from a plan service that predates roster downloads as X12 834. */
  enrollmentPartner: enrollmentPartner.optional(),
});
export type Group = z.infer<typeof group>;
