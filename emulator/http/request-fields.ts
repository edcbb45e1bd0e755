import type { IncomingMessage } from 'node:http';
import { WixError } from './wix-error.js';

/** Reads a JSON body (empty body → `{}`); a body that is not JSON is a 400 naming the path. */
export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readText(req);
  if (!text.trim()) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw new WixError(400, 'MALFORMED_JSON', `Request body of ${req.method} ${req.url} is not JSON`);
  }
}

export async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The request fields of a GET, as the SDK encodes them: either one `.r` parameter holding
 * base64url JSON, or plain parameters where `a.b=1` means `{a:{b:1}}` and repeats mean arrays.
 */
export function queryFields(params: URLSearchParams): Record<string, unknown> {
  const complex = params.get('.r');
  if (complex !== null) {
    try {
      return JSON.parse(Buffer.from(complex, 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      throw new WixError(400, 'MALFORMED_REQUEST', 'The .r query parameter is not base64url JSON');
    }
  }
  const fields: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    setPath(fields, key.split('.'), values.length > 1 ? values : values[0]);
  }
  return fields;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  const [head, ...rest] = path;
  if (!head) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const next = (target[head] ??= {}) as Record<string, unknown>;
  setPath(next, rest, value);
}

/** A parameter that may arrive once (`a=X`) or repeated (`a=X&a=Y`), always as a list. */
export const asList = (value: unknown): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)];
