import { readJson } from './api-failure.js';
import type { AutoReplySettings, ConversationDetail, ConversionFunnel, ConversationList, DashboardApi, DryRunResult, ListParams, Stats } from './dashboard-api.js';

/** Sends one request to a dashboard API path (e.g. `/api/conversations?…`) with the host's authentication. */
export type ApiFetch = (path: string, init?: RequestInit) => Promise<Response>;

/** The dashboard API over HTTP: the same paths on the self-hosted server and on Wix hosting. */
export function httpDashboardApi(send: ApiFetch): DashboardApi {
  const get = <T>(path: string, what: string) => send(path).then((response) => readJson<T>(response, what));
  const write = <T>(method: string, path: string, body: unknown, what: string) =>
    send(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then((response) => readJson<T>(response, what));
  return {
    list: (params) => get<ConversationList>(`/api/conversations?${listQuery(params)}`, 'conversations'),
    conversation: (id, mergedFrom = []) => get<ConversationDetail>(
      `/api/conversations/${encodeURIComponent(id)}${mergedFrom.length ? `?${new URLSearchParams({ merged: mergedFrom.slice(0, 50).join(',') })}` : ''}`, 'the timeline'),
    stats: ({ from, to }) => get<Stats>(`/api/stats?${new URLSearchParams({ from, to })}`, 'the summary'),
    funnel: ({ from, to }) => get<ConversionFunnel>(`/api/funnel?${new URLSearchParams({ from, to })}`, 'the conversion funnel'),
    settings: () => get<AutoReplySettings>('/api/settings', 'the auto-reply settings'),
    saveSettings: (settings) => write<AutoReplySettings>('PUT', '/api/settings', settings, 'the auto-reply settings'),
    dryRun: (sample) => write<DryRunResult>('POST', '/api/settings/dry-run', sample, 'the dry run'),
    contactConversations: (contactId) =>
      get<{ items: ConversationList['items'] }>(`/api/contact-conversations?${new URLSearchParams({ contactId })}`, "this contact's conversations")
        .then((body) => body.items),
  };
}

function listQuery(params: ListParams): URLSearchParams {
  const query = new URLSearchParams({ sort: params.sort, limit: String(params.limit) });
  if (params.cursor) query.set('cursor', params.cursor);
  else query.set('offset', String(params.offset));
  if (params.type) query.set('type', params.type);
  if (params.search) query.set('search', params.search);
  return query;
}
