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
});
