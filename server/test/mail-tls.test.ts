import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../src/mail/mailer';
import { smtpTransportOptions } from '../src/mail/smtp-transport';
import { startSmtpSink, type SmtpSink } from '../test-support/smtp-sink';

describe('SMTP transport security', () => {
  it('requires TLS for every host that is not this computer', () => {
    expect(smtpTransportOptions('smtp://mail.example.com:587?starttls=required')).toMatchObject({ host: 'mail.example.com', port: 587, secure: false, requireTLS: true });
    // Even a URL config.ts would refuse (a direct caller of startPlanService) does not fall back to plain text.
    expect(smtpTransportOptions('smtp://mail.example.com')).toMatchObject({ requireTLS: true });
    expect(smtpTransportOptions('smtp://mail.example.com')).not.toHaveProperty('ignoreTLS');
    expect(smtpTransportOptions('smtps://user:p%40ss@mail.example.com')).toMatchObject({ port: 465, secure: true, auth: { user: 'user', pass: 'p@ss' } });
    expect(smtpTransportOptions('smtp://127.0.0.1:2525')).toMatchObject({ secure: false, ignoreTLS: true });
  });

  describe('against a real SMTP server without STARTTLS', () => {
    let sink: SmtpSink;
    beforeAll(async () => {
      sink = await startSmtpSink();
    });
    afterAll(async () => {
      await sink?.close();
    });

    it('refuses to send when TLS is required and not offered, and sends in the clear only on loopback', async () => {
      const required = createMailer({ smtpUrl: `${sink.url}?starttls=required` });
      await expect(required.send({ to: 'pat@example.com', subject: 'Your code', text: 'code 123456' })).rejects.toThrow(/STARTTLS/);
      required.close();
      expect(sink.received).toHaveLength(0);

      const loopback = createMailer({ smtpUrl: sink.url });
      await loopback.send({ to: 'pat@example.com', subject: 'Your code', text: 'code 123456' });
      loopback.close();
      expect(sink.received.map((m) => m.subject)).toEqual(['Your code']);
    });
  });
});
