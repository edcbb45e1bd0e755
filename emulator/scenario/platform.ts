import type { Clock } from '../util/clock.js';
import type { World } from '../state/world.js';
import type { EmittedEvent } from '../webhooks/domain-events.js';

/** What the scenarios act on: the sites, the clock, and the event stream that becomes webhooks. */
export interface Platform {
  world: World;
  clock: Clock;
  emit(event: EmittedEvent): void;
}

export const platformNow = (platform: Platform): string => new Date(platform.clock.now()).toISOString();
