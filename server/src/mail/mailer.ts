import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface MailerOptions {
  /** `smtp://host:port` (or `smtps://user:pass@host`): deliver through this server. */
  smtpUrl?: string;
  /** Otherwise each message is written here as an `.eml` file (the sandbox's mail folder). */
  mailDir?: string;
  from?: string;
}

export const DEFAULT_FROM = 'GroupDesk Plan Service <no-reply@groupdesk.invalid>';

/**
 * E-mail through nodemailer: SMTP when a URL is configured, else `.eml` files a person (or the
 * desktop's sandbox mail viewer) can open. With neither, messages are built and discarded, which
 * only an in-memory test service does.
 */
export function createMailer(options: MailerOptions): Mailer {
  const from = options.from ?? DEFAULT_FROM;
  if (options.smtpUrl) {
    const url = new URL(options.smtpUrl);
    // A plain `smtp://` URL on a local sink must not attempt STARTTLS; `smtps://` is TLS from the start.
    const transport = nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
      secure: url.protocol === 'smtps:',
      ignoreTLS: url.searchParams.get('tls') === 'off' || url.hostname === '127.0.0.1' || url.hostname === 'localhost',
      ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    });
    return {
      send: async (mail) => void (await transport.sendMail({ from, ...mail })),
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const mailDir = options.mailDir;
  return {
    async send(mail) {
      const info = await transport.sendMail({ from, ...mail });
      if (!mailDir) return;
      await mkdir(mailDir, { recursive: true });
      // Time first so a folder listing reads in order of sending.
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
      await writeFile(path.join(mailDir, name), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}
