import type { Clock } from '../util/clock.js';
import type { World } from '../state/world.js';
import type { SiteState } from '../state/site-state.js';
import type { RouteContext } from '../http/router.js';

/** What the Wix API routes need: the world and the clock. */
export interface ApiDeps {
  world: World;
  clock: Clock;
}

/** The calling token's own site: the only data a request can ever see. */
export const callerSite = (deps: ApiDeps, ctx: RouteContext): SiteState => deps.world.site(ctx.caller.instanceId);

export const nowIso = (deps: ApiDeps): string => new Date(deps.clock.now()).toISOString();
