import type { DeliveryLog } from '../../mail/deliver';
import type { Mailer } from '../../mail/mailer';
import type { Db } from '../../store/db';
import type { BillingPlan } from '../billing/billing-plan';

/** What the payment services that e-mail need: the store, the mailer, the plan's name and team, where failures are logged. */
export interface PaymentsEnv {
  db: Db;
  mailer: Pick<Mailer, 'send'>;
  plan: BillingPlan;
  log: DeliveryLog;
}
