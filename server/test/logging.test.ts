import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlanService, type PlanService } from '../src/start';
import { startSmtpSink, type SmtpSink } from '../test-support/smtp-sink';
import { apiClient } from '../test-support/http';
import { goodPassword } from '../test-support/fixtures';

/** Logs are on in production; they must never carry passwords, tokens or codes. */
describe('logging', () => {
  let service: PlanService;
  let mail: SmtpSink;
  const lines: string[] = [];
  beforeAll(async () => {
    mail = await startSmtpSink();
    service = await startPlanService({ logger: true, logStream: { write: (line) => void lines.push(line) }, smtpUrl: mail.url });
  });
  afterAll(async () => {
    await service?.close();
    await mail?.close();
  });

  it('logs requests without credentials, codes or tokens', async () => {
    const api = apiClient(service.url);
    await api('POST', '/v1/accounts', { body: { userId: 'loggeduser', password: goodPassword, name: 'Pat Example', email: 'logged@example.com' } });
    const message = await mail.waitForMail((m) => m.to.includes('logged@example.com'));
    const code = /code is (\d{6})/.exec(message.text)?.[1] ?? '';
    await api('POST', '/v1/accounts/verify-email', { body: { userId: 'loggeduser', code } });
    const signedIn = await api<{ token: string }>('POST', '/v1/sessions', { body: { userId: 'loggeduser', password: goodPassword } });
    await api('GET', '/v1/me', { token: signedIn.body.token });
    const log = lines.join('');
    expect(log).toContain('/v1/sessions');
    expect(log).not.toContain(goodPassword);
    expect(log).not.toContain(signedIn.body.token);
    expect(log).not.toMatch(new RegExp(`(?<![0-9.])${code}(?![0-9])`));
  });
});
