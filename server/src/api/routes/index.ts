// Every route plugin of the API, registered under /v1 in this order. Append one line per plugin.
import type { RoutePlugin } from '../deps';
import { openapiRoutes } from './openapi';

export const routePlugins: readonly RoutePlugin[] = [openapiRoutes];
