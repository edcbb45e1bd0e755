import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The variable that names the browser for the browser tests (CHROMIUM_PATH, the older name, works too). */
export const BROWSER_VARIABLE = 'CHROME_PATH';

/** Where Chromium and Chrome usually live: Debian/Ubuntu, Fedora, snap, Google's packages, macOS, Windows. */
export function usualBrowserPaths(home = os.homedir()): string[] {
  const mac = (app: string, binary: string) => [`/Applications/${app}.app/Contents/MacOS/${binary}`, path.join(home, `Applications/${app}.app/Contents/MacOS/${binary}`)];
  const programFiles = [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA].filter(Boolean) as string[];
  return [
    '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium', '/snap/bin/chromium',
    '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome',
    ...mac('Google Chrome', 'Google Chrome'), ...mac('Chromium', 'Chromium'), ...mac('Google Chrome for Testing', 'Google Chrome for Testing'),
    ...programFiles.map((dir) => path.join(dir, 'Google/Chrome/Application/chrome.exe')),
  ];
}

/**
 * The Chromium or Chrome the browser tests drive: $CHROME_PATH (or $CHROMIUM_PATH) when set, else the first of the
 * usual install paths that exists. Throws one sentence saying how to get one; nothing is ever downloaded.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, exists: (file: string) => boolean = existsSync): string {
  const named = env[BROWSER_VARIABLE] || env.CHROMIUM_PATH;
  if (named) {
    if (exists(named)) return named;
    throw new Error(`${env[BROWSER_VARIABLE] ? BROWSER_VARIABLE : 'CHROMIUM_PATH'}=${named} does not exist: point it at a Chromium or Chrome executable.`);
  }
  const found = usualBrowserPaths().find(exists);
  if (found) return found;
  throw new Error(`The browser tests need Chromium or Chrome and found none: install it (Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask chromium, or Google Chrome) or set ${BROWSER_VARIABLE} to its executable.`);
}
