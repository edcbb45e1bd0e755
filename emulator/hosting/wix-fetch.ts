import type { RequestScope, SubRequestRecord } from './hosted-request.js';
import { requestScope } from './request-scope.js';

const WIX_API_HOST = 'www.wixapis.com';
const WIX_BI_HOST = 'frog.wix.com';

/** What a worker runtime throws on the fetch past its sub-request limit (workerd's wording). */
export class SubrequestLimitError extends Error {
  constructor(limit: number) {
    super(`Too many subrequests. (Wix hosting allows ${limit} per request; the harness refused fetch #${limit + 1})`);
    this.name = 'Error';
  }
}

let installed: typeof fetch | undefined;

/**
 * Wraps `globalThis.fetch` once per process. Outside a hosted request it is the plain fetch (tests, the
 * emulator's webhook posts). Inside one, every call counts toward that request's limit; the one past the limit
 * throws as a worker runtime does; Wix's hosts go to that request's emulator; any other host fails loudly.
 */
export function installWixFetch(): void {
  if (installed) return;
  const plainFetch = globalThis.fetch;
  installed = plainFetch;
  globalThis.fetch = async function hostedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const scope = requestScope.getStore();
    if (!scope) return plainFetch(input, init);
    return countedFetch(plainFetch, scope, input, init);
  } as typeof fetch;
}

async function countedFetch(plainFetch: typeof fetch, scope: RequestScope, input: RequestInfo | URL,
  init?: RequestInit): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  const entry: SubRequestRecord = { method, path: `${url.host}${url.pathname}` };
  const { record, subrequestLimit } = scope;
  record.subrequests.push(entry);
  if (record.subrequests.length > subrequestLimit) {
    entry.refused = true;
    if (!record.violations.some((v) => v.limit === 'subrequests')) {
      record.violations.push({ limit: 'subrequests',
        message: `${record.kind}: fetch #${subrequestLimit + 1} (${method} ${entry.path}) is past Wix hosting's ` +
          `${subrequestLimit} sub-requests per request` });
    }
    throw new SubrequestLimitError(subrequestLimit);
  }
  const target = toEmulator(url, scope.emulatorUrl);
  if (!target) {
    throw new TypeError(`The hosted worker fetched ${method} ${url.origin}${url.pathname}: the harness only knows ` +
      `Wix's hosts (${WIX_API_HOST}, ${WIX_BI_HOST}); add the host to emulator/hosting/wix-fetch.ts if Wix serves it`);
  }
  const response = input instanceof Request ? await plainFetch(new Request(target, input), init)
    : await plainFetch(target, init);
  entry.status = response.status;
  return response;
}

function toEmulator(url: URL, emulatorUrl: string): string | undefined {
  if (url.host === WIX_API_HOST) return `${emulatorUrl}${url.pathname}${url.search}`;
  if (url.host === WIX_BI_HOST) return `${emulatorUrl}/_frog${url.pathname}${url.search}`;
  return undefined;
}
