import { BadRequestError } from './errors.js';

/** A request body as JSON (empty is `{}`); anything else is a 400 that says so. */
export function parseJsonBody(text: string): unknown {
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new BadRequestError('Request body must be JSON');
  }
}
