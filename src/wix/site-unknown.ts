/**
 * Wix's token endpoint does not know this site for this app (404, 400 "instance not found", or 401/403 not about
 * the app's own credentials): the app was removed from the site, or the site was deleted. Retrying soon cannot
 * help, so the journal gives such an event up after a few widely spaced tries (see event-journal.ts).
 */
export class SiteUnknownError extends Error {
  override name = 'SiteUnknownError';
  constructor(readonly instanceId: string, message: string) {
    super(message);
  }

  /** The SDK replaces an auth error's message with "System error occurred: <JSON>": keep ours readable. */
  toJSON(): string {
    return this.message;
  }
}

/** True if this error, or any error it was caused by, is a SiteUnknownError. */
export function isSiteUnknown(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof SiteUnknownError) return true;
  }
  return false;
}

/** Sites Wix just refused, remembered a while so a burst of their events costs no more token calls. Bounded. */
export interface UnknownSites {
  /** The refusal still remembered for this site, if any. */
  refusal(instanceId: string): SiteUnknownError | undefined;
  remember(error: SiteUnknownError): void;
  forget(instanceId: string): void;
  readonly size: number;
}

export function unknownSites(options: { rememberMs?: number; maxSites?: number; now?: () => number } = {}): UnknownSites {
  const rememberMs = options.rememberMs ?? 10 * 60_000;
  const maxSites = options.maxSites ?? 10_000;
  const now = options.now ?? Date.now;
  const refused = new Map<string, { error: SiteUnknownError; until: number }>();
  return {
    refusal(instanceId) {
      const found = refused.get(instanceId);
      if (found && found.until > now()) return found.error;
      if (found) refused.delete(instanceId);
      return undefined;
    },
    remember(error) {
      refused.delete(error.instanceId);
      while (refused.size >= maxSites) refused.delete(refused.keys().next().value!);
      refused.set(error.instanceId, { error, until: now() + rememberMs });
    },
    forget: (instanceId) => void refused.delete(instanceId),
    get size() {
      return refused.size;
    },
  };
}
