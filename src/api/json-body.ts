import { BadRequestError } from './errors.js';

/**
 * The most object keys a request body may hold: a site's whole settings at every limit have a few hundred. Parsing
 * an object of tens of thousands of distinct keys holds the event loop for ~100 ms per MB, so they are counted
 * first, in one linear scan, and refused before `JSON.parse` sees them.
 */
export const MAX_JSON_KEYS = 2000;

/** A request body as JSON (empty is `{}`); anything else is a 400 that says so. */
export function parseJsonBody(text: string): unknown {
  if (!text) return {};
  if (objectKeysIn(text) > MAX_JSON_KEYS) throw new BadRequestError(`Request body has more than ${MAX_JSON_KEYS} fields`, 'TOO_MANY_FIELDS');
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestError('Request body must be JSON');
  }
}

/** The `:` outside strings: one per object key in well-formed JSON (an over-count for malformed text, which fails anyway). */
function objectKeysIn(text: string): number {
  let keys = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 58 /* : */ && ++keys > MAX_JSON_KEYS) return keys;
  }
  return keys;
}
