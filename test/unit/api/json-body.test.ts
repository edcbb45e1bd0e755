import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/api/errors.js';
import { MAX_JSON_KEYS, parseJsonBody } from '../../../src/api/json-body.js';

const keys = (n: number) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_v, i) => [`k${i}`, i])));

describe('parseJsonBody', () => {
  it('parses JSON, and an empty body as {}', () => {
    expect(parseJsonBody('{"a":[1,{"b":"c"}]}')).toEqual({ a: [1, { b: 'c' }] });
    expect(parseJsonBody('')).toEqual({});
  });

  it(`takes ${MAX_JSON_KEYS} keys and refuses one more, before parsing`, () => {
    expect(Object.keys(parseJsonBody(keys(MAX_JSON_KEYS)) as object)).toHaveLength(MAX_JSON_KEYS);
    expect(() => parseJsonBody(keys(MAX_JSON_KEYS + 1))).toThrow(expect.objectContaining({ status: 400, code: 'TOO_MANY_FIELDS' }));
  });

  it('does not count colons inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ text: ':'.repeat(5000), quoted: '\\":\\":'.repeat(1000) });
    expect(parseJsonBody(text)).toMatchObject({ text: ':'.repeat(5000) });
  });

  it('refuses text that is not JSON with a 400 that says so', () => {
    const error = (() => { try { parseJsonBody('{"a":'); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, message: 'Request body must be JSON' });
  });
});
