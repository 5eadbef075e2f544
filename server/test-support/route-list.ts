import type { FastifyInstance } from 'fastify';

export interface MountedRoute {
  method: string;
  /** Fastify's form: `/v1/groups/:groupNumber`. */
  url: string;
}

/**
 * Every route the app serves, read from Fastify's own route tree (`printRoutes`), so a route added
 * later is listed without anyone updating a list. HEAD is left out: Fastify adds it to every GET and
 * answers it with the GET's handler.
 */
export function mountedRoutes(app: FastifyInstance): MountedRoute[] {
  const prefixes: string[] = [];
  const routes: MountedRoute[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?/u.exec(line);
    if (match === null) continue;
    const depth = match[1]!.length / 4;
    const url = (prefixes[depth - 1] ?? '') + match[2]!;
    prefixes[depth] = url;
    prefixes.length = depth + 1;
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) if (method !== 'HEAD') routes.push({ method, url });
  }
  return routes;
}
