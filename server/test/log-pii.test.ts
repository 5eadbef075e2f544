import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { backends } from '../test-support/backends';
import { goodPassword } from '../test-support/fixtures';
import { enrollment, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';

/**
 * The log is read by more people than the data: whatever a request carries (query strings, bodies)
 * and whatever a failing query quotes (its SQL parameters, the row it refused) must stay out of it.
 */
describe.each(backends())('the log under errors (%s)', (backend) => {
  let f: EligibilityFixture;
  const lines: string[] = [];
  beforeAll(async () => {
    f = await startEligibilityService(backend, { logger: true, logStream: { write: (line) => void lines.push(line) } });
  });
  afterAll(async () => f?.service.close());

  const subscriber = { lastName: 'Quarterbridge', firstName: 'Ysolde', dateOfBirth: '1961-07-23', addressLine: '4417 Juniper Hollow Rd', email: 'ysolde.q@example.org' };
  const registrant = { userId: 'ottoline7', name: 'Ottoline Featherstonehaugh', email: 'ottoline.f@example.org' };
  const verificationToken = 'Zq7-verification-token-that-must-stay-out-of-logs';

  it('logs query strings, request bodies and failed queries without the PII, tokens or hashes in them', async () => {
    const { api, db } = f.service;
    // A PostgreSQL error on each write, as a constraint the code does not expect would raise one.
    await db.execute(sql.raw(`ALTER TABLE members ADD CONSTRAINT members_refused_in_test CHECK (last_name <> '${subscriber.lastName}') NOT VALID`));
    await db.execute(sql.raw(`ALTER TABLE users ADD CONSTRAINT users_refused_in_test CHECK (name <> '${registrant.name}') NOT VALID`));

    const base = enrollment(f.today);
    const enrolled = await f.post(path('/enrollments'), {
      ...base,
      subscriber: { ...base.subscriber, lastName: subscriber.lastName, firstName: subscriber.firstName, dateOfBirth: subscriber.dateOfBirth, email: subscriber.email, address: { ...base.subscriber.address, line1: subscriber.addressLine } },
    });
    expect(enrolled.status).toBe(500);
    const registered = await api('POST', '/v1/accounts', { body: { userId: registrant.userId, password: goodPassword, name: registrant.name, email: registrant.email } });
    expect(registered.status).toBe(500);
    expect((await api('GET', path(`/members?q=${subscriber.lastName}`), { token: f.tokens.read_only })).status).toBe(200);
    expect((await fetch(`${f.service.url}/verify?token=${verificationToken}`)).status).toBe(200);

    const log = lines.join('');
    expect(log).toContain('"url":"/v1/groups/:groupNumber/members"');
    expect(log).toContain('"url":"/verify"');
    expect(log).toMatch(/"errorCode":"23514","constraint":"members_refused_in_test"/);
    expect(log).toMatch(/"errorCode":"23514","constraint":"users_refused_in_test"/);
    for (const secret of [...Object.values(subscriber), base.subscriber.ssn, registrant.name, registrant.email, goodPassword, verificationToken, '$argon2', 'Failed query', 'insert into']) {
      expect(log, secret).not.toContain(secret);
    }
  });
});
