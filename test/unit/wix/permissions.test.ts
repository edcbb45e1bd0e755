import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { items as dataItems } from '@wix/data';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** The SDK modules the app calls, and where their typings (with each method's @permissionId) are installed. */
const MODULES: Record<string, string> = {
  contacts: 'node_modules/@wix/auto_sdk_crm_contacts/build/cjs/index.typings.d.ts',
  members: 'node_modules/@wix/auto_sdk_members_members/build/cjs/index.typings.d.ts',
  conversations: 'node_modules/@wix/auto_sdk_inbox_conversations/build/cjs/index.typings.d.ts',
  messages: 'node_modules/@wix/auto_sdk_inbox_messages/build/cjs/index.typings.d.ts',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(path.join(root, file)).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

/** Every `<module>.<method>` the app's code names, for the SDK modules above (and `items.*` of @wix/data). */
function calledMethods(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const file of sourceFiles('src')) {
    const text = read(file);
    for (const match of text.matchAll(/\b(contacts|members|conversations|messages|items)\.([a-z]\w*)\b/g)) {
      const [, module, method] = match;
      if (!found.has(module!)) found.set(module!, new Set());
      found.get(module!)!.add(method!);
    }
  }
  return found;
}

/** The @permissionId Wix's typings give a method (or event), or undefined when the module has no such function. */
function permissionOf(typings: string, method: string): string | undefined {
  const at = typings.indexOf(`declare function ${method}(`);
  if (at < 0) return undefined;
  const doc = typings.slice(Math.max(0, typings.lastIndexOf('/**', at)), at);
  return /@permissionId ([A-Z0-9._-]+)/.exec(doc)?.[1];
}

describe('permissions: every Wix method the app calls is in the README', () => {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('### Permissions'), readme.indexOf('\n## ', readme.indexOf('### Permissions')));

  it('lists the permission of every Inbox, Contacts and Members method and event the code calls', () => {
    const called = calledMethods();
    const needed: string[] = [];
    for (const [module, file] of Object.entries(MODULES)) {
      const typings = read(file);
      for (const method of called.get(module) ?? []) {
        const permission = permissionOf(typings, method);
        if (permission) needed.push(`${module}.${method} → ${permission}`);
      }
    }
    expect(needed.length).toBeGreaterThanOrEqual(7);
    const missing = needed.filter((entry) => !section.includes(entry.split(' → ')[1]!) || !section.includes(entry.split(' → ')[0]!.split('.')[1]!));
    expect(missing, 'add these to README "### Permissions" (method and permission ID)').toEqual([]);
  });

  it('lists the Wix Data scopes when the code reads and writes Wix Data items', () => {
    // `items` is also a common variable name: keep the names the @wix/data items module exports.
    const items = [...calledMethods().get('items') ?? []].filter((method) => method in dataItems);
    expect([...items]).toEqual(expect.arrayContaining(['query', 'bulkSave']));
    const dataRow = section.split('\n').find((line) => line.includes('SCOPE.DC-DATA.READ')) ?? '';
    expect(items.filter((method) => !new RegExp(`\\b${method}\\b`).test(dataRow)), 'name these items.* calls in the Wix Data row').toEqual([]);
    expect(section).toContain('SCOPE.DC-DATA.READ');
    expect(section).toContain('SCOPE.DC-DATA.WRITE');
  });
});
