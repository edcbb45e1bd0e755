import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  body: string;
  contentType: string | undefined;
}

/** How the receiver answers the n-th request (1-based): status and an optional delay. */
export type Responder = (n: number) => { status?: number; delayMs?: number };

/** A tiny HTTP endpoint standing in for the app's webhook URL. */
export async function startWebhookReceiver(responder: Responder = () => ({ status: 200 })) {
  const received: ReceivedWebhook[] = [];
  let respond = responder;
  let count = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const { status = 200, delayMs = 0 } = respond(++count);
    received.push({ body: Buffer.concat(chunks).toString('utf8'), contentType: req.headers['content-type'] });
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    res.writeHead(status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    respondWith(next: Responder) {
      respond = next;
      count = 0;
    },
    clear() {
      received.length = 0;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The event type and body inside a webhook JWT, decoded without verifying (for asserting order). */
export function peek(jwt: string): { eventType: string; eventId: string; body: Record<string, unknown> } {
  const payload = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as { data: string };
  const envelope = JSON.parse(payload.data) as { eventType: string; data: string };
  const domainEvent = JSON.parse(envelope.data) as { id: string; actionEvent: { body: Record<string, unknown> } };
  return { eventType: envelope.eventType, eventId: domainEvent.id, body: domainEvent.actionEvent.body };
}
