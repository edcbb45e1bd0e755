import { describe, expect, it } from 'vitest';
import { createLogger, errorField } from '../../../src/server/logger.js';

function lines(log: (logger: ReturnType<typeof createLogger>) => void): Record<string, unknown>[] {
  const written: string[] = [];
  log(createLogger((line) => written.push(line)));
  return written.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('server log lines', () => {
  it('replaces a secret field at the top of a line and in its err, and keeps every other field', () => {
    const [line] = lines((log) => log.warn({
      event: 'request', path: '/api/settings', status: 401, instance: 'signed-instance-token', authorization: 'Bearer abc',
      err: { ...errorField(new Error('bad token')), token: 'leaked', client_secret: 'shh' },
    }));
    expect(line).toMatchObject({
      event: 'request', path: '/api/settings', status: 401, instance: '[redacted]', authorization: '[redacted]',
      err: { name: 'Error', message: 'bad token', token: '[redacted]', client_secret: '[redacted]' },
    });
    expect(JSON.stringify(line)).not.toMatch(/signed-instance-token|Bearer abc|leaked|shh/);
  });

  it('writes a webhook line as given: one JSON object, with its level and time', () => {
    const [line] = lines((log) => log.info({ event: 'webhook', method: 'POST', path: '/webhooks', status: 200, ms: 1.2, result: 'processed' }));
    expect(line).toEqual({ level: 30, time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), event: 'webhook', method: 'POST', path: '/webhooks',
      status: 200, ms: 1.2, result: 'processed' });
  });
});
