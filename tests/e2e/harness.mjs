// Browser test harness: the built extension (dist/) in Debian's Chromium, driven by Playwright.
// Never downloads a browser. See ../../shared/e2e-recipe.md for why each flag is here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const DIST = resolve(import.meta.dirname, '../../dist');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Launch Chromium with the extension loaded, on a profile that survives `restart()`.
 * @param {{profileDir?: string, hostRules?: string[]}} [opts]
 */
export async function launch(opts = {}) {
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'fsa-profile-'));
  const args = [
    `--disable-extensions-except=${DIST}`,
    `--load-extension=${DIST}`,
    '--ignore-certificate-errors',
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ];
  if (opts.hostRules?.length) args.push(`--host-resolver-rules=${opts.hostRules.join(', ')}`);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    profileDir,
    /** @param {string} path inside the extension, e.g. 'extension/panel/panel.html' */
    url: (path) => `chrome-extension://${extensionId}/${path}`,
    /** Close and remove the profile. */
    async close() {
      await context.close();
      if (!opts.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Open the side panel's page in a normal tab, where tests can drive it like any page. */
export async function openPanel(ext) {
  const page = await ext.context.newPage();
  await page.goto(ext.url('extension/panel/panel.html'));
  return page;
}
