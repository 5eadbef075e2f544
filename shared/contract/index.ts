import type { z } from 'zod';
import { appMethods } from './methods/app';
import { dashboardMethods } from './methods/dashboard';
import { groupsMethods } from './methods/groups';
import { membersMethods } from './methods/members';
import { transactionsMethods } from './methods/transactions';
import { draftsMethods } from './methods/drafts';
import { notificationsMethods } from './methods/notifications';
import { syncMethods } from './methods/sync';
import { accountMethods } from './methods/account';
import { usersMethods } from './methods/users';
import { billPayMethods } from './methods/bill-pay';
import { billingMethods } from './methods/billing';
import { paymentsMethods } from './methods/payments';
import { rosterExportMethods } from './methods/roster-export';
import { rosterImportMethods } from './methods/roster-import';
import { rosterHistoryMethods } from './methods/roster-history';
import { exceptionsMethods } from './methods/exceptions';
import { twoFactorMethods } from './methods/two-factor';

/**
 * Every method the renderer may call: name → input schema, output schema, permission. Adding a method
 * is one entry here plus its handler in electron/core; both hosts and the renderer client follow.
 */
export const contract = {
  ...appMethods,
  ...groupsMethods,
  ...membersMethods,
  ...dashboardMethods,
  ...transactionsMethods,
  ...draftsMethods,
  ...notificationsMethods,
  ...syncMethods,
  ...accountMethods,
  ...usersMethods,
  ...billPayMethods,
  ...billingMethods,
  ...paymentsMethods,
  ...rosterExportMethods,
  ...rosterImportMethods,
  ...rosterHistoryMethods,
  ...exceptionsMethods,
  ...twoFactorMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (defaults not yet applied). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);

export * from './errors';
export * from './define';
export * from './events';
