import type { FastifyPluginAsync } from 'fastify';
import { ContractFailure } from '@shared/contract/errors';
import type { ServiceDeps } from '../api/deps';
import { credentialLimit } from '../api/routes/limits';
import { verifyEmail } from '../services/accounts/verification';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · GroupDesk</title></head>` +
  `<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5"><h1>${escapeHtml(title)}</h1>${body}</body></html>`;

/**
 * The web page an e-mailed verification link opens (`PUBLIC_URL/verify?token=…`). Opening the link
 * only shows a button; verifying takes a POST, because mail scanners fetch links in messages and
 * would otherwise spend the token before the person ever sees it.
 */
export const verifyPage: FastifyPluginAsync<ServiceDeps> = async (app, deps) => {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  app.get<{ Querystring: { token?: string } }>('/verify', { schema: { hide: true } }, async (request, reply) => {
    const token = request.query.token ?? '';
    reply.type('text/html; charset=utf-8');
    if (!TOKEN.test(token)) return reply.code(400).send(page('This link is not complete', '<p>Open the link from the e-mail again, or type the 6-digit code into GroupDesk.</p>'));
    return page(
      'Confirm your e-mail address',
      `<p>Confirm this e-mail address for your GroupDesk account.</p><form method="post" action="verify"><input type="hidden" name="token" value="${escapeHtml(token)}"><button type="submit">Confirm</button></form>`,
    );
  });

  app.post<{ Body: { token?: string } }>('/verify', { schema: { hide: true }, config: credentialLimit(deps) }, async (request, reply) => {
    reply.type('text/html; charset=utf-8');
    const token = typeof request.body === 'object' && request.body !== null ? (request.body.token ?? '') : '';
    if (!TOKEN.test(token)) return reply.code(400).send(page('This link is not complete', '<p>Open the link from the e-mail again.</p>'));
    try {
      await verifyEmail(deps.db, { token }, { ip: request.ip, now: deps.now() });
    } catch (error) {
      if (!(error instanceof ContractFailure)) throw error;
      return reply.code(422).send(page('Not verified', `<p>${escapeHtml(error.message)}</p>`));
    }
    return page('E-mail address verified', '<p>Thank you. Return to GroupDesk and sign in.</p>');
  });
};
