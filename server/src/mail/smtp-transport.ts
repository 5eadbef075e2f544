import type SMTPTransport from 'nodemailer/lib/smtp-transport';

/** Names and addresses of this computer: mail to them never crosses a network. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * nodemailer's options for an SMTP URL. TLS is required for any host that is not loopback: from
 * the start with `smtps://`, else by STARTTLS with requireTLS, which refuses to send when the
 * server does not offer it, instead of quietly falling back to plain text. A loopback sink (tests,
 * a local relay) may skip TLS.
 */
export function smtpTransportOptions(smtpUrl: string): SMTPTransport.Options {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const loopback = isLoopbackHost(url.hostname);
  return {
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 587)),
    secure,
    ...(secure ? {} : loopback && url.searchParams.get('starttls') !== 'required' ? { ignoreTLS: true } : { requireTLS: true }),
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
  };
}
