// Reads the extension list straight from src/extensions.ts — the same `app().use(...)` chain that
// @wix/astro loads at build time (it reads `default.extensions`) — so no test keeps its own copy.
import registration from '../../src/extensions';

/** What the @wix/astro builders return (`extensions.*` in @wix/astro/builders). */
export type RegisteredExtension =
  | { type: 'GenericExtension'; options: { compId: string; compType: string; compName?: string; compData: Record<string, unknown> } }
  | { type: 'BackofficePage'; options: { id: string; title: string; routePath: string; component: string } }
  | { type: 'BackofficeModal'; options: { id: string; title: string; component: string } }
  | { type: 'BackofficeExtensionMenuPlugin'; options: { id: string; title: string; extends: string; action: Record<string, unknown> } };

/** A webhook bundler as `extensions.event()` stores it in `compData.webhook`. */
export interface WebhookBundler {
  id: string;
  options: { id: string; source: string };
}

export function registeredExtensions(): RegisteredExtension[] {
  const { extensions } = registration as unknown as { extensions?: RegisteredExtension[] };
  if (!Array.isArray(extensions)) throw new Error('src/extensions.ts must default-export app().use(...)');
  return extensions;
}

/** The manifest component type each builder produces (see @wix/astro createExtensionManifest). */
export function expectedComponent(extension: RegisteredExtension): { compId: string; compType: string } {
  switch (extension.type) {
    case 'GenericExtension':
      return { compId: extension.options.compId, compType: extension.options.compType };
    case 'BackofficePage':
      return { compId: extension.options.id, compType: 'BACK_OFFICE_PAGE' };
    case 'BackofficeModal':
      return { compId: extension.options.id, compType: 'BACK_OFFICE_MODAL' };
    case 'BackofficeExtensionMenuPlugin':
      return { compId: extension.options.id, compType: 'BACK_OFFICE_EXTENSION_MENU_ITEM' };
    default:
      throw new Error(`test/build does not know the extension type ${(extension as { type: string }).type}: add it here`);
  }
}
