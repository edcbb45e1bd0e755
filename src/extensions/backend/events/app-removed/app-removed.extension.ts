import { extensions } from '@wix/astro/builders';

/** Wix's App Removed webhook → ./app-removed.ts */
export default extensions.event({
  id: '5d0c2f7e-8a41-4b6e-9f3a-2c7d1e8b4a90',
  source: './extensions/backend/events/app-removed/app-removed.ts',
});
