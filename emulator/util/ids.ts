import { randomBytes, randomUUID } from 'node:crypto';

/** A GUID, the shape Wix uses for every entity ID. */
export const newGuid = (): string => randomUUID();

/** An opaque token string, shaped like the access tokens Wix hands out. */
export const newOpaqueToken = (prefix: string): string =>
  `${prefix}.${randomBytes(24).toString('base64url')}`;

/** A request ID for the `x-wix-request-id` response header. */
export const newRequestId = (): string => randomBytes(8).toString('hex');
