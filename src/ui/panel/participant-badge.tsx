import type { FC } from 'react';
import { Badge } from '@wix/design-system';
import type { ParticipantType } from '../api/dashboard-api.js';
import { PARTICIPANT_LABEL, PARTICIPANT_SKIN } from '../format/participant-labels.js';

/** Who is writing, as a badge: Visitor, Contact or Member. */
export const ParticipantBadge: FC<{ type: ParticipantType; size?: 'tiny' | 'small' | 'medium' }> = ({ type, size = 'small' }) => (
  <Badge skin={PARTICIPANT_SKIN[type]} size={size} uppercase={false} dataHook={`participant-badge-${type}`}>
    {PARTICIPANT_LABEL[type]}
  </Badge>
);
