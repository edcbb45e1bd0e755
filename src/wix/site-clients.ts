import { contacts } from '@wix/crm';
import { conversations, messages } from '@wix/inbox';
import { members } from '@wix/members';
import { createWixClient } from './client.js';

const MODULES = { contacts, members, conversations, messages };

export interface AppCredentials {
  appId: string;
  appSecret: string;
  apiUrl?: string;
}

/** One SDK client per site, made on first use and kept (its token is cached inside). */
export function siteClients(credentials: AppCredentials) {
  const clients = new Map<string, ReturnType<typeof create>>();
  const create = (instanceId: string) => createWixClient({ ...credentials, instanceId, modules: MODULES });
  return (instanceId: string) => {
    let client = clients.get(instanceId);
    if (!client) clients.set(instanceId, (client = create(instanceId)));
    return client;
  };
}
