// @ts-check
import { defineConfig } from 'astro/config';
import wix from '@wix/astro';
import react from '@astrojs/react';
import wixHostingAdapter from '@wix/astro-wix-hosting-adapter';

// The Wix app (Astro-based Wix CLI layout). `wix build` runs `astro build` with this config;
// the extensions themselves are registered in src/extensions.ts.
export default defineConfig({
  output: 'server',
  adapter: wixHostingAdapter(),
  integrations: [wix(), react()],
  image: { domains: ['static.wixstatic.com'] },
  // Wix calls the app's backend cross-site: webhooks arrive as a text/plain POST with no Origin header, which
  // Astro's origin check would answer with 403. The app authenticates every request itself (webhooks by their
  // RS256 signature, API routes by the caller's Wix token), as Wix's own CLI templates do.
  security: { checkOrigin: false },
});
