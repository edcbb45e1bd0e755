import type { Clock } from '../util/clock.js';
import { newGuid } from '../util/ids.js';
import { WixError } from '../http/wix-error.js';
import { emptySiteState, type SiteState } from './site-state.js';
import type { Site } from './types.js';

export interface NewSite {
  businessName?: string;
  timeZone?: string;
  instanceId?: string;
}

/** All sites that have the emulated app installed. */
export class World {
  private readonly sites = new Map<string, SiteState>();

  constructor(readonly clock: Clock) {}

  createSite(input: NewSite = {}): Site {
    const site: Site = {
      instanceId: input.instanceId ?? newGuid(),
      siteId: newGuid(),
      accountId: newGuid(),
      businessName: input.businessName ?? `Demo Business ${this.sites.size + 1}`,
      timeZone: input.timeZone ?? 'Etc/UTC',
      createdDate: new Date(this.clock.now()).toISOString(),
    };
    if (this.sites.has(site.instanceId)) {
      throw new WixError(409, 'INSTANCE_EXISTS', `A site with instanceId ${site.instanceId} already exists`);
    }
    this.sites.set(site.instanceId, emptySiteState(site));
    return { ...site };
  }

  hasSite(instanceId: string): boolean {
    return this.sites.has(instanceId);
  }

  site(instanceId: string): SiteState {
    const state = this.sites.get(instanceId);
    if (!state) {
      throw new WixError(404, 'INSTANCE_NOT_FOUND', `No site with instanceId ${instanceId}: create one with createSite()`);
    }
    return state;
  }

  allSites(): SiteState[] {
    return [...this.sites.values()];
  }
}
