import type { HandlerContext } from '../dispatch/handler-types';

type Ports = Omit<HandlerContext, 'store' | 'today' | 'now' | 'emit'>;

/** A port whose every member throws: a handler under test that reaches it fails the test by name. */
const unused = <T extends object>(name: string): T =>
  new Proxy({} as T, {
    get: (_target, member) => {
      throw new Error(`${name}.${String(member)} is not under test`);
    },
  });

/** The ports of a HandlerContext for a test that wires only the ones it checks. */
export function testPorts(given: Partial<Ports> = {}): Ports {
  return {
    session: given.session ?? unused('session'),
    clients: given.clients ?? unused('clients'),
    connection: given.connection ?? unused('connection'),
    sync: given.sync ?? unused('sync'),
    app: given.app ?? unused('app'),
    files: given.files ?? unused('files'),
    jobs: given.jobs ?? unused('jobs'),
    publish:
      given.publish ??
      (() => {
        throw new Error('publish is not under test');
      }),
  };
}
