import type { SessionInfo } from '@shared/contract/methods/sync';

/** Sessions the account screens' tests start from; each test changes what it is about. */
export const firstLaunch: SessionInfo = {
  mode: 'sandbox',
  serviceUrl: 'http://127.0.0.1:41234',
  user: { userId: 'sandbox.admin', name: 'Sandbox Administrator', email: 'admin@sandbox.example' },
  groups: [
    { groupNumber: '100234', name: 'Harbor Logistics Inc.', role: 'primary_admin' },
    { groupNumber: '200587', name: 'Cedar Valley Schools', role: 'primary_admin' },
  ],
  welcome: true,
  locked: false,
  autoLockMinutes: 0,
  pendingVerification: null,
  lastServiceUrl: null,
  revision: 1,
};

export const signedInRemote: SessionInfo = {
  ...firstLaunch,
  mode: 'remote',
  serviceUrl: 'https://plan.example.com',
  user: { userId: 'jdoe.hr', name: 'Jo Doe', email: 'jo@harbor.example' },
  groups: [{ groupNumber: '100234', name: 'Harbor Logistics Inc.', role: 'admin' }],
  welcome: false,
  autoLockMinutes: 15,
  lastServiceUrl: 'https://plan.example.com',
};

export const newUser: SessionInfo = { ...signedInRemote, user: { userId: 'newhire.ops', name: 'Nia Hire', email: 'nia@harbor.example' }, groups: [] };

export const waitingForCode: SessionInfo = {
  ...firstLaunch,
  pendingVerification: { serviceUrl: 'https://plan.example.com', userId: 'newhire.ops', sentTo: 'n***@harbor.example', expiresAt: '2026-11-28T12:00:00.000Z' },
  lastServiceUrl: 'https://plan.example.com',
};
