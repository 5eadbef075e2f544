import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import { smtpTransportOptions } from './smtp-transport';

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
    const transport = nodemailer.createTransport(smtpTransportOptions(options.smtpUrl));
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
      // A message holds a verification code or a sign-in link: readable by the service's user only.
      await mkdir(mailDir, { recursive: true, mode: 0o700 });
      await chmod(mailDir, 0o700);
      // Time first so a folder listing reads in order of sending.
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
      await writeFile(path.join(mailDir, name), info.message as Buffer, { mode: 0o600, flag: 'wx' });
    },
    close: () => transport.close(),
  };
}
