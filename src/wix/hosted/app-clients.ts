import { AppStrategy, createClient, type AuthenticationStrategy } from '@wix/sdk';
import { items } from '@wix/data';

const modules = { items };
const clientOf = (auth: AuthenticationStrategy<any>) => createClient({ modules, auth });
export type AppClient = ReturnType<typeof clientOf>;

/** Sites whose client (and token) an isolate keeps; the least recently used is dropped beyond this. */
const MAX_SITES = 200;

/**
 * The app's own SDK client per site, kept for the life of the isolate: its access token (client credentials, valid
 * for hours) is fetched once and reused by every request the isolate serves for that site. The runtime's elevated
 * modules make a new strategy per request, so each webhook would otherwise spend one of its 20 sub-requests on a
 * token. Concurrent first calls share one token request.
 */
export function appClients(appId: string, appSecret: () => string) {
  const clients = new Map<string, AppClient>();
  return (instanceId: string): AppClient => {
    let client = clients.get(instanceId);
    if (client) {
      clients.delete(instanceId);
    } else {
      client = clientOf(sharedTokenRequests(AppStrategy({ appId, appSecret: appSecret(), instanceId })));
      if (clients.size >= MAX_SITES) clients.delete(clients.keys().next().value!);
    }
    clients.set(instanceId, client);
    return client;
  };
}

function sharedTokenRequests<T extends AuthenticationStrategy<any>>(strategy: T): T {
  let inFlight: ReturnType<T['getAuthHeaders']> | undefined;
  return {
    ...strategy,
    getAuthHeaders(host?: unknown) {
      inFlight ??= Promise.resolve(strategy.getAuthHeaders(host as never)).finally(() => { inFlight = undefined; }) as never;
      return inFlight!;
    },
  };
}
