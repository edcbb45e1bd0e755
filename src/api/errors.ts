/** An error a caller can act on: an HTTP status, a stable code, and a message that says what to fix. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: Record<string, unknown>) {
    super(message);
  }
}

export class BadRequestError extends ApiError {
  constructor(message: string, code = 'BAD_REQUEST') {
    super(400, code, message);
  }
}

export class UnauthorizedError extends ApiError {
  constructor(message: string, code = 'UNAUTHORIZED') {
    super(401, code, message);
  }
}

export class NotFoundError extends ApiError {
  constructor(message: string) {
    super(404, 'NOT_FOUND', message);
  }
}

export class PayloadTooLargeError extends ApiError {
  constructor(limitBytes: number) {
    super(413, 'PAYLOAD_TOO_LARGE', `Request body is over ${Math.round(limitBytes / 1024)} KiB`);
  }
}

/** Settings that cannot be saved: every problem, each naming its field. */
export class SettingsInvalidError extends ApiError {
  constructor(readonly problems: { field: string; problem: string }[]) {
    super(400, 'INVALID_SETTINGS', problems.map((p) => `${p.field} ${p.problem}`).join('; '), { problems });
  }
}

/** The one JSON shape every error takes on the wire. */
export function errorBody(error: ApiError): { error: { code: string; message: string; details?: Record<string, unknown> } } {
  return { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
}
