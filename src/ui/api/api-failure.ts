/** One field the server refused (400 INVALID_SETTINGS), by its path, e.g. `keywordRules[0].text`. */
export interface FieldProblem {
  field: string;
  problem: string;
}

/** A dashboard API call that did not succeed, with what the owner can do about it. */
export class ApiFailure extends Error {
  override name = 'ApiFailure';
  constructor(readonly status: number, message: string, readonly code?: string, readonly problems: FieldProblem[] = []) {
    super(message);
  }

  /** The server does not offer this yet (an older server, or a feature still being rolled out). */
  get notAvailable(): boolean {
    return this.status === 404 || this.status === 405;
  }
}

export function isNotAvailable(error: unknown): boolean {
  return error instanceof ApiFailure && error.notAvailable;
}

/** Reads a response: JSON on success, an ApiFailure naming the server's own message otherwise. */
export async function readJson<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (response.ok) return body as T;
  const error = (body as { error?: { code?: string; message?: string; details?: { problems?: FieldProblem[] } } } | undefined)?.error;
  const message = error?.message ?? (response.status === 401
    ? 'Your session has expired: reopen the panel from the Wix dashboard.'
    : `Could not load ${what} (HTTP ${response.status}).`);
  const problems = Array.isArray(error?.details?.problems) ? error.details.problems : [];
  throw new ApiFailure(response.status, message, error?.code, problems);
}

/** The fields a failed call named (400 INVALID_SETTINGS); none for any other failure. */
export function fieldProblemsOf(error: unknown): FieldProblem[] {
  return error instanceof ApiFailure ? error.problems : [];
}
