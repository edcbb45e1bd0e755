import { createRoot } from 'react-dom/client';
import { WixDesignSystemProvider } from '@wix/design-system';
import '@wix/design-system/styles.global.css';
import { emulatorClient } from '../simulator/emulator-client.js';
import { SimulatorPanel } from '../simulator/simulator-panel.js';

/** The local mode's simulator page: `?site=<instanceId>&dashboard=<url>[&conversation=<id>]`; the emulator is on the same origin. */
const params = new URLSearchParams(location.search);

createRoot(document.getElementById('root')!).render(
  <WixDesignSystemProvider features={{ newColorsBranding: true }}>
    <SimulatorPanel
      emulator={emulatorClient('')}
      instanceId={params.get('site') ?? ''}
      dashboardUrl={params.get('dashboard') ?? undefined}
      conversationId={params.get('conversation') ?? undefined}
    />
  </WixDesignSystemProvider>,
);
