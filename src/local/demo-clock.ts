/**
 * The local mode's clock: real time, except while the demo is seeded, when it stands at a chosen moment in the
 * recent past and moves forward as the demo's people write. Wix (the emulator) and the server share it, so a
 * message written "forty minutes ago" is also answered "forty minutes ago", and the panel shows a believable busy hour.
 */
export interface DemoClock {
  /** For the emulator (epoch ms). */
  nowMs(): number;
  /** For the server. */
  now(): Date;
  /** Stands the clock this many minutes before real time. */
  rewind(minutesAgo: number): void;
  /** Back to real time for good. */
  resume(): void;
}

export function createDemoClock(): DemoClock {
  let behindMs = 0;
  const nowMs = () => Date.now() - behindMs;
  return {
    nowMs,
    now: () => new Date(nowMs()),
    rewind: (minutesAgo) => {
      behindMs = Math.max(0, minutesAgo * 60_000);
    },
    resume: () => {
      behindMs = 0;
    },
  };
}
