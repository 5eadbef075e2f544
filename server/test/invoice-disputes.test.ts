import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { TransactionAccepted } from '@shared/plan-api/eligibility';
import type { DisputeList, InvoiceDispute } from '@shared/plan-api/invoice-disputes';
import { ContractFailure } from '@shared/contract/errors';
import { createMailer } from '../src/mail/mailer';
import { sandboxBillingPlan } from '../src/services/billing/billing-plan';
import { sandboxAchSettings } from '../src/services/ach/ach-settings';
import { buildOperatorApp } from '../src/ops/operator-endpoint';
import { OPERATOR_ROUTE } from '../src/ops/operator-protocol';
import { auditLog } from '../src/store/schema';
import { backends } from '../test-support/backends';
import { MINUTE } from '../test-support/clock';
import { enrollment, GROUP, OTHER_GROUP, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';

describe.each(backends())('invoice disputes (%s)', (backend) => {
  let f: EligibilityFixture;
  let november = '';
  const ids = { dana: '', ada: '', december: '' };

  const enroll = async (overrides: Parameters<typeof enrollment>[1]): Promise<string> => {
    const res = await f.post<TransactionAccepted>(path('/enrollments'), enrollment(f.today, overrides));
    if (res.status !== 201) throw new Error(`enroll: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.memberIds[0] ?? '';
  };
  const dispute = (body: unknown, token: string, invoice = november, group = GROUP) => f.post<InvoiceDispute>(path(`/invoices/${invoice}/disputes`, group), body, { token });
  const list = (token: string, query = '') => f.get<DisputeList>(path(`/disputes${query}`), token);

  /** The service clock runs on in real time: an instant it wrote lies between a reading before and now. */
  const within = (instant: string, before: number): boolean => Date.parse(instant) >= before && Date.parse(instant) <= f.service.clock.now().getTime();

  beforeAll(async () => {
    f = await startEligibilityService(backend);
    const subscriber = enrollment(f.today).subscriber;
    ids.dana = await enroll({ effectiveDate: '2026-11-01', subscriber: { ...subscriber, firstName: 'Dana', lastName: 'Whitfield' } });
    ids.ada = await enroll({ effectiveDate: '2026-11-01', subscriber: { ...subscriber, firstName: 'Ada', lastName: 'Okafor', ssn: enrollment(f.today).subscriber.ssn } });
    const printed = await f.service.ops(['issue-invoice', '--group', GROUP, '--period', '2026-11']);
    november = /^Issued (\S+) /.exec(printed[0] ?? '')?.[1] ?? '';
    // Covered from December: a member of the group with no line on November's invoice.
    ids.december = await enroll({ effectiveDate: '2026-12-01', subscriber: { ...subscriber, firstName: 'Mo', lastName: 'Brandt', ssn: enrollment(f.today).subscriber.ssn } });
  });
  afterAll(async () => f?.service.close());

  it('files a dispute of a member line and of the whole invoice, audited without the note, and lists them newest first', async () => {
    const before = f.service.clock.now().getTime();
    const line = await dispute({ memberId: ids.dana, reason: 'billed_but_terminated', note: '  Dana left on 10/31; terminated in payroll.  ' }, f.tokens.billing);
    expect(line.status).toBe(201);
    expect(line.body).toMatchObject({ invoiceNumber: november, memberId: ids.dana, reason: 'billed_but_terminated', note: 'Dana left on 10/31; terminated in payroll.', status: 'open', resolutionNote: null, resolvedBy: null, resolvedAt: null });
    expect(within(line.body.filedAt, before)).toBe(true);
    f.service.clock.advance(MINUTE);
    const whole = await dispute({ reason: 'covered_not_billed', note: 'Mo Brandt is covered but not on the bill.' }, f.tokens.admin);
    expect(whole).toMatchObject({ status: 201, body: { memberId: null, reason: 'covered_not_billed' } });

    const listed = await list(f.tokens.read_only);
    expect(listed.status).toBe(200);
    expect(listed.body.disputes.map((d) => [d.id, d.memberId])).toEqual([
      [whole.body.id, null],
      [line.body.id, ids.dana],
    ]);
    const audit = await f.service.db.select().from(auditLog).where(and(eq(auditLog.action, 'invoice.dispute'), eq(auditLog.target, `invoice:${november}`)));
    expect(audit.map((a) => a.detail)).toEqual([
      { groupNumber: GROUP, disputeId: line.body.id, memberId: ids.dana, reason: 'billed_but_terminated' },
      { groupNumber: GROUP, disputeId: whole.body.id, memberId: null, reason: 'covered_not_billed' },
    ]);
    // Another group sees none of them.
    expect((await f.get<DisputeList>(path('/disputes', OTHER_GROUP), f.tokens.other_group)).body).toEqual({ disputes: [] });
  });

  it('refuses a second open dispute of the same line with 409 naming the first; another line is its own', async () => {
    const [whole, line] = (await list(f.tokens.billing, '?status=open')).body.disputes;
    const again = await dispute({ memberId: ids.dana, reason: 'wrong_amount', note: 'Again.' }, f.tokens.primary_admin);
    expect(again).toMatchObject({ status: 409, body: { code: 'CONFLICT', message: `The line of member ${ids.dana} on invoice ${november} is already disputed: dispute ${line?.id} is still open; plan staff answer it before another can be filed.` } });
    const wholeAgain = await dispute({ memberId: null, reason: 'other', note: 'Again.' }, f.tokens.billing);
    expect(wholeAgain).toMatchObject({ status: 409, body: { code: 'CONFLICT', message: expect.stringContaining(`dispute ${whole?.id} is still open`) } });
    const other = await dispute({ memberId: ids.ada, reason: 'wrong_plan_or_tier', note: 'Ada is on the HMO.' }, f.tokens.primary_admin);
    expect(other.status).toBe(201);
  });

  it('answers 422 for a member without a line on the invoice, 404 for an invoice of another group, 403 for a read-only user', async () => {
    for (const memberId of [ids.december, '999999999']) {
      const res = await dispute({ memberId, reason: 'wrong_amount', note: 'Wrong.' }, f.tokens.billing);
      expect(res).toMatchObject({
        status: 422,
        body: {
          code: 'RULE',
          message: `Invoice ${november} has no line for member ${memberId}. Dispute one of its lines, name an employee who was covered but not billed, or dispute the whole invoice.`,
          fields: { memberId: expect.any(String) },
        },
      });
    }
    const stranger = await dispute({ memberId: '999999999', reason: 'covered_not_billed', note: 'Who?' }, f.tokens.billing);
    expect(stranger).toMatchObject({ status: 422, body: { code: 'RULE', message: `Member 999999999 is not an employee of group ${GROUP}.` } });
    const elsewhere = await dispute({ reason: 'other', note: 'Not ours.' }, f.tokens.other_group, november, OTHER_GROUP);
    expect(elsewhere).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', message: `Group ${OTHER_GROUP} has no invoice ${november}.` } });
    const readOnly = await dispute({ memberId: ids.dana, reason: 'other', note: 'Looks wrong.' }, f.tokens.read_only);
    expect(readOnly).toMatchObject({ status: 403, body: { code: 'FORBIDDEN', message: `Your role in group ${GROUP} (Read-only) may read invoices but not dispute them.` } });
  });

  it('validates the request with a field per problem', async () => {
    const cases: [unknown, string][] = [
      [{ reason: 'other', note: '   ' }, 'note'],
      [{ reason: 'other', note: 'x'.repeat(1001) }, 'note'],
      [{ reason: 'too_high', note: 'Too high.' }, 'reason'],
      [{ memberId: '12345', reason: 'other', note: 'Who?' }, 'memberId'],
      [{ reason: 'other', note: 'Extra.', amountCents: 5 }, '(root)'],
    ];
    for (const [body, field] of cases) {
      const res = await dispute(body, f.tokens.billing);
      expect({ field, status: res.status, code: (res.body as unknown as { code: string }).code }).toEqual({ field, status: 400, code: 'VALIDATION' });
      expect(Object.keys((res.body as unknown as { fields: Record<string, string> }).fields)).toContain(field);
    }
    expect((await f.get(path('/disputes?status=closed'), f.tokens.billing)).status).toBe(400);
    expect((await dispute({ reason: 'other', note: 'A note.' }, f.tokens.billing, 'INV-12')).status).toBe(400);
  });

  it('lists disputes for operators, resolves one with a note, and then takes a new dispute of that line', async () => {
    const json = JSON.parse((await f.service.ops(['disputes', '--group', GROUP, '--status', 'open', '--json'])).join('\n')) as (InvoiceDispute & { groupNumber: string })[];
    expect(json.map((d) => [d.groupNumber, d.memberId])).toEqual([
      [GROUP, ids.ada],
      [GROUP, null],
      [GROUP, ids.dana],
    ]);
    const dana = json[2];
    if (!dana) throw new Error('no dispute of Dana’s line');
    const text = await f.service.ops(['disputes']);
    expect(text).toContain(`${dana.id}  group ${GROUP}  ${november}  member ${ids.dana}  billed_but_terminated  open  filed by ${dana.filedBy} at ${dana.filedAt}  "Dana left on 10/31; terminated in payroll."`);
    expect(text.at(-1)).toBe('3 disputes.');
    expect(await f.service.ops(['disputes', '--group', OTHER_GROUP])).toEqual(['0 disputes.']);

    f.service.clock.advance(MINUTE);
    const before = f.service.clock.now().getTime();
    expect(await f.service.ops(['resolve-dispute', String(dana.id), '--note', 'Termination was late; credited on December.'])).toEqual([`Resolved dispute ${dana.id} on ${november} (member ${ids.dana}).`]);
    const resolved = await list(f.tokens.read_only, '?status=resolved');
    const resolvedAt = resolved.body.disputes[0]?.resolvedAt ?? '';
    expect(within(resolvedAt, before)).toBe(true);
    const { groupNumber: _group, ...danaView } = dana;
    expect(resolved.body.disputes).toEqual([{ ...danaView, status: 'resolved', resolutionNote: 'Termination was late; credited on December.', resolvedBy: 'ops:test', resolvedAt }]);
    expect((await f.service.ops(['disputes', '--status', 'resolved']))[0]).toContain(`resolved by ops:test at ${resolvedAt}: "Termination was late; credited on December."`);
    const audit = await f.service.db.select().from(auditLog).where(eq(auditLog.action, 'invoice.resolve_dispute'));
    expect(audit).toMatchObject([{ actor: 'ops:test', target: `invoice:${november}`, detail: { disputeId: dana.id } }]);

    await expect(f.service.ops(['resolve-dispute', String(dana.id), '--note', 'Twice.'])).rejects.toMatchObject({ code: 'RULE', message: `Dispute ${dana.id} was already resolved by ops:test at ${resolvedAt}.` });
    await expect(f.service.ops(['resolve-dispute', '999999', '--note', 'Who?'])).rejects.toBeInstanceOf(ContractFailure);
    await expect(f.service.ops(['resolve-dispute', String(dana.id)])).rejects.toThrow('--note must say what was found or done (1 to 1000 characters)');
    await expect(f.service.ops(['resolve-dispute', 'twelve', '--note', 'x'])).rejects.toThrow('Give exactly one dispute ID');
    await expect(f.service.ops(['disputes', '--status', 'closed'])).rejects.toThrow('--status must be open or resolved');

    // Resolved, the line may be disputed again.
    expect((await dispute({ memberId: ids.dana, reason: 'wrong_amount', note: 'The credit is short.' }, f.tokens.billing)).status).toBe(201);
  });

  it('runs both commands through the running service’s operator endpoint, printing what they print directly', async () => {
    const token = 'ef'.repeat(32);
    const endpoint = buildOperatorApp({ db: f.service.db, mailer: createMailer({}), billingPlan: sandboxBillingPlan, ach: sandboxAchSettings, ssnCipher: f.service.ssnCipher, bankCipher: f.service.bankCipher, now: f.service.clock.now, log: f.service.app.log }, token);
    try {
      const run = async (argv: string[]) => {
        const answer = await endpoint.inject({ method: 'POST', url: OPERATOR_ROUTE, remoteAddress: '127.0.0.1', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, payload: JSON.stringify({ argv, operator: 'ops:pat' }) });
        return answer.json<{ exitCode: number; lines: { stream: string; text: string }[] }>();
      };
      const direct = await f.service.ops(['disputes', '--group', GROUP]);
      expect(await run(['disputes', '--group', GROUP])).toEqual({ exitCode: 0, lines: direct.map((text) => ({ stream: 'out', text })) });
      const [open] = (await list(f.tokens.billing, '?status=open')).body.disputes;
      expect(await run(['resolve-dispute', String(open?.id), '--note', 'Checked against payroll.'])).toMatchObject({ exitCode: 0, lines: [{ stream: 'out', text: expect.stringMatching(/^Resolved dispute /) }] });
      expect(await run(['resolve-dispute', '999999', '--note', 'Who?'])).toEqual({ exitCode: 1, lines: [{ stream: 'err', text: 'There is no dispute 999999.' }] });
    } finally {
      await endpoint.close();
    }
  });

  it('names a subscriber covered but not billed, who has no line, in a dispute of their own', async () => {
    const res = await dispute({ memberId: ids.december, reason: 'covered_not_billed', note: 'Mo is covered from December 1 and missing here.' }, f.tokens.primary_admin);
    expect(res).toMatchObject({ status: 201, body: { memberId: ids.december, reason: 'covered_not_billed', status: 'open' } });
  });

  it('lists both routes in the OpenAPI document', async () => {
    const doc = await f.service.api<{ paths: Record<string, Record<string, { security?: unknown }>> }>('GET', '/v1/openapi.json');
    expect(doc.body.paths['/v1/groups/{groupNumber}/invoices/{invoiceNumber}/disputes']?.post?.security).toEqual([{ bearer: [] }]);
    expect(doc.body.paths['/v1/groups/{groupNumber}/disputes']?.get?.security).toEqual([{ bearer: [] }]);
  });
});
