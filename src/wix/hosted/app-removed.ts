import { hostedSiteItems } from './hosted-deps.js';

/**
 * App Removed on Wix hosting: one remove-by-filter over the site's items (Wix removes them in the background), so
 * it fits any request budget however much the site kept. Wix does not document whether a removed app may still
 * write to the site; if it may not, the failure is logged and the webhook answered, since resending would not help
 * (the collection is the site's own, and Wix's CMS lets the owner delete it).
 */
export async function handleHostedAppRemoved(instanceId: string | null | undefined): Promise<void> {
  if (!instanceId) return;
  try {
    await hostedSiteItems().deleteSite(instanceId);
    console.info(JSON.stringify({ msg: 'inbox-identity: app removed, site data deleted', instanceId }));
  } catch (error) {
    console.warn(JSON.stringify({ msg: 'inbox-identity: app removed, site data not deleted', instanceId, reason: String((error as Error)?.message ?? error) }));
  }
}
