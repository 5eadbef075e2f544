import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { startPlanService, type PlanService } from '../src/start';
import { apiClient } from '../test-support/http';
import { goodPassword } from '../test-support/fixtures';

/** Without SMTP_URL the service writes each message as an .eml file (the sandbox's mail folder). */
describe('mail to files', () => {
  let dir: string;
  let service: PlanService;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'groupdesk-mail-'));
    service = await startPlanService({ mailDir: path.join(dir, 'mail'), publicUrl: 'https://plan.example.com' });
  });
  afterAll(async () => {
    await service?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the verification e-mail as an .eml file with the public URL in its link', async () => {
    const api = apiClient(service.url);
    const response = await api('POST', '/v1/accounts', { body: { userId: 'filemail1', password: goodPassword, name: 'Pat Example', email: 'pat@example.com' } });
    expect(response.status).toBe(201);
    const files = await readdir(path.join(dir, 'mail'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const parsed = await simpleParser(await readFile(path.join(dir, 'mail', files[0] ?? '')));
    expect(parsed.subject).toMatch(/verification code is \d{6}/);
    expect(parsed.text).toContain('https://plan.example.com/verify?token=');
  });

  it('keeps the messages (codes, sign-in links) readable by the service’s user only', async () => {
    const files = await readdir(path.join(dir, 'mail'));
    expect((await stat(path.join(dir, 'mail'))).mode & 0o777).toBe(0o700);
    for (const file of files) expect((await stat(path.join(dir, 'mail', file))).mode & 0o777).toBe(0o600);
  });
});
