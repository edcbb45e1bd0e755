import { describe, expect, it } from 'vitest';
import { findBrowser, usualBrowserPaths } from './find-browser.js';

// How `npm test` finds a browser: the variable first, then the usual install paths; never a download.
describe('finding Chromium or Chrome for the browser tests', () => {
  it('takes CHROME_PATH (or the older CHROMIUM_PATH) when it exists', () => {
    expect(findBrowser({ CHROME_PATH: '/opt/my/chrome' }, (file) => file === '/opt/my/chrome')).toBe('/opt/my/chrome');
    expect(findBrowser({ CHROMIUM_PATH: '/opt/old/chromium' }, (file) => file === '/opt/old/chromium')).toBe('/opt/old/chromium');
  });

  it('says so in one sentence when CHROME_PATH points nowhere', () => {
    expect(() => findBrowser({ CHROME_PATH: '/nope' }, () => false)).toThrow(/^CHROME_PATH=\/nope does not exist/);
  });

  it('finds Debian’s Chromium, Google Chrome on Linux, and Chrome or Chromium on macOS', () => {
    for (const file of ['/usr/bin/chromium', '/usr/bin/google-chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium']) {
      expect(usualBrowserPaths()).toContain(file);
      expect(findBrowser({}, (candidate) => candidate === file)).toBe(file);
    }
  });

  it('without any, fails in one line saying how to install one', () => {
    let message = '';
    try { findBrowser({}, () => false); } catch (error) { message = (error as Error).message; }
    expect(message).toMatch(/apt-get install chromium/);
    expect(message).toMatch(/brew install --cask chromium/);
    expect(message).toMatch(/set CHROME_PATH/);
    expect(message).not.toContain('\n');
  });
});
