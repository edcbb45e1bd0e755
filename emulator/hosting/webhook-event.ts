/** The event inside a webhook JWT, read without verifying it (the worker verifies; this only labels the record). */
export function peekWebhookEvent(jwt: string): { eventId: string; eventType: string; instanceId: string } | undefined {
  try {
    const claims = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { data?: string };
    const envelope = JSON.parse(claims.data ?? '') as { data?: string; eventType?: string; instanceId?: string };
    const domainEvent = JSON.parse(envelope.data ?? '') as { id?: string };
    if (!domainEvent.id || !envelope.eventType || !envelope.instanceId) return undefined;
    return { eventId: domainEvent.id, eventType: envelope.eventType, instanceId: envelope.instanceId };
  } catch {
    return undefined;
  }
}
