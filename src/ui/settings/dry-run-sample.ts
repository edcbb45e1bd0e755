import type { DryRunRequest } from '../api/dashboard-api.js';

/** The sample message the preview asks about: who writes, and what. */
export interface DrySample {
  type: DryRunRequest['participant']['type'];
  firstName: string;
  text: string;
  channel: string;
}

export const INITIAL_SAMPLE: DrySample = { type: 'CONTACT', firstName: 'Ana', text: 'Hi! Do you deliver on Sundays?', channel: 'CHAT' };

export function dryRunRequest(sample: DrySample): DryRunRequest {
  return {
    participant: { type: sample.type, ...(sample.firstName.trim() ? { firstName: sample.firstName.trim(), nickname: sample.firstName.trim() } : {}) },
    text: sample.text,
    channel: sample.channel,
    firstMessage: true,
  };
}
