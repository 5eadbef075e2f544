import type { MethodInput, MethodName, MethodOutput, Result } from '@shared/contract';
import type { AppStatus } from '@shared/contract/methods/app';
import type { BridgeEvent } from '@shared/contract/bridge';
import type { RosterRow } from '@shared/contract/schemas/member';
import type { MembershipCounts } from '@shared/contract/methods/dashboard';
import type { SessionInfo } from '@shared/contract/methods/sync';
import type { Role } from '@shared/contract/roles';
import type { Transport } from '../api/transport';
import { makeMembers, plans } from './fixtures';
import type { FixtureMember } from './fixtures';
import { listInvoiceLines, makeBillingFixture } from './billing-fixtures';
import { authorizations, bankAccounts, makePaymentsFixture, receiptPdf } from './payments-fixtures';

type Handler<M extends MethodName> = (input: MethodInput<M>) => Result<MethodOutput<M>>;
/** Methods a test does not set with `on` answer INTERNAL, so a forgotten fake fails loudly. */
type Handlers = { [M in MethodName]?: Handler<M> };

export interface FakeTransport extends Transport {
  calls: { method: MethodName; input: unknown }[];
  callsTo<M extends MethodName>(method: M): MethodInput<M>[];
  emit(event: BridgeEvent): void;
  /** Replace one method's behaviour for a test (errors, store problems). */
  on<M extends MethodName>(method: M, handler: Handler<M>): void;
}

export const asOf = '2026-11-27T07:12:00.000Z';
const ok = <T,>(value: T): Result<T> => ({ ok: true, value });

const groups = [
  { groupNumber: '100234', name: 'Harbor Logistics Inc.', region: 'Northern California', members: makeMembers(100234, 180), balanceCents: 4_182_250, balanceDueDate: '2026-12-01' },
  { groupNumber: '200587', name: 'Cedar Valley Schools', region: 'Colorado', members: makeMembers(200587, 12), balanceCents: null, balanceDueDate: null },
];

/**
 * The sandbox's session: its administrator is primary administrator of both groups. A test of
 * another role answers `session.get` with `sessionWithRoles`.
 */
export function sessionWithRoles(roles: Record<string, Role>, mode: SessionInfo['mode'] = 'sandbox'): SessionInfo {
  return {
    mode,
    serviceUrl: mode === 'sandbox' ? null : 'https://plan.example.com',
    user: { userId: 'sandbox.admin', name: 'Sandbox Administrator', email: 'admin@sandbox.example' },
    groups: groups.filter((g) => roles[g.groupNumber] !== undefined).map((g) => ({ groupNumber: g.groupNumber, name: g.name, role: roles[g.groupNumber] ?? 'read_only' })),
    welcome: false,
    locked: false,
    autoLockMinutes: 0,
    pendingVerification: null,
    lastServiceUrl: null,
    revision: 1,
  };
}
const roleOf = (session: SessionInfo, groupNumber: string): Role => session.groups.find((g) => g.groupNumber === groupNumber)?.role ?? 'read_only';

const findGroup = (groupNumber: string) => groups.find((g) => g.groupNumber === groupNumber);
const notFound = { ok: false as const, error: { code: 'NOT_FOUND' as const, message: 'No such group or member.' } };
const noInvoice = { ok: false as const, error: { code: 'NOT_FOUND' as const, message: 'No such invoice for this group.' } };

/** Harbor Logistics has two invoices; Cedar Valley Schools none yet. */
export const billing = makeBillingFixture(groups[0]?.members ?? []);
const billed = (groupNumber: string) => (groupNumber === '100234' ? billing : null);
/** Harbor Logistics pays by ACH (an account in each status, a payment in each state, autopay on); Cedar Valley Schools has not started. */
export const payments = makePaymentsFixture(billing.invoices);
const paying = (groupNumber: string) => (groupNumber === '100234' ? payments : null);
const invoiceOf = (groupNumber: string, invoiceNumber: string) => billed(groupNumber)?.invoices.find((i) => i.invoiceNumber === invoiceNumber);

function matches(row: RosterRow, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  if (/^\d{4}$/.test(q) && row.ssnLast4 === q) return true;
  return row.firstName.toLowerCase().startsWith(q) || row.lastName.toLowerCase().startsWith(q) || row.memberId.startsWith(q);
}

function listRoster(members: FixtureMember[], input: MethodInput<'members.list'>): MethodOutput<'members.list'> {
  const by = input.sort?.by ?? 'lastName';
  const dir = input.sort?.dir === 'desc' ? -1 : 1;
  const all = members.map((m) => m.row);
  const found = all.filter((r) => matches(r, input.query ?? ''));
  const rows = found.filter(
    (r) =>
      (!input.statuses || input.statuses.includes(r.status)) &&
      (!input.planCodes?.length || input.planCodes.includes(r.planCode)) &&
      (!input.relationships?.length || input.relationships.includes(r.relationship)),
  );
  const filtered = (!!input.statuses?.length && new Set(input.statuses).size < 3) || !!input.planCodes?.length || !!input.relationships?.length;
  const value = (r: RosterRow) => String(r[by] ?? '') + '\u0000' + r.memberId;
  const family = input.grouping !== 'none';
  const key = (r: RosterRow) => (family ? value(all.find((s) => s.memberId === r.subscriberId) ?? r) : value(r));
  rows.sort((a, b) => key(a).localeCompare(key(b)) * dir || (family ? a.memberId.localeCompare(b.memberId) : 0));
  const offset = input.offset ?? 0;
  const page = { total: rows.length, rows: rows.slice(offset, offset + (input.limit ?? 100)), asOf };
  return rows.length === 0 && filtered ? { ...page, matchesWithoutFilters: found.length } : page;
}

function counts(members: FixtureMember[], groupNumber: string): MembershipCounts {
  const head = (rows: RosterRow[]) => {
    const subscribers = rows.filter((r) => r.relationship === 'subscriber').length;
    return { subscribers, dependents: rows.length - subscribers, total: rows.length };
  };
  const rows = members.map((m) => m.row);
  const active = rows.filter((r) => r.status === 'active');
  return {
    groupNumber,
    asOf,
    active: head(active),
    pending: head(rows.filter((r) => r.status === 'pending')),
    terminated: head(rows.filter((r) => r.status === 'terminated')),
    byPlan: plans.map((p) => ({ planCode: p.code, planName: p.name, ...head(active.filter((r) => r.planCode === p.code)) })),
    byTier: (['EMP', 'ESP', 'ECH', 'FAM'] as const).map((tier) => ({
      tier,
      subscribers: active.filter((r) => r.tier === tier && r.relationship === 'subscriber').length,
      members: active.filter((r) => r.tier === tier).length,
    })),
  };
}

/** Covered on `day`: the fixture's rows carry one coverage span each. */
const coveredOn = (r: RosterRow, day: string) => r.effectiveDate <= day && (r.terminationDate === null || r.terminationDate >= day);

function rosterCounts(members: FixtureMember[], asOf: string): MethodOutput<'roster.counts'> {
  const covered = members.map((m) => m.row).filter((r) => coveredOn(r, asOf));
  const subscribers = covered.filter((r) => r.relationship === 'subscriber');
  return {
    asOf,
    subscribers: subscribers.length,
    dependents: covered.length - subscribers.length,
    byTier: (['EMP', 'ESP', 'ECH', 'FAM'] as const).map((tier) => ({ tier, subscribers: subscribers.filter((r) => r.tier === tier).length })),
    byPlan: plans.map((p) => ({ planCode: p.code, planName: p.name, members: covered.filter((r) => r.planCode === p.code).length })),
  };
}

/** Added: coverage began after `from` and by `to`; terminated: it ended on or after `from` and before `to`. The fixture has no plan changes. */
function rosterDiff(members: FixtureMember[], input: MethodInput<'roster.diff'>): MethodOutput<'roster.diff'> {
  const all = members
    .map((m) => m.row)
    .flatMap((r) => {
      const change = !coveredOn(r, input.from) && coveredOn(r, input.to) ? 'added' : coveredOn(r, input.from) && !coveredOn(r, input.to) ? 'terminated' : null;
      if (change === null) return [];
      const details = change === 'added' ? [`Coverage began ${r.effectiveDate}`] : [`Coverage ended ${r.terminationDate ?? ''}`];
      return [{ memberId: r.memberId, subscriberId: r.subscriberId, relationship: r.relationship, name: `${r.lastName}, ${r.firstName}`, change, details } as const];
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.memberId.localeCompare(b.memberId));
  const shown = input.change === undefined ? all : all.filter((r) => r.change === input.change);
  const offset = input.offset ?? 0;
  const count = (kind: string) => all.filter((r) => r.change === kind).length;
  return { from: input.from, to: input.to, added: count('added'), terminated: count('terminated'), changed: count('changed'), total: shown.length, rows: shown.slice(offset, offset + (input.limit ?? 100)), asOf };
}

export const readyStatus: AppStatus = { appVersion: '0.1.0', schemaVersion: 3, store: { state: 'ready' }, mode: 'sandbox', online: true, lastSyncAt: asOf };

export function createFakeTransport(): FakeTransport {
  const listeners = new Set<(event: BridgeEvent) => void>();
  const calls: { method: MethodName; input: unknown }[] = [];
  const handlers: Handlers = {
    'app.status': () => ok(readyStatus),
    'session.get': () => ok(sessionWithRoles({ '100234': 'primary_admin', '200587': 'primary_admin' })),
    'app.startFresh': () => ok({ movedTo: '/data/groupdesk.corrupt-2026-11-27.db', store: { state: 'ready' } }),
    // Each group with the role the session gives, so the switcher and the screens agree.
    'groups.list': () => {
      const session = handlers['session.get']?.({});
      return ok(
        groups.map((g) => ({
          groupNumber: g.groupNumber,
          name: g.name,
          region: g.region,
          activeMembers: g.members.filter((m) => m.row.status === 'active').length,
          role: session?.ok ? roleOf(session.value, g.groupNumber) : 'primary_admin',
          balanceCents: g.balanceCents,
          balanceDueDate: g.balanceDueDate,
        })),
      );
    },
    'groups.get': (input) => {
      const g = findGroup(input.groupNumber);
      if (!g) return notFound;
      return ok({
        groupNumber: g.groupNumber,
        name: g.name,
        region: g.region,
        address: { line1: '1200 Harbor Way', city: 'Oakland', state: 'CA', zip: '94607' },
        policy: { retroMonths: 2, terminationRule: 'end_of_month', dependentAgeLimit: 26, specialEnrollmentDays: 30, medicaidSpecialEnrollmentDays: 60, waitingPeriodDays: 60, initialEnrollmentDays: 30, planYearStart: '01-01', openEnrollmentStart: '11-01', openEnrollmentEnd: '11-30' },
        plans: plans.map((p) => ({ code: p.code, name: p.name, kind: 'HMO' as const, rates: { EMP: 61234, ESP: 122468, ECH: 110221, FAM: 171455 } })),
        memberServicesPhone: '1-800-555-0177',
        serviceTeam: { name: 'Group Billing Services', phone: '1-800-555-0134' },
        accountSetupPhone: '1-800-555-0162',
      });
    },
    'members.list': (input) => {
      const g = findGroup(input.groupNumber);
      return g ? ok(listRoster(g.members, input)) : notFound;
    },
    'members.search': (input) => {
      const g = findGroup(input.groupNumber);
      return g ? ok(g.members.map((m) => m.row).filter((r) => matches(r, input.query)).slice(0, input.limit ?? 10)) : notFound;
    },
    'members.get': (input) => {
      const m = findGroup(input.groupNumber)?.members.find((x) => x.row.memberId === input.memberId);
      return m ? ok(m.detail) : notFound;
    },
    'dashboard.counts': (input) => {
      const g = findGroup(input.groupNumber);
      return g ? ok(counts(g.members, g.groupNumber)) : notFound;
    },
    'roster.counts': (input) => {
      const g = findGroup(input.groupNumber);
      return g ? ok(rosterCounts(g.members, input.asOf)) : notFound;
    },
    'roster.trend': (input) => {
      const g = findGroup(input.groupNumber);
      if (!g) return notFound;
      const [year, month] = input.through.split('-').map(Number) as [number, number];
      const months = input.months ?? 12;
      return ok(
        Array.from({ length: months }, (_, i) => {
          const index = year * 12 + (month - 1) - (months - 1 - i);
          const day = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
          const counts = rosterCounts(g.members, day);
          return { month: day.slice(0, 7), asOf: day, subscribers: counts.subscribers, dependents: counts.dependents };
        }),
      );
    },
    'roster.diff': (input) => {
      if (input.from > input.to) return { ok: false, error: { code: 'VALIDATION', message: `The start date (${input.from}) must be on or before the end date (${input.to}).` } };
      const g = findGroup(input.groupNumber);
      return g ? ok(rosterDiff(g.members, input)) : notFound;
    },
    'roster.exportDiff': (input) => {
      const g = findGroup(input.groupNumber);
      if (!g) return notFound;
      const rows = rosterDiff(g.members, { ...input, limit: 500 }).total;
      return ok({ fileId: '0f8fad5b-d9cb-469f-a165-70867728950e', fileName: `roster-changes-${input.groupNumber}-${input.from}-to-${input.to}.${input.format}`, contentType: 'text/csv', bytes: 100 * rows, rows });
    },
    'billing.overview': (input) =>
      ok(
        billed(input.groupNumber)?.overview ?? {
          groupNumber: input.groupNumber,
          openBalanceCents: 0,
          amountDueCents: null,
          dueDate: null,
          latestInvoice: null,
          lastPayment: null,
          paperless: false,
          asOf,
        },
      ),
    'billing.invoices': (input) => ok(billed(input.groupNumber)?.invoices ?? []),
    'billing.invoice': (input) => {
      const invoice = invoiceOf(input.groupNumber, input.invoiceNumber);
      if (!invoice) return noInvoice;
      return ok({ invoice, adjustments: invoice.adjustmentCount > 0 ? billing.adjustments : [] });
    },
    'billing.invoiceLines': (input) => (invoiceOf(input.groupNumber, input.invoiceNumber) ? ok(listInvoiceLines(billing.lines, input)) : noInvoice),
    'billing.reconcile': (input) => {
      const invoice = invoiceOf(input.groupNumber, input.invoiceNumber);
      if (!invoice) return noInvoice;
      return ok(invoice.invoiceNumber === billing.reconciliation.invoiceNumber ? billing.reconciliation : { ...billing.reconciliation, invoiceNumber: invoice.invoiceNumber, periodStart: invoice.periodStart, rows: [] });
    },
    'billing.preview': (input) => (billed(input.groupNumber) ? ok(billing.preview) : ok({ ...billing.preview, lastPremiumsCents: null, lastInvoiceNumber: null, pendingChanges: 0, lines: [], premiumsCents: 0 })),
    'billing.preferences': () => ok(billing.preferences),
    'billing.disputes': () => ok([]),
    // Reads answer from the payments fixture; a test that changes something sets that method with `on`.
    'payments.authorization': (input) => ok(authorizations[input.kind]),
    'payments.bankAccounts': (input) => ok(paying(input.groupNumber) ? bankAccounts : []),
    'payments.list': (input) => ok(paying(input.groupNumber)?.payments ?? []),
    'payments.autopay': (input) => ok(paying(input.groupNumber)?.autopay ?? { enrollment: null }),
    'payments.receipt': () => ok(receiptPdf),
  };

  const fake: FakeTransport = {
    calls,
    // The user saves under the offered name and cancels any open dialog; installFakeFiles changes both.
    saveFile: async (file) => ok({ savedAs: file.fileName }),
    openFile: async () => ok(null),
    callsTo: <M extends MethodName>(method: M) => calls.filter((c) => c.method === method).map((c) => c.input as MethodInput<M>),
    async call<M extends MethodName>(method: M, input: MethodInput<M>) {
      calls.push({ method, input });
      await Promise.resolve();
      const handler = handlers[method] as Handler<M> | undefined;
      return handler ? handler(input) : { ok: false, error: { code: 'INTERNAL', message: `The fake transport has no handler for ${method}; set one with on().` } };
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const listener of listeners) listener(event);
    },
    on(method, handler) {
      (handlers as Record<MethodName, unknown>)[method] = handler;
    },
  };
  return fake;
}
