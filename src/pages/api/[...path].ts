import { noRoute } from '../../wix/hosted/dashboard-caller';

/**
 * Any other /api/… path on Wix hosting: a JSON 404, as self-hosted. (A path whose percent-encoding is malformed
 * matches no route at all, this one included: Astro answers it with its own 404 page.)
 */
export const ALL = noRoute;
