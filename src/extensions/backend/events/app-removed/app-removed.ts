import { appInstances } from '@wix/app-management';
import { handleHostedAppRemoved } from '../../../../wix/hosted/app-removed';

// The site owner removed the app: delete everything the app kept about the site.
export default appInstances.onAppInstanceRemoved(async (envelope) => {
  await handleHostedAppRemoved(envelope.metadata.instanceId);
});
