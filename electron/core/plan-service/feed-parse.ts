import type { z } from 'zod';
import { address, coverageTier } from '@shared/contract/schemas/group';
import { employmentStatus, gender, relationship } from '@shared/contract/schemas/member';
import { email, groupNumberForm, isoInstant, maskedSsnForm, memberIdForm, phoneForm, planCodeForm } from '@shared/contract/schemas/primitives';
import { changeEntry, changesPage, committedAt, type ChangeEntry } from '@shared/plan-api/changes';

type InvoiceLinePayload = Extract<ChangeEntry, { entity: 'invoice_line' }>['payload'];
import type { CoverageSnapshot, MemberSnapshot } from '@shared/plan-api/members';
import { isIsoDate } from '@shared/util/dates';

/** A change feed page as the sync applies it: member and coverage entries checked, the rest parsed by zod. */
export interface FeedPage {
  groupNumber: string;
  changes: ChangeEntry[];
  nextAfter: number;
  headSeq: number;
  hasMore: boolean;
  /** The group's members, told on a first page (changesPage.memberTotal). */
  memberTotal?: number;
}

/**
 * Reads a `changesPage` (shared/plan-api/changes.ts). A first sync of a 250,000-member group reads
 * ~575,000 entries, within a 10-second budget for the whole sync. Parsing member and coverage entries
 * with their zod schemas costs 7–14 µs an entry (most of it asking Temporal whether each date exists):
 * 4 to 8 seconds for those entries alone. Checking each field on its own, as below, costs 1–2 µs. So
 * member and coverage entries — all but a handful — and invoice lines (one per family billed) are
 * checked field by field with the schemas' own string forms and enums and a date check that agrees
 * with theirs, and the rare others (transactions, users, invoices, adjustments) go through zod. A
 * page that fails either throws.
 */
export function parseChangesPage(text: string, groupNumber: string): FeedPage {
  const raw = JSON.parse(text) as unknown;
  if (!isObject(raw)) throw new TypeError('page: not an object');
  if (raw.groupNumber !== groupNumber) throw new TypeError('page.groupNumber: another group');
  const nextAfter = count(raw.nextAfter, 'page.nextAfter');
  const headSeq = count(raw.headSeq, 'page.headSeq');
  if (typeof raw.hasMore !== 'boolean') throw new TypeError('page.hasMore');
  if (!Array.isArray(raw.changes)) throw new TypeError('page.changes');
  const memberTotal = changesPage.shape.memberTotal.safeParse(raw.memberTotal);
  if (!memberTotal.success) throw new TypeError('page.memberTotal');
  const changes: ChangeEntry[] = new Array<ChangeEntry>(raw.changes.length);
  let previous = 0;
  for (let i = 0; i < raw.changes.length; i++) {
    const entry = checkEntry(raw.changes[i], i);
    if (entry.seq <= previous) throw new TypeError(`changes.${i}.seq: out of order`);
    previous = entry.seq;
    changes[i] = entry;
  }
  return { groupNumber, changes, nextAfter, headSeq, hasMore: raw.hasMore, ...(memberTotal.data === undefined ? {} : { memberTotal: memberTotal.data }) };
}

function checkEntry(value: unknown, i: number): ChangeEntry {
  if (!isObject(value)) throw new TypeError(`changes.${i}: not an object`);
  const where = `changes.${i}`;
  const fields = value.entity === 'member' ? memberFields : value.entity === 'coverage' ? coverageFields : value.entity === 'invoice_line' ? invoiceLineFields : null;
  if (fields !== null) {
    if (!positive(value.seq)) throw new TypeError(`${where}.seq`);
    if (!text(value.entityId)) throw new TypeError(`${where}.entityId`);
    if (!instant(value.committedAt)) throw new TypeError(`${where}.committedAt`);
    if (value.op !== 'upsert') throw new TypeError(`${where}.op`);
    checkFields(value.payload, fields, `${where}.payload`);
    return value as unknown as ChangeEntry;
  }
  const parsed = changeEntry.safeParse(value);
  if (!parsed.success) throw new TypeError(`${where}: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`);
  return parsed.data;
}

/** Whether a value would pass one field's schema. */
type Check = (value: unknown) => boolean;

const fits =
  (schema: z.ZodType): Check =>
  (value) =>
    schema.safeParse(value).success;
const matches =
  (form: RegExp): Check =>
  (value) =>
    typeof value === 'string' && form.test(value);
/** A string format zod checks with one regular expression (ISO instants, e-mail), tested without a parse. */
const formOf = (schema: { def: { pattern?: RegExp | undefined } }): Check => {
  const { pattern } = schema.def;
  if (pattern === undefined) throw new TypeError('This schema has no single pattern to test');
  return matches(pattern);
};
const oneOf = (options: readonly string[]): Check => {
  const allowed = new Set<unknown>(options);
  return (value) => allowed.has(value);
};
const orNull =
  (check: Check): Check =>
  (value) =>
    value === null || check(value);
const text: Check = (value) => typeof value === 'string';
const flag: Check = (value) => typeof value === 'boolean';
const positive: Check = (value) => Number.isSafeInteger(value) && (value as number) > 0;
/** The shared `isoDate` asks Temporal whether the day exists; `isIsoDate` answers the same by arithmetic. */
const date: Check = (value) => typeof value === 'string' && isIsoDate(value);
const instant = formOf(committedAt);

/**
 * One check per field of the snapshot, typed against its schema: a field added to the schema does not
 * compile here until it is checked, which is how `employeeClass` once went unchecked.
 */
const memberChecks = {
  memberId: matches(memberIdForm),
  groupNumber: matches(groupNumberForm),
  subscriberId: matches(memberIdForm),
  relationship: oneOf(relationship.options),
  firstName: text,
  middleName: orNull(text),
  lastName: text,
  suffix: orNull(text),
  dateOfBirth: date,
  gender: oneOf(gender.options),
  ssn: orNull(matches(maskedSsnForm)),
  address: fits(address),
  phone: orNull(matches(phoneForm)),
  email: orNull(formOf(email)),
  hireDate: orNull(date),
  employmentStatus: orNull(oneOf(employmentStatus.options)),
  employeeClass: orNull(text),
  disabled: flag,
  sameAddressAsSubscriber: (value) => value === undefined || typeof value === 'boolean',
  version: positive,
  updatedAt: formOf(isoInstant),
} satisfies Record<keyof MemberSnapshot, Check>;

const coverageChecks = {
  id: positive,
  memberId: matches(memberIdForm),
  planCode: matches(planCodeForm),
  tier: oneOf(coverageTier.options),
  startDate: date,
  endDate: orNull(date),
  reason: text,
  endReason: orNull(text),
} satisfies Record<keyof CoverageSnapshot, Check>;

/** A large invoice has as many lines as the group has families: checked like members, field by field. */
const invoiceLineChecks = {
  invoiceNumber: text,
  memberId: matches(memberIdForm),
  memberName: (value) => value === undefined || typeof value === 'string',
  planCode: matches(planCodeForm),
  tier: oneOf(coverageTier.options),
  amountCents: (value) => Number.isSafeInteger(value),
} satisfies Record<keyof InvoiceLinePayload, Check>;

const memberFields = Object.entries(memberChecks);
const invoiceLineFields = Object.entries(invoiceLineChecks);
const coverageFields = Object.entries(coverageChecks);

function checkFields(value: unknown, fields: readonly [string, Check][], where: string): void {
  if (!isObject(value)) throw new TypeError(`${where}: not an object`);
  for (const [name, check] of fields) if (!check(value[name])) throw new TypeError(`${where}.${name}`);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function count(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new TypeError(where);
  return value;
}
