import type { Stack } from '../registry/stack.js';

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

export function textOf(content: Record<string, any>): string {
  return (content.basic?.items ?? []).map((item: { text?: string }) => item.text).join('\n');
}

export async function timeline(stack: Stack, instanceId: string, conversationId: string) {
  const { status, json } = await api(stack, instanceId, 'GET', `/api/conversations/${conversationId}`);
  if (status !== 200) throw new Error(`GET timeline → ${status}: ${JSON.stringify(json)}`);
  return json as { conversation: any; decisions: { outcome: string; reason?: string; text?: string; rule?: string }[] };
}
