import { describe, expect, it, vi } from 'vitest';
import { ContractFailure } from '@shared/contract';
import type { CoreEvent } from '@shared/contract/events';
import { testPorts } from '../test-support/test-ports';
import { fixtureStore, fixtureToday } from '../test-support/member-fixtures';
import { allHandlers } from '../services/all-handlers';
import { createDispatcher, type DispatcherOptions } from './dispatcher';
import { combineHandlers, handlers, type HandlerMap } from './handler-types';

function setup(overrides: Partial<HandlerMap> = {}, blocked: string | null = null, lock = { locked: false }) {
  const store = fixtureStore();
  const published: CoreEvent[] = [];
  const log = vi.fn<(message: string) => void>();
  const options: DispatcherOptions = {
    handlers: { ...allHandlers, ...overrides },
    validateOutput: true,
    log,
    publish: (event) => published.push(event),
    blocked: () => blocked,
    locked: () => lock.locked,
    context: (emit) => ({ store, ...testPorts(), today: () => fixtureToday, now: () => '2026-11-27T09:00:00.000Z', emit }),
  };
  return { dispatcher: createDispatcher(options), published, log };
}

describe('dispatcher', () => {
  it('answers bad input with VALIDATION and the path of every bad field', async () => {
    const { dispatcher } = setup();
    const result = await dispatcher.dispatch('members.list', { groupNumber: '12', sort: { by: 'shoeSize', dir: 'up' }, limit: 0, extra: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(Object.keys(result.error.fields ?? {}).sort()).toEqual(['(root)', 'groupNumber', 'limit', 'sort.by', 'sort.dir']);
    expect(result.error.message).toMatch(/^Invalid input: /);
  });

  it('refuses a method that is not in the contract', async () => {
    const { dispatcher } = setup();
    expect(await dispatcher.dispatch('members.delete', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Unknown method "members.delete"' } });
    expect(await dispatcher.dispatch('toString', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('passes parsed input with defaults applied to the handler', async () => {
    const { dispatcher } = setup();
    const result = await dispatcher.dispatch('members.list', { groupNumber: '4321' });
    expect(result).toMatchObject({ ok: true, value: { total: 7 } });
    expect(result.ok && (result.value as { rows: unknown[] }).rows).toHaveLength(7);
  });

  it('turns a ContractFailure into its code and anything else into a generic INTERNAL, logged without input', async () => {
    const { dispatcher, log } = setup({
      'groups.get': () => {
        throw new ContractFailure('RULE', 'Not allowed today', { groupNumber: 'Closed' });
      },
      'groups.list': () => {
        throw new TypeError('boom');
      },
    });
    expect(await dispatcher.dispatch('groups.get', { groupNumber: '4321' })).toEqual({ ok: false, error: { code: 'RULE', message: 'Not allowed today', fields: { groupNumber: 'Closed' } } });
    const internal = await dispatcher.dispatch('groups.list', {});
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!internal.ok && internal.error.message).not.toContain('boom');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('groups.list failed: TypeError: boom'));
  });

  it('catches an answer outside the output schema', async () => {
    const { dispatcher, log } = setup({ 'groups.list': () => [{ groupNumber: 'nope', name: 'x', region: 'y', activeMembers: -1, role: 'admin', balanceCents: null, balanceDueDate: null }] });
    expect(await dispatcher.dispatch('groups.list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('0.groupNumber, 0.activeMembers'));
  });

  it('publishes events only after the handler succeeded, and drops them when it failed', async () => {
    const event: CoreEvent = { type: 'roster.changed', groupNumber: '4321' };
    const { dispatcher, published } = setup({
      'groups.list': (_input, ctx) => {
        ctx.emit(event);
        expect(published).toEqual([]);
        return [];
      },
      'groups.get': (_input, ctx) => {
        ctx.emit(event);
        throw new ContractFailure('CONFLICT', 'Changed meanwhile');
      },
    });
    await dispatcher.dispatch('groups.get', { groupNumber: '4321' });
    expect(published).toEqual([]);
    await dispatcher.dispatch('groups.list', {});
    expect(published).toEqual([event]);
  });

  it('answers INTERNAL with the reason while the method is blocked (store not ready)', async () => {
    const { dispatcher } = setup({}, 'The local database is not usable (corrupt): damaged');
    expect(await dispatcher.dispatch('groups.list', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'The local database is not usable (corrupt): damaged' } });
  });

  it('while locked answers only the lock screen and the status bar, with AUTH for everything else', async () => {
    const lock = { locked: true };
    const ran: string[] = [];
    const allowed = ['app.status', 'session.get', 'session.unlock', 'session.signOut', 'sync.status'] as const;
    const { dispatcher } = setup(Object.fromEntries(allowed.map((method) => [method, () => ran.push(method) && ({} as never)])), null, lock);
    const refused = { ok: false, error: { code: 'AUTH', message: 'GroupDesk is locked. Enter your password to continue.' } };
    expect(await dispatcher.dispatch('members.list', { groupNumber: '4321' })).toEqual(refused);
    expect(await dispatcher.dispatch('groups.list', {})).toEqual(refused);
    expect(await dispatcher.dispatch('session.lock', {})).toEqual(refused);
    expect(await dispatcher.dispatch('session.signIn', { serviceUrl: 'https://plan.example.com', userId: 'pat.lee', password: 'x' })).toEqual(refused);
    for (const method of allowed) await dispatcher.dispatch(method, method === 'session.unlock' ? { password: 'secret' } : {});
    expect(ran).toEqual(allowed);
    // Bad input to an allowed method is still VALIDATION, with the field.
    expect(await dispatcher.dispatch('session.unlock', { password: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { password: 'Enter your password' } } });

    lock.locked = false;
    expect(await dispatcher.dispatch('members.list', { groupNumber: '4321' })).toMatchObject({ ok: true, value: { total: 7 } });
  });

  it('throws when a handler is registered twice or missing', () => {
    const a = handlers({ 'groups.list': () => [] });
    const b = handlers({ 'groups.list': () => [] });
    expect(() => combineHandlers(a, b)).toThrow('Handler for groups.list is registered twice');
    const incomplete = { ...allHandlers } as Partial<HandlerMap>;
    delete incomplete['members.get'];
    expect(() => createDispatcher({ ...setupOptions(), handlers: incomplete as HandlerMap })).toThrow('No handler for members.get');
  });
});

function setupOptions(): DispatcherOptions {
  return { handlers: allHandlers, validateOutput: true, log: () => {}, publish: () => {}, blocked: () => null, context: () => ({}) as never };
}
