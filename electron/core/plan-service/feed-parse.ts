import { changeEntry, type ChangeEntry } from '@shared/plan-api/changes';
import type { CoverageSnapshot, MemberSnapshot } from '@shared/plan-api/members';

/** A change feed page as the sync applies it: member and coverage entries checked, the rest parsed by zod. */
export interface FeedPage {
  groupNumber: string;
  changes: ChangeEntry[];
  nextAfter: number;
  headSeq: number;
  hasMore: boolean;
}

/**
 * Reads a `changesPage` (shared/plan-api/changes.ts). A first sync of a 250,000-member group reads
 * ~575,000 entries; the zod schema costs ~30 µs an entry (its dates are checked with Temporal), i.e.
 * more than the whole 10-second budget, so member and coverage entries — all but a handful — are
 * checked here field by field against the same rules (types, enums, ID and date forms) and the
 * rare others (transactions, users, invoices) go through zod. A page that fails either throws.
 */
export function parseChangesPage(text: string, groupNumber: string): FeedPage {
  const raw = JSON.parse(text) as unknown;
  if (!isObject(raw)) throw new TypeError('page: not an object');
  if (raw.groupNumber !== groupNumber) throw new TypeError('page.groupNumber: another group');
  const nextAfter = count(raw.nextAfter, 'page.nextAfter');
  const headSeq = count(raw.headSeq, 'page.headSeq');
  if (typeof raw.hasMore !== 'boolean') throw new TypeError('page.hasMore');
  if (!Array.isArray(raw.changes)) throw new TypeError('page.changes');
  const changes: ChangeEntry[] = new Array<ChangeEntry>(raw.changes.length);
  let previous = 0;
  for (let i = 0; i < raw.changes.length; i++) {
    const entry = checkEntry(raw.changes[i], i);
    if (entry.seq <= previous) throw new TypeError(`changes.${i}.seq: out of order`);
    previous = entry.seq;
    changes[i] = entry;
  }
  return { groupNumber, changes, nextAfter, headSeq, hasMore: raw.hasMore };
}

function checkEntry(value: unknown, i: number): ChangeEntry {
  if (!isObject(value)) throw new TypeError(`changes.${i}: not an object`);
  const where = `changes.${i}`;
  if (value.entity === 'member' || value.entity === 'coverage') {
    const seq = count(value.seq, `${where}.seq`);
    if (seq === 0) throw new TypeError(`${where}.seq`);
    str(value.entityId, `${where}.entityId`);
    instant(value.committedAt, `${where}.committedAt`);
    if (value.op !== 'upsert') throw new TypeError(`${where}.op`);
    if (value.entity === 'member') checkMember(value.payload, `${where}.payload`);
    else checkCoverage(value.payload, `${where}.payload`);
    return value as unknown as ChangeEntry;
  }
  const parsed = changeEntry.safeParse(value);
  if (!parsed.success) throw new TypeError(`${where}: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`);
  return parsed.data;
}

const memberIdForm = /^\d{9}(-\d{2})?$/;
const dateForm = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const instantForm = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const maskedSsnForm = /^\*\*\*-\*\*-\d{4}$/;
const planCodeForm = /^[A-Z0-9-]{2,20}$/;
const relationships = new Set(['subscriber', 'spouse', 'domestic_partner', 'child', 'stepchild', 'adopted_child', 'foster_child']);
const genders = new Set(['F', 'M', 'U']);
const tiers = new Set(['EMP', 'ESP', 'ECH', 'FAM']);

function checkMember(value: unknown, where: string): asserts value is MemberSnapshot {
  if (!isObject(value)) throw new TypeError(`${where}: not an object`);
  match(value.memberId, memberIdForm, `${where}.memberId`);
  match(value.subscriberId, memberIdForm, `${where}.subscriberId`);
  str(value.groupNumber, `${where}.groupNumber`);
  if (!relationships.has(value.relationship as string)) throw new TypeError(`${where}.relationship`);
  str(value.firstName, `${where}.firstName`);
  str(value.lastName, `${where}.lastName`);
  optionalStr(value.middleName, `${where}.middleName`);
  optionalStr(value.suffix, `${where}.suffix`);
  match(value.dateOfBirth, dateForm, `${where}.dateOfBirth`);
  if (!genders.has(value.gender as string)) throw new TypeError(`${where}.gender`);
  if (value.ssn !== null) match(value.ssn, maskedSsnForm, `${where}.ssn`);
  checkAddress(value.address, `${where}.address`);
  optionalStr(value.phone, `${where}.phone`);
  optionalStr(value.email, `${where}.email`);
  if (value.hireDate !== null) match(value.hireDate, dateForm, `${where}.hireDate`);
  if (value.employmentStatus !== null && value.employmentStatus !== 'FT' && value.employmentStatus !== 'PT') throw new TypeError(`${where}.employmentStatus`);
  if (typeof value.disabled !== 'boolean') throw new TypeError(`${where}.disabled`);
  if (count(value.version, `${where}.version`) === 0) throw new TypeError(`${where}.version`);
  instant(value.updatedAt, `${where}.updatedAt`);
}

function checkCoverage(value: unknown, where: string): asserts value is CoverageSnapshot {
  if (!isObject(value)) throw new TypeError(`${where}: not an object`);
  if (count(value.id, `${where}.id`) === 0) throw new TypeError(`${where}.id`);
  match(value.memberId, memberIdForm, `${where}.memberId`);
  match(value.planCode, planCodeForm, `${where}.planCode`);
  if (!tiers.has(value.tier as string)) throw new TypeError(`${where}.tier`);
  match(value.startDate, dateForm, `${where}.startDate`);
  if (value.endDate !== null) match(value.endDate, dateForm, `${where}.endDate`);
  str(value.reason, `${where}.reason`);
  optionalStr(value.endReason, `${where}.endReason`);
}

function checkAddress(value: unknown, where: string): void {
  if (!isObject(value)) throw new TypeError(`${where}: not an object`);
  str(value.line1, `${where}.line1`);
  str(value.city, `${where}.city`);
  str(value.state, `${where}.state`);
  str(value.zip, `${where}.zip`);
  if (value.line2 !== undefined) str(value.line2, `${where}.line2`);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function str(value: unknown, where: string): asserts value is string {
  if (typeof value !== 'string') throw new TypeError(where);
}

function optionalStr(value: unknown, where: string): void {
  if (value !== null && typeof value !== 'string') throw new TypeError(where);
}

function match(value: unknown, form: RegExp, where: string): void {
  if (typeof value !== 'string' || !form.test(value)) throw new TypeError(where);
}

function instant(value: unknown, where: string): void {
  match(value, instantForm, where);
}

function count(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new TypeError(where);
  return value;
}
