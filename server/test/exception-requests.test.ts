import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TransactionAccepted } from '@shared/plan-api/eligibility';
import type { ExceptionRequest } from '@shared/plan-api/exception-requests';
import { auditLog } from '../src/store/schema';
import { backends } from '../test-support/backends';
import { MINUTE } from '../test-support/clock';
import { enrollment, GROUP, OTHER_GROUP, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';

type Err = { code: string; message: string; fields?: Record<string, string> };

describe.each(backends())('requests for an exception (%s)', (backend) => {
  let f: EligibilityFixture;
  let employee = '';
  const rule = {
    code: 'qualifying_event_window',
    message: 'Birth on 2026-09-01 was more than 30 days before this request (2026-11-27): a change for this event must be requested within 30 days. Otherwise wait for open enrollment or ask the plan for an exception.',
  };
  const body = (overrides: Record<string, unknown> = {}) => ({
    memberId: employee,
    changeKind: 'add_dependent',
    input: { relationship: 'child', eventKind: 'birth', eventDate: '2026-09-01', dependentName: 'Ava Whitfield', ssn: '123456789' },
    rule,
    note: 'The hospital sent the birth certificate only last week.',
    ...overrides,
  });
  const ask = (payload: unknown, token = f.tokens.admin, group = GROUP) => f.post<ExceptionRequest>(path('/exception-requests', group), payload, { token, key: null });

  beforeAll(async () => {
    f = await startEligibilityService(backend);
    employee = (await f.post<TransactionAccepted>(path('/enrollments'), enrollment(f.today))).body.memberIds[0] ?? '';
  });
  afterAll(async () => f?.service.close());

  it('records the request under a reference number, open, SSNs masked, audited without the note', async () => {
    const res = await ask(body());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      referenceNumber: expect.stringMatching(new RegExp(`^EX-${f.today.replaceAll('-', '')}-\\d{7}$`)),
      groupNumber: GROUP,
      memberId: employee,
      changeKind: 'add_dependent',
      input: { relationship: 'child', eventKind: 'birth', eventDate: '2026-09-01', dependentName: 'Ava Whitfield', ssn: '***-**-6789' },
      ruleCode: rule.code,
      ruleMessage: rule.message,
      note: 'The hospital sent the birth certificate only last week.',
      status: 'open',
    });
    const audit = await f.service.db.select().from(auditLog).where(eq(auditLog.action, 'exception.request'));
    expect(audit).toMatchObject([{ target: `group:${GROUP}`, detail: { referenceNumber: res.body.referenceNumber, memberId: employee, ruleCode: rule.code } }]);
    expect(JSON.stringify(audit)).not.toContain('birth certificate');
  });

  it('lets only those who may make the change ask, and only in their own group', async () => {
    expect((await ask(body(), f.tokens.read_only)).status).toBe(403);
    expect((await ask(body(), f.tokens.billing)).status).toBe(403);
    expect((await ask(body(), f.tokens.other_group)).status).toBe(403);
    // In their own group, a member of another group does not exist.
    const elsewhere = await ask(body(), f.tokens.other_group, OTHER_GROUP);
    expect(elsewhere.status).toBe(404);
    expect((await ask(body(), 'not-a-session')).status).toBe(401);
  });

  it('needs a note of at most 1000 characters, a known rule and kind of change', async () => {
    const blank = await ask(body({ note: '   ' }));
    expect(blank.status).toBe(400);
    expect((blank.body as unknown as Err).fields).toEqual({ note: 'Write the plan a note saying why an exception is fair' });
    expect((await ask(body({ note: 'x'.repeat(1001) }))).status).toBe(400);
    expect((await ask(body({ note: 'x'.repeat(1000) }))).status).toBe(201);
    expect((await ask(body({ rule: { ...rule, code: 'any_rule' } }))).status).toBe(400);
    expect((await ask(body({ changeKind: 'payment' }))).status).toBe(400);
    expect((await ask(body({ extra: true }))).status).toBe(400);
  });

  it('lists them for operators, newest first, by group and status', async () => {
    f.service.clock.advance(MINUTE);
    const latest = (await ask(body({ memberId: null, changeKind: 'enroll', note: 'Payroll lost the form.' }))).body;
    const json = JSON.parse((await f.service.ops(['exceptions', '--group', GROUP, '--status', 'open', '--json'])).join('\n')) as ExceptionRequest[];
    expect(json[0]).toEqual(latest);
    expect(json.every((r) => r.groupNumber === GROUP && r.status === 'open')).toBe(true);
    const text = await f.service.ops(['exceptions']);
    expect(text[0]).toBe(
      `${latest.referenceNumber}  group ${GROUP}  no member yet  enroll  qualifying_event_window  open  asked by ${latest.requestedBy} at ${latest.createdAt}  ${JSON.stringify(latest.input)}  rule: ${JSON.stringify(rule.message)}  note: "Payroll lost the form."`,
    );
    expect(text.at(-1)).toBe(`${json.length} exception requests.`);
    expect(await f.service.ops(['exceptions', '--group', OTHER_GROUP])).toEqual(['0 exception requests.']);
    await expect(f.service.ops(['exceptions', '--status', 'closed'])).rejects.toThrow('--status must be open');
    await expect(f.service.ops(['exceptions', '--group', 'abc'])).rejects.toThrow('--group must be a group number');
  });
});
