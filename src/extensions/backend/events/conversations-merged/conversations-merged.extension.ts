import { extensions } from '@wix/astro/builders';

/** Inbox "Conversations Merged" webhook → ./conversations-merged.ts */
export default extensions.event({
  id: 'b6d3931f-fcda-479a-80b8-ba3698ca3dbc',
  source: './extensions/backend/events/conversations-merged/conversations-merged.ts',
});
