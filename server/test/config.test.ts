import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../src/config';
import { sandboxBillingPlan } from '../src/services/billing/billing-plan';
import { sandboxAchSettings } from '../src/services/ach/ach-settings';

describe('plan service settings', () => {
  it('defaults to 127.0.0.1, PGlite in ./data/plan-service and mail files beside it', () => {
    expect(configFromEnv({}, '/srv')).toEqual({ host: '127.0.0.1', port: 8740, dataDir: '/srv/data/plan-service', mailDir: '/srv/data/plan-service/mail', logger: true, billingPlan: sandboxBillingPlan, ach: sandboxAchSettings });
  });

  it('takes every setting from the environment', () => {
    const config = configFromEnv(
      { HOST: '0.0.0.0', PORT: '9000', DATA_DIR: 'd', DATABASE_URL: 'postgres://u@h/db', SMTP_URL: 'smtps://mail:465', MAIL_DIR: '/m', PUBLIC_URL: 'https://plan.example.com', LOG: 'off', SSN_KEY_FILE: '/run/secrets/ssn.key' },
      '/srv',
    );
    expect(config).toEqual({ host: '0.0.0.0', port: 9000, dataDir: '/srv/d', mailDir: '/m', databaseUrl: 'postgres://u@h/db', smtpUrl: 'smtps://mail:465', publicUrl: 'https://plan.example.com', logger: false, billingPlan: sandboxBillingPlan, ach: sandboxAchSettings, ssnKeyFile: '/run/secrets/ssn.key' });
  });

  it('names the plan and its billing team on invoices as configured, the sandbox plan by default', () => {
    const config = configFromEnv({ PLAN_NAME: ' Buckeye Mutual Health ', BILLING_TEAM_NAME: 'Employer Billing Desk', BILLING_TEAM_PHONE: '+1 (614) 555-0199' }, '/srv');
    expect(config.billingPlan).toEqual({
      name: 'Buckeye Mutual Health',
      serviceTeam: { name: 'Employer Billing Desk', phone: '+1 (614) 555-0199' },
      memberServicesPhone: sandboxBillingPlan.memberServicesPhone,
      accountSetupPhone: sandboxBillingPlan.accountSetupPhone,
    });
    expect(configFromEnv({ PLAN_NAME: '', BILLING_TEAM_PHONE: ' ' }, '/srv').billingPlan).toEqual(sandboxBillingPlan);
    expect(() => configFromEnv({ BILLING_TEAM_PHONE: 'call us', PLAN_NAME: 'x'.repeat(81) }, '/srv')).toThrow(/PLAN_NAME[\s\S]*BILLING_TEAM_PHONE: must be a phone number/);
  });

  it('gives groups the member services phone as configured, the sandbox\'s by default, refusing what is not a phone number', () => {
    expect(configFromEnv({ MEMBER_SERVICES_PHONE: ' 1-614-555-0100 ' }, '/srv').billingPlan.memberServicesPhone).toBe('1-614-555-0100');
    expect(configFromEnv({ MEMBER_SERVICES_PHONE: '' }, '/srv').billingPlan.memberServicesPhone).toBe('1-800-555-0177');
    expect(() => configFromEnv({ MEMBER_SERVICES_PHONE: 'ask HR' }, '/srv')).toThrow(/MEMBER_SERVICES_PHONE: This is not a phone number/);
  });

  it('gives groups the account-setup line as configured, the sandbox\'s by default, refusing what is not a phone number', () => {
    expect(configFromEnv({ ACCOUNT_SETUP_PHONE: ' 1-614-555-0123 ' }, '/srv').billingPlan.accountSetupPhone).toBe('1-614-555-0123');
    expect(configFromEnv({ ACCOUNT_SETUP_PHONE: '' }, '/srv').billingPlan.accountSetupPhone).toBe('1-800-555-0162');
    expect(() => configFromEnv({ ACCOUNT_SETUP_PHONE: 'see the website' }, '/srv')).toThrow(/ACCOUNT_SETUP_PHONE: This is not a phone number/);
  });

  it('names every bad variable in one message', () => {
    expect(() => configFromEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', PUBLIC_URL: 'not a url' }, '/srv')).toThrow(/PORT[\s\S]*DATABASE_URL must start with postgres[\s\S]*PUBLIC_URL/);
  });

  it('reads TRUST_PROXY as a list of proxy addresses and CIDR ranges', () => {
    expect(configFromEnv({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,fd00::/8' }, '/srv').trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', 'fd00::/8']);
  });

  it.each([
    ['true', /TRUST_PROXY must list the reverse proxies’ addresses[\s\S]*believe X-Forwarded-For from any caller/],
    ['2', /TRUST_PROXY must list the reverse proxies’ addresses/],
    ['10.0.0.0/33', /TRUST_PROXY entries must be IP addresses or CIDR ranges/],
    ['proxy.internal', /TRUST_PROXY entries must be IP addresses or CIDR ranges/],
    [',', /TRUST_PROXY lists no address/],
  ])('refuses TRUST_PROXY=%s', (value, message) => {
    expect(() => configFromEnv({ TRUST_PROXY: value }, '/srv')).toThrow(message);
  });

  it('treats empty variables as unset', () => {
    expect(configFromEnv({ DATABASE_URL: '', SMTP_URL: ' ' }, '/srv')).not.toHaveProperty('databaseUrl');
  });

  it('refuses SMTP without TLS to a host that is not this computer', () => {
    expect(() => configFromEnv({ SMTP_URL: 'smtp://mail.example.com:25' }, '/srv')).toThrow(/will not start:[\s\S]*SMTP_URL: mail\.example\.com is not on this computer; use smtps:\/\/ or add \?starttls=required/);
    expect(configFromEnv({ SMTP_URL: 'smtp://mail.example.com:587?starttls=required' }, '/srv').smtpUrl).toBe('smtp://mail.example.com:587?starttls=required');
    expect(configFromEnv({ SMTP_URL: 'smtps://mail.example.com' }, '/srv').smtpUrl).toBe('smtps://mail.example.com');
    for (const local of ['smtp://127.0.0.1:2525', 'smtp://localhost:25', 'smtp://[::1]:25']) expect(configFromEnv({ SMTP_URL: local }, '/srv').smtpUrl).toBe(local);
  });

  it('refuses to start in production with the SSN key beside the data or without SMTP', () => {
    const smtp = { SMTP_URL: 'smtps://mail.example.com' };
    for (const production of [{ NODE_ENV: 'production' }, { DATABASE_URL: 'postgres://u@h/db' }]) {
      expect(() => configFromEnv({ ...production, ...smtp }, '/srv')).toThrow(/SSN_KEY or SSN_KEY_FILE: in production the SSN key comes from outside the data folder/);
      expect(() => configFromEnv({ ...production, SSN_KEY: 'a'.repeat(64) }, '/srv')).toThrow(/SMTP_URL: in production mail goes out by SMTP/);
      expect(() => configFromEnv({ ...production, ...smtp, DATA_DIR: '/var/lib/plan', SSN_KEY_FILE: '/var/lib/plan/keys/ssn.key' }, '/srv')).toThrow(/SSN_KEY_FILE: \/var\/lib\/plan\/keys\/ssn\.key is inside DATA_DIR/);
      expect(configFromEnv({ ...production, ...smtp, SSN_KEY: 'a'.repeat(64) }, '/srv').ssnKey).toBe('a'.repeat(64));
      expect(configFromEnv({ ...production, ...smtp, DATA_DIR: '/var/lib/plan', SSN_KEY_FILE: '/run/secrets/ssn.key' }, '/srv').ssnKeyFile).toBe('/run/secrets/ssn.key');
    }
    // Development keeps its defaults: the key file beside PGlite, mail to files.
    expect(configFromEnv({}, '/srv')).not.toHaveProperty('ssnKey');
  });
});
