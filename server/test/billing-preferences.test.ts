import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { planInstant } from '@shared/util/date-format';
import type { BillingPreferences } from '@shared/plan-api/billing-preferences';
import { auditLog, groupUsers, users } from '../src/store/schema';
import { backends } from '../test-support/backends';
import { enrollment, GROUP, OTHER_GROUP, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';

describe.each(backends())('billing preferences (%s)', (backend) => {
  let f: EligibilityFixture;
  let billingUser = '';
  let primaryEmail = '';
  const put = (body: unknown, token = f.tokens.billing) => f.service.api<BillingPreferences>('PUT', path('/billing-preferences'), { token, body });

  beforeAll(async () => {
    f = await startEligibilityService(backend);
    const staff = await f.service.db
      .select({ userId: users.userId, email: users.email, role: groupUsers.role })
      .from(groupUsers)
      .innerJoin(users, eq(users.userId, groupUsers.userId))
      .where(eq(groupUsers.groupNumber, GROUP));
    billingUser = staff.find((u) => u.role === 'billing')?.userId ?? '';
    primaryEmail = staff.find((u) => u.role === 'primary_admin')?.email ?? '';
    // A member on file, whose name must not reach any e-mail.
    const subscriber = { ...enrollment(f.today).subscriber, firstName: 'Quintessa', lastName: 'Marchbanks' };
    for (const group of [GROUP, OTHER_GROUP]) {
      const token = group === GROUP ? f.tokens.admin : f.tokens.other_group;
      const res = await f.post(path('/enrollments', group), enrollment(f.today, { subscriber: { ...subscriber, ssn: enrollment(f.today).subscriber.ssn } }), { token });
      if (res.status !== 201) throw new Error(`enroll: ${res.status} ${JSON.stringify(res.body)}`);
    }
  });
  afterAll(async () => f?.service.close());

  it('starts on paper, with the notice going to the primary administrators and billing users', async () => {
    const res = await f.get<BillingPreferences>(path('/billing-preferences'), f.tokens.read_only);
    expect(res).toMatchObject({ status: 200, body: { paperless: false, noticeRecipients: null, updatedBy: null, updatedAt: null } });
  });

  it('records a change with who and when, and e-mails the primary administrators without member data', async () => {
    const res = await put({ paperless: true, noticeRecipients: [' AP@Example.com', 'cfo@example.com'] });
    const at = f.service.clock.now().toISOString().slice(0, 16);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ paperless: true, noticeRecipients: ['ap@example.com', 'cfo@example.com'], updatedBy: billingUser });
    expect(res.body.updatedAt?.slice(0, 16)).toBe(at);
    expect((await f.get<BillingPreferences>(path('/billing-preferences'), f.tokens.admin)).body).toEqual(res.body);

    const [audit] = await f.service.db.select().from(auditLog).where(and(eq(auditLog.action, 'billing.preferences'), eq(auditLog.target, `group:${GROUP}`)));
    expect(audit).toMatchObject({
      actor: billingUser,
      detail: { before: { paperless: false, noticeRecipients: null }, after: { paperless: true, noticeRecipients: ['ap@example.com', 'cfo@example.com'] } },
    });

    const mail = await f.service.mail.waitForMail((m) => m.to.includes(primaryEmail) && m.subject === `Billing preferences changed for group ${GROUP}`);
    expect(mail.text).toContain(`billing user (user ID ${billingUser}) changed the billing preferences of Acme Tools ${GROUP} (group ${GROUP}) at ${planInstant(`${at}Z`)}`);
    expect(mail.text).toContain('Invoices: Paperless: no paper invoice is mailed');
    expect(mail.text).toContain('New-invoice e-mails go to: ap@example.com, cfo@example.com');
    expect(mail.raw.html).toContain('<li>Invoices: Paperless: no paper invoice is mailed</li>');
    expect(`${mail.text}${String(mail.raw.html)}`).not.toMatch(/Quintessa|Marchbanks/);
    // Only the primary administrators are told.
    expect(f.service.mail.received.filter((m) => m.subject.startsWith('Billing preferences changed')).flatMap((m) => m.to)).toEqual([primaryEmail]);
  });

  it('answers bad input with VALIDATION naming the field, and changes nothing', async () => {
    const cases: [unknown, string][] = [
      [{ noticeRecipients: null }, 'paperless'],
      [{ paperless: 'yes', noticeRecipients: null }, 'paperless'],
      [{ paperless: true }, 'noticeRecipients'],
      [{ paperless: true, noticeRecipients: [] }, 'noticeRecipients'],
      [{ paperless: true, noticeRecipients: ['not-an-address'] }, 'noticeRecipients.0'],
      [{ paperless: true, noticeRecipients: ['a@example.com', 'A@example.com'] }, 'noticeRecipients'],
      [{ paperless: true, noticeRecipients: Array.from({ length: 11 }, (_, i) => `u${i}@example.com`) }, 'noticeRecipients'],
      [{ paperless: true, noticeRecipients: null, extra: 1 }, '(root)'],
    ];
    for (const [body, field] of cases) {
      const res = await put(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body, JSON.stringify(body)).toMatchObject({ code: 'VALIDATION', fields: { [field]: expect.any(String) } });
    }
    expect((await f.get<BillingPreferences>(path('/billing-preferences'))).body.noticeRecipients).toEqual(['ap@example.com', 'cfo@example.com']);
  });

  it('lists a billing month’s invoices of the groups still on paper, for the print vendor', async () => {
    for (const group of [GROUP, OTHER_GROUP]) await f.service.ops(['issue-invoice', '--group', group, '--period', '2026-12']);
    // GROUP is paperless (above): only OTHER_GROUP, which never chose, is printed.
    const printed = await f.service.ops(['paper-invoices', '--period', '2026-12']);
    expect(printed).toHaveLength(2);
    expect(printed[0]).toMatch(new RegExp(`^INV-${OTHER_GROUP}-202612-\\w{6}  group ${OTHER_GROUP}  Acme Tools ${OTHER_GROUP}  100 Main St, Springfield, IL 62701  total due \\$520\\.00  due 2026-12-01$`));
    expect(printed[1]).toBe('1 paper invoice for 2026-12.');

    // Back on paper, with the default recipients: both groups.
    expect((await put({ paperless: false, noticeRecipients: null }, f.tokens.primary_admin)).body).toMatchObject({ paperless: false, noticeRecipients: null });
    const json = JSON.parse((await f.service.ops(['paper-invoices', '--period', '2026-12', '--json'])).join('\n')) as { groupNumber: string }[];
    expect(json.map((p) => p.groupNumber)).toEqual([GROUP, OTHER_GROUP]);
    expect(await f.service.ops(['paper-invoices', '--period', '2027-01'])).toEqual(['0 paper invoices for 2027-01.']);
    await expect(f.service.ops(['paper-invoices'])).rejects.toThrow('--period must be a month written YYYY-MM');
    await expect(f.service.ops(['paper-invoices', '--period', '2026-13'])).rejects.toThrow('--period must be a month written YYYY-MM');
  });

  it('lists both routes in the OpenAPI document', async () => {
    const doc = await f.service.api<{ paths: Record<string, Record<string, { security?: unknown }>> }>('GET', '/v1/openapi.json');
    const route = doc.body.paths['/v1/groups/{groupNumber}/billing-preferences'];
    expect([route?.get?.security, route?.put?.security]).toEqual([[{ bearer: [] }], [{ bearer: [] }]]);
  });
});
