import { DEFAULT_SETTINGS, withDefaults, type AutoReplySettings } from '../core/auto-reply/settings.js';
import { validateSettings } from '../core/auto-reply/validate-settings.js';
import type { Store } from '../core/ports.js';
import { SettingsInvalidError } from './errors.js';

/** GET /api/settings: the site's auto-reply settings, the defaults where the owner set nothing. */
export async function readSettings(store: Store, instanceId: string): Promise<AutoReplySettings> {
  return withDefaults(await store.getSettings(instanceId));
}

/**
 * PUT /api/settings: a whole or partial settings object laid over the current settings. Every problem is
 * refused at once, each naming its field (400 INVALID_SETTINGS with `details.problems`); nothing is saved then.
 */
export async function writeSettings(store: Store, instanceId: string, body: unknown): Promise<AutoReplySettings> {
  const result = validateSettings(body, await readSettings(store, instanceId));
  if (!result.ok) throw new SettingsInvalidError(result.problems);
  await store.putSettings(instanceId, result.settings);
  return result.settings;
}

export { DEFAULT_SETTINGS };
