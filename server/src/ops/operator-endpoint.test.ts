import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { startPlanService, type PlanService } from '../start';
import { createMailer } from '../mail/mailer';
import { sandboxBillingPlan } from '../services/billing/billing-plan';
import { sandboxAchSettings } from '../services/ach/ach-settings';
import { buildOperatorApp } from './operator-endpoint';
import { OPERATOR_ROUTE } from './operator-protocol';

const token = 'ab'.repeat(32);
const operator = 'ops:pat';

/** The operator endpoint's guards, on a real service's database; requests injected so the caller's address can be chosen. */
describe('operator endpoint', () => {
  let service: PlanService;
  let app: FastifyInstance;
  beforeAll(async () => {
    service = await startPlanService();
    app = buildOperatorApp({ db: service.db, mailer: createMailer({}), billingPlan: sandboxBillingPlan, ach: sandboxAchSettings, ssnCipher: service.ssnCipher, bankCipher: service.bankCipher, now: () => new Date('2026-03-02T15:00:00Z'), log: service.app.log }, token);
  });
  afterAll(async () => {
    await app?.close();
    await service?.close();
  });

  const run = (body: unknown, options: { auth?: string; from?: string } = {}) =>
    app.inject({
      method: 'POST',
      url: OPERATOR_ROUTE,
      remoteAddress: options.from ?? '127.0.0.1',
      headers: { 'content-type': 'application/json', ...(options.auth === '' ? {} : { authorization: options.auth ?? `Bearer ${token}` }) },
      payload: JSON.stringify(body),
    });

  it('runs a command and answers what it printed, with its exit code', async () => {
    const answer = await run({ argv: ['requests'], operator });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ exitCode: 0, lines: [{ stream: 'out', text: 'No pending requests.' }] });
  });

  it('answers a wrong invocation as the CLI does: exit code 2, the message and the usage on stderr', async () => {
    const answer = await run({ argv: ['approve'], operator });
    expect(answer.json()).toEqual({ exitCode: 2, lines: [{ stream: 'err', text: expect.stringMatching(/^Give exactly one confirmation number.*\n\nops approve <confirmation number>/s) }] });
  });

  it('refuses a caller that is not on this machine, even with the token', async () => {
    const answer = await run({ argv: ['requests'], operator }, { from: '192.0.2.7' });
    expect(answer.statusCode).toBe(403);
    expect(answer.json()).toEqual({ code: 'FORBIDDEN', message: 'Operator commands are taken from this machine only.' });
  });

  it.each([
    ['no token', ''],
    ['a wrong token', `Bearer ${'cd'.repeat(32)}`],
    ['the token without its scheme', token],
  ])('refuses %s', async (_case, auth) => {
    const answer = await run({ argv: ['requests'], operator }, { auth });
    expect(answer.statusCode).toBe(401);
    expect(answer.json()).toMatchObject({ code: 'AUTH' });
  });

  it.each([
    ['no arguments', { argv: [], operator }, 'argv'],
    ['arguments that are not text', { argv: ['requests', 7], operator }, 'argv.1'],
    ['an operator that is not ops:<name>', { argv: ['requests'], operator: 'root' }, 'operator'],
    ['an unknown field', { argv: ['requests'], operator, sudo: true }, '(root)'],
  ])('refuses %s with VALIDATION naming the field', async (_case, body, field) => {
    const answer = await run(body);
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({ code: 'VALIDATION', fields: { [field]: expect.any(String) } });
  });

  it('is not part of the public API or its OpenAPI document', async () => {
    const publicAnswer = await fetch(`${service.url}${OPERATOR_ROUTE}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ argv: ['requests'], operator }) });
    expect(publicAnswer.status).toBe(404);
    const openapi = (await (await fetch(`${service.url}/v1/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths).filter((p) => p.includes('ops'))).toEqual([]);
  });
});
