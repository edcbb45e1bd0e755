import { BadRequestError, PayloadTooLargeError } from './errors.js';

/** What any request to the app may be at most, on both hosts: past these it is refused before it is read. */

/** A webhook's body (Wix's JWT). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** An API request's JSON body: the largest settings validation accepts are ~80 kB (~240 kB in 3-byte UTF-8). */
export const MAX_JSON_BODY_BYTES = 512 * 1024;
/** Longer request targets are refused before routing (no route or parameter needs more). */
export const MAX_URL_LENGTH = 8192;

/** A request target over MAX_URL_LENGTH is a 400 that says so. */
export function checkUrlLength(target: string): void {
  if (target.length > MAX_URL_LENGTH) throw new BadRequestError(`The request URL is over ${MAX_URL_LENGTH} characters`, 'URL_TOO_LONG');
}

/** A body its sender declares (Content-Length) to be over `limit` bytes is a 413, before any of it is read. */
export function checkDeclaredLength(contentLength: string | null | undefined, limit: number): void {
  // No header is NaN (undefined) or 0 (null, ''): neither is over the limit.
  if (Number(contentLength) > limit) throw new PayloadTooLargeError(limit);
}
