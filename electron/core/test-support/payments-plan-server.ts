import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { settlementDate, cutoffOf } from '@shared/domain/payment-dates';
import { allocateOldestFirst } from '@shared/domain/payment-allocation';
import {
  addBankAccountRequest,
  autopayEnrollRequest,
  autopaySkipRequest,
  paymentRequest,
  verifyMicroDepositsRequest,
  type AutopayState,
  type BankAccount,
  type Payment,
} from '@shared/plan-api/payments';

/**
 * The plan service's Bill Pay part 2 routes (shared/plan-api/payments.ts) as a small HTTP server on
 * 127.0.0.1, for the core's tests until the plan service's own routes are merged: it parses every
 * request with the plan's schemas and answers with records of the plan's shapes. It keeps what a
 * test asserts on: each request as it arrived (bytes included, to look for account numbers) and the
 * idempotency keys of payment submits. `dropNextPaymentAnswer` makes a submit's answer get lost
 * after the payment was made, as a network cut does.
 */
export interface PaymentsPlanServer {
  url: string;
  token: string;
  requests: { method: string; path: string; body: string; idempotencyKey: string | null }[];
  /** The payments made, one per idempotency key. */
  payments: Map<string, Payment>;
  accounts: BankAccount[];
  dropNextPaymentAnswer: boolean;
  /** A submit refused with this error (4xx) instead of made. */
  refuseNextPayment: { status: number; code: string; message: string } | null;
  /** Suspends autopay as a return does. */
  suspendAutopay(reason: string): void;
  close(): Promise<void>;
}

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const code = (n: number, length: number): string => Array.from({ length }, (_, i) => alphabet[(n * 7 + i * 3) % alphabet.length]).join('');

export async function startPaymentsPlanServer(options: { groupNumber: string; now: () => string; invoicesOpen: Map<string, { periodStart: string; openCents: number }> }): Promise<PaymentsPlanServer> {
  const plan: PaymentsPlanServer = {
    url: '',
    token: 'payments-test-token',
    requests: [],
    payments: new Map(),
    accounts: [],
    dropNextPaymentAnswer: false,
    refuseNextPayment: null,
    suspendAutopay: (reason) => {
      if (autopay.enrollment !== null) autopay = { enrollment: { ...autopay.enrollment, status: 'suspended', suspendedReason: reason } };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  let autopay: AutopayState = { enrollment: null };
  const base = `/v1/groups/${options.groupNumber}`;

  const route = (req: IncomingMessage, body: string, res: ServerResponse): void => {
    const send = (status: number, value?: unknown) => {
      if (value === undefined) res.writeHead(status).end();
      else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    };
    const refuse = (status: number, errorCode: string, message: string) => send(status, { code: errorCode, message });
    if (req.headers.authorization !== `Bearer ${plan.token}`) return refuse(401, 'AUTH', 'Sign in again.');
    const path = req.url ?? '';
    const json = () => JSON.parse(body === '' ? '{}' : body) as unknown;
    const method = req.method ?? 'GET';

    if (method === 'GET' && path.startsWith('/v1/bill-pay/payment-authorization?kind=')) {
      const kind = path.endsWith('autopay') ? 'autopay' : 'payment';
      return send(200, { kind, version: '2026-12', text: `I authorize the plan to debit {account} for {amount} on {date}.` });
    }
    if (method === 'GET' && path === `${base}/bank-accounts`) return send(200, { accounts: plan.accounts });
    if (method === 'POST' && path === `${base}/bank-accounts`) {
      const parsed = addBankAccountRequest.safeParse(json());
      if (!parsed.success) return refuse(400, 'VALIDATION', parsed.error.issues[0]?.message ?? 'Invalid');
      const account: BankAccount = {
        id: `BA-${code(plan.accounts.length + 1, 8)}`,
        nickname: parsed.data.nickname,
        holderName: parsed.data.holderName,
        routingNumber: parsed.data.routingNumber,
        accountLast4: parsed.data.accountNumber.slice(-4),
        accountType: parsed.data.accountType,
        status: 'verifying',
        verification: { method: parsed.data.verification, usableFrom: null, triesLeft: parsed.data.verification === 'micro_deposits' ? 3 : null, depositsSent: false },
        problem: null,
        inUse: false,
        addedBy: 'payer@example.com',
        addedAt: options.now(),
      };
      plan.accounts.push(account);
      return send(201, account);
    }
    const verify = new RegExp(`^${base}/bank-accounts/(BA-[0-9A-Z]{8})/verify$`).exec(path);
    if (method === 'POST' && verify) {
      const account = plan.accounts.find((a) => a.id === verify[1]);
      if (account === undefined || !verifyMicroDepositsRequest.safeParse(json()).success) return refuse(404, 'NOT_FOUND', 'No such account.');
      Object.assign(account, { status: 'verified', verification: { ...account.verification, triesLeft: 3, depositsSent: true } });
      return send(200, account);
    }
    const remove = new RegExp(`^${base}/bank-accounts/(BA-[0-9A-Z]{8})$`).exec(path);
    if (method === 'DELETE' && remove) {
      plan.accounts = plan.accounts.filter((a) => a.id !== remove[1]);
      return send(204);
    }
    if (method === 'POST' && path === `${base}/payments`) return submit(req, json(), send, refuse, res);
    const cancel = new RegExp(`^${base}/payments/(PAY-[0-9A-Z-]+)/cancel$`).exec(path);
    if (method === 'POST' && cancel) {
      const made = [...plan.payments.values()].find((p) => p.confirmationNumber === cancel[1]);
      if (made === undefined) return refuse(404, 'NOT_FOUND', 'No such payment.');
      Object.assign(made, { status: 'cancelled', cancelledAt: options.now(), cancellableUntil: null });
      return send(200, made);
    }
    const receipt = new RegExp(`^${base}/payments/(PAY-[0-9A-Z-]+)/receipt$`).exec(path);
    if (method === 'GET' && receipt) return void res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from(`%PDF-1.4 receipt ${receipt[1]}`));
    if (method === 'GET' && path === `${base}/autopay`) return send(200, autopay);
    if (method === 'PUT' && path === `${base}/autopay`) {
      const parsed = autopayEnrollRequest.safeParse(json());
      const account = plan.accounts.find((a) => a.id === (parsed.success ? parsed.data.bankAccountId : ''));
      if (!parsed.success || account === undefined) return refuse(400, 'VALIDATION', 'Invalid enrollment.');
      autopay = {
        enrollment: {
          status: 'active',
          bankAccount: { id: account.id, nickname: account.nickname, accountLast4: account.accountLast4, accountType: account.accountType },
          rule: parsed.data.rule,
          authorization: { version: parsed.data.authorizationVersion, acceptedBy: 'payer@example.com', acceptedAt: options.now() },
          suspendedReason: null,
          skipped: [],
          nextDebit: null,
        },
      };
      return send(200, autopay);
    }
    if (method === 'POST' && path === `${base}/autopay/skip`) {
      const parsed = autopaySkipRequest.safeParse(json());
      if (!parsed.success || autopay.enrollment === null) return refuse(409, 'CONFLICT', 'Not enrolled.');
      autopay = { enrollment: { ...autopay.enrollment, skipped: [...autopay.enrollment.skipped, parsed.data.invoiceNumber] } };
      return send(200, autopay);
    }
    if (method === 'DELETE' && path === `${base}/autopay`) {
      if (autopay.enrollment !== null) autopay = { enrollment: { ...autopay.enrollment, status: 'cancelled', nextDebit: null } };
      return send(200, autopay);
    }
    return refuse(404, 'NOT_FOUND', 'No such route.');
  };

  const submit = (req: IncomingMessage, raw: unknown, send: (status: number, value?: unknown) => void, refuse: (status: number, c: string, m: string) => void, res: ServerResponse): void => {
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string') return refuse(400, 'VALIDATION', 'An Idempotency-Key header is required.');
    const made = plan.payments.get(key);
    if (made !== undefined) return send(201, made);
    if (plan.refuseNextPayment !== null) {
      const { status, code: errorCode, message } = plan.refuseNextPayment;
      plan.refuseNextPayment = null;
      return refuse(status, errorCode, message);
    }
    const parsed = paymentRequest.safeParse(raw);
    const account = plan.accounts.find((a) => a.id === (parsed.success ? parsed.data.bankAccountId : ''));
    if (!parsed.success || account === undefined) return refuse(400, 'VALIDATION', 'Invalid payment.');
    const open = parsed.data.invoiceNumbers.map((n) => ({ invoiceNumber: n, ...(options.invoicesOpen.get(n) ?? { periodStart: '2000-01-01', openCents: 0 }) }));
    const payment: Payment = {
      confirmationNumber: `PAY-${parsed.data.paymentDate.slice(2).replace(/-/g, '')}-${code(plan.payments.size + 1, 6)}`,
      amountCents: parsed.data.amountCents,
      paymentDate: parsed.data.paymentDate,
      settlementDate: settlementDate(parsed.data.paymentDate),
      status: 'scheduled',
      bankAccount: { id: account.id, nickname: account.nickname, accountLast4: account.accountLast4, accountType: account.accountType },
      allocations: allocateOldestFirst(parsed.data.amountCents, open).allocations,
      autopay: false,
      submittedBy: 'payer@example.com',
      submittedAt: options.now(),
      cancellableUntil: cutoffOf(parsed.data.paymentDate),
      cancelledAt: null,
      settledAt: null,
      returnCode: null,
      returnReason: null,
      returnedAt: null,
    };
    plan.payments.set(key, payment);
    if (plan.dropNextPaymentAnswer) {
      plan.dropNextPaymentAnswer = false;
      // The payment is made; the answer never arrives.
      res.socket?.destroy();
      return;
    }
    send(201, payment);
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const key = req.headers['idempotency-key'];
      plan.requests.push({ method: req.method ?? '', path: req.url ?? '', body, idempotencyKey: typeof key === 'string' ? key : null });
      route(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  plan.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return plan;
}
