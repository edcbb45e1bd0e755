import type { ParticipantType } from '../api/dashboard-api.js';

export const PARTICIPANT_LABEL: Record<ParticipantType, string> = {
  ANONYMOUS_VISITOR: 'Visitor',
  CONTACT: 'Contact',
  MEMBER: 'Member',
};

export const PARTICIPANT_PLURAL: Record<ParticipantType, string> = {
  ANONYMOUS_VISITOR: 'Anonymous visitors',
  CONTACT: 'Contacts',
  MEMBER: 'Members',
};

/** Badge skins: the further along the lifecycle, the warmer the colour. */
export const PARTICIPANT_SKIN = {
  ANONYMOUS_VISITOR: 'neutralLight',
  CONTACT: 'standard',
  MEMBER: 'success',
} as const satisfies Record<ParticipantType, string>;
