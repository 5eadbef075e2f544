import QRCode from 'qrcode';
import type { TwoFactorEnrollment } from '@shared/contract/methods/two-factor';
import { handlers, type HandlerContext } from '../../dispatch/handler-types';
import { confirmTwoFactor, disableTwoFactor, regenerateRecoveryCodes, signOutEverywhere, startTwoFactor, twoFactorStatusAt } from '../../plan-service/two-factor-client';
import { writeSetting } from '../../store/repositories/settings-repository';
import { forgetRememberedDevice } from '../../store/repositories/remembered-devices';

/**
 * Settings → Security: two-step sign-in at the plan service for the signed-in user. The secret and
 * the recovery codes pass through to the window that asked and are never kept here; the QR code is
 * drawn here (the renderer has no network and no QR library) as an SVG document.
 */
async function start(ctx: HandlerContext): Promise<TwoFactorEnrollment> {
  const started = await startTwoFactor(ctx.clients.authorized(ctx.store));
  const qrSvg = await QRCode.toString(started.otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secretGroups: started.secret.match(/.{1,4}/g) ?? [], qrSvg };
}

export const twoFactorHandlers = handlers({
  'twoFactor.status': (_input, ctx) => twoFactorStatusAt(ctx.clients.authorized(ctx.store)),
  'twoFactor.start': (_input, ctx) => start(ctx),
  'twoFactor.confirm': async ({ code }, ctx) => {
    const recoveryCodes = await confirmTwoFactor(ctx.clients.authorized(ctx.store), code);
    // The plan lifted the session's limit: the app's other screens open again.
    writeSetting(ctx.store, 'twoFactorSetupRequired', null, ctx.now());
    ctx.emit({ type: 'session.changed', session: ctx.session.info(ctx.store) });
    ctx.sync.refreshAccount();
    return { recoveryCodes };
  },
  'twoFactor.disable': async (input, ctx) => {
    const client = ctx.clients.authorized(ctx.store);
    await disableTwoFactor(client, input);
    const user = ctx.session.info(ctx.store).user;
    if (user !== null) forgetRememberedDevice(ctx.store, client.url, user.userId, ctx.now());
    return twoFactorStatusAt(client);
  },
  'session.signOutEverywhere': async (_input, ctx) => {
    const client = ctx.clients.authorized(ctx.store);
    const ended = await signOutEverywhere(client);
    // The plan revoked this computer's token with the others: it is of no use here any more.
    const user = ctx.session.info(ctx.store).user;
    if (user !== null) forgetRememberedDevice(ctx.store, client.url, user.userId, ctx.now());
    return ended;
  },
  'twoFactor.regenerateRecoveryCodes': async ({ code }, ctx) => ({ recoveryCodes: await regenerateRecoveryCodes(ctx.clients.authorized(ctx.store), code) }),
});
