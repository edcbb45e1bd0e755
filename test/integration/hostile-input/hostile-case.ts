import { expect } from 'vitest';
import type { HostileStack } from './hostile-stack.js';

/** One bad input: how to send it, and the 4xx (and error code, where it is known) the server must answer. */
export interface HostileCase {
  name: string;
  send(stack: HostileStack): Promise<Response>;
  status: number;
  code?: string;
}

/** The answer is the case's 4xx (and code) in the one JSON error shape, with a message a person can act on, and the security headers. */
export async function expectRefused(response: Response, hostile: HostileCase): Promise<void> {
  const body = await response.json() as { error?: { code?: unknown; message?: unknown } };
  expect(response.status).toBe(hostile.status);
  expect(body).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
  expect(Object.keys(body.error!).filter((key) => key !== 'details')).toEqual(['code', 'message']);
  expect((body.error!.message as string).length).toBeGreaterThan(10);
  if (hostile.code) expect(body.error!.code).toBe(hostile.code);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('content-security-policy')).toContain('frame-ancestors https://manage.wix.com https://*.wix.com');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
}
