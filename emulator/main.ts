import { startEmulator } from './index.js';

/** `npm run emulator`: the local Wix platform on PORT (default 5100), with one demo site. */
const port = Number(process.env.PORT ?? 5100);
const emulator = await startEmulator({
  port,
  host: process.env.HOST ?? '127.0.0.1',
  webhookUrl: process.env.WEBHOOK_URL,
  app: {
    appId: process.env.WIX_APP_ID,
    appSecret: process.env.WIX_APP_SECRET,
    privateKeyPem: process.env.WIX_PRIVATE_KEY,
  },
});
const site = emulator.createSite({ businessName: 'Demo Bakery', timeZone: 'Europe/London' });

console.log(`Wix platform emulator listening on ${emulator.url}

  WIX_API_URL=${emulator.url}
  WIX_APP_ID=${emulator.app.appId}
  WIX_APP_SECRET=${emulator.app.appSecret}
  WIX_INSTANCE_ID=${site.instanceId}   (demo site "${site.businessName}")
  webhooks → ${process.env.WEBHOOK_URL ?? '(none yet: PUT /_emulator/webhook-url {"url": "..."})'}

WIX_PUBLIC_KEY=
${emulator.app.publicKeyPem}
Drive it over HTTP, e.g.:
  curl -X POST ${emulator.url}/_emulator/sites/${site.instanceId}/visitor-messages -d '{"text":"Hi!"}'
  curl ${emulator.url}/_emulator/state`);

const stop = async () => {
  await emulator.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
