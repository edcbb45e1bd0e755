import { startStack, type Stack, type StackOptions } from '../registry/stack.js';
import { textOf, type HostUnderTest, type SiteOwnerView } from '../../scenarios/site-owner-view.js';

/** Calls the server's API as the site's dashboard would. */
export async function api(stack: Stack, instanceId: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${stack.serverUrl}${path}`, {
    method,
    headers: { authorization: stack.tokenFor(instanceId), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json() };
}

export async function putSettings(stack: Stack, instanceId: string, settings: unknown): Promise<void> {
  const { status, json } = await api(stack, instanceId, 'PUT', '/api/settings', settings);
  if (status !== 200) throw new Error(`PUT /api/settings → ${status}: ${JSON.stringify(json)}`);
}

/** The texts the app sent on a site, oldest first. */
export function repliesOn(stack: Stack, instanceId: string): string[] {
  return stack.emulator.sentByApp(instanceId).map(({ message }) => textOf(message.content));
}

export async function timeline(stack: Stack, instanceId: string, conversationId: string) {
  const { status, json } = await api(stack, instanceId, 'GET', `/api/conversations/${conversationId}`);
  if (status !== 200) throw new Error(`GET timeline → ${status}: ${JSON.stringify(json)}`);
  return json as { conversation: any; decisions: { outcome: string; reason?: string; text?: string; rule?: string }[] };
}

/** The self-hosted stack as a host-neutral scenario sees it (test/scenarios/). */
function selfHostedView(stack: Stack): SiteOwnerView {
  return {
    emulator: stack.emulator,
    settle: () => stack.settle(),
    api: (instanceId, method, path, options = {}) => api(stack, instanceId, method, path, options.body),
    list: (instanceId, params) => stack.list(instanceId, params),
    timeline: (instanceId, conversationId) => timeline(stack, instanceId, conversationId),
    putSettings: (instanceId, settings) => putSettings(stack, instanceId, settings),
    repliesOn: (instanceId) => repliesOn(stack, instanceId),
    close: () => stack.close(),
  };
}

/** The self-hosted server as a host the shared scenarios (test/scenarios/) run on, with `settings` for every stack they start. */
export const selfHosted = (settings: StackOptions = {}): HostUnderTest =>
  ({ name: 'self-hosted', start: async (options = {}) => selfHostedView(await startStack({ ...settings, ...options })) });
