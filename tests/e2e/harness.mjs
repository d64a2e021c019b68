// Browser test harness: the built extension (dist/) in Debian's Chromium, driven by
// Playwright, with replica pages served on the real hostnames. Never downloads a browser.
// See ../../shared/e2e-recipe.md for why each flag is here.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, afterEach, before } from 'node:test';
import { chromium } from 'playwright-core';
import { REPLICA_HOSTS, startServer } from './server.mjs';

export const DIST = resolve(import.meta.dirname, '../../dist');
export const OUTPUT = resolve(import.meta.dirname, '../output');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * A copy of dist/ whose optional host permissions are granted up front, with the test clock
 * on (the store build has none). Chrome's
 * permission prompt cannot be answered by automation (microsoft/playwright#32755); with the
 * permission already held, chrome.permissions.request() resolves at once, so the panel's and
 * the worker's code paths are the same ones an admin runs after clicking "Allow".
 */
function distWithOptionalGranted() {
  const dir = join(mkdtempSync(join(tmpdir(), 'fsa-dist-')), 'dist');
  cpSync(DIST, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = manifest.optional_host_permissions;
  manifest.permissions = [...manifest.permissions, ...(manifest.optional_permissions ?? [])];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  // The test clock, which the store build leaves out (extension/worker/build-kind.js).
  const kind = join(dir, 'extension/worker/build-kind.js');
  writeFileSync(kind, readFileSync(kind, 'utf8').replace('TEST_CLOCK = false', 'TEST_CLOCK = true'));
  return dir;
}

/**
 * Launch Chromium with the extension loaded.
 * @param {{profileDir?: string, hostRules?: string[], colorScheme?: 'light' | 'dark', grantOptional?: boolean, extDir?: string, headless?: boolean, args?: string[]}} [opts]
 */
export async function launch(opts = {}) {
  const ownProfile = !opts.profileDir;
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'fsa-profile-'));
  const extDir = opts.extDir ?? (opts.grantOptional ? distWithOptionalGranted() : DIST);
  const args = [
    `--disable-extensions-except=${extDir}`,
    `--load-extension=${extDir}`,
    '--ignore-certificate-errors',
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ];
  if (opts.hostRules?.length) args.push(`--host-resolver-rules=${opts.hostRules.join(', ')}`);
  args.push(...(opts.args ?? []));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions'],
    colorScheme: opts.colorScheme ?? 'light',
    args,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const extensionId = new URL(worker.url()).host;
  const ext = {
    context,
    extensionId,
    profileDir,
    /** @param {string} path inside the extension, e.g. 'extension/panel/panel.html' */
    url: (path) => `chrome-extension://${extensionId}/${path}`,
    /** The running worker (a new one after a stop). */
    worker: () => context.serviceWorkers().find((w) => w.url().includes(extensionId)) ?? worker,
    /** Close; the profile is kept when the caller gave it (for restarts). */
    async close() {
      await context.close();
      if (ownProfile) rmSync(profileDir, { recursive: true, force: true });
    },
    /** Close and relaunch on the same profile, as a browser restart does. */
    async restart() {
      await context.close();
      const again = await launch({ ...opts, profileDir, extDir });
      if (ownProfile) {
        const close = again.close;
        again.close = async () => { await close(); rmSync(profileDir, { recursive: true, force: true }); };
      }
      return again;
    },
  };
  return ext;
}

/**
 * Close the tabs a test opened on the replica sites, so that a page one test left behind
 * cannot report into the next test's setup (blades re-render and report again).
 */
export async function closeSitePages(ext) {
  for (const p of ext.context.pages()) if (p.url().startsWith('https://')) await p.close();
}

/** Open the side panel's page in a normal tab, where tests can drive it like any page. */
export async function openPanel(ext, { width = 400, height = 800 } = {}) {
  const page = await ext.context.newPage();
  // A panel script error would only show as a panel that stops updating: say it.
  page.on('pageerror', (e) => console.error(`panel error: ${e.message}`));
  await page.setViewportSize({ width, height });
  await page.goto(ext.url('extension/panel/panel.html'));
  await page.locator('body[data-revision]').waitFor();
  return page;
}

/**
 * Stop the extension's service worker as Chrome does after 30 s idle: globals are gone,
 * chrome.storage stays, and the next message starts it again.
 * @param {any} ext
 * @param {import('playwright-core').Page} page any page, for the CDP session
 */
export async function stopWorker(ext, page) {
  const cdp = await ext.context.newCDPSession(page);
  const versions = new Map();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: vs }) => {
    for (const v of vs) if (v.scriptURL.includes(ext.extensionId)) versions.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  // Enabling reports every version. One that is still starting (woken by a page) is stopped
  // once it runs; one that a message wakes again is stopped again.
  const sleep = () => new Promise((r) => setTimeout(r, 25));
  const deadline = Date.now() + 10000;
  while (versions.size === 0 && Date.now() < deadline) await sleep();
  const askedAt = new Map();
  while (Date.now() < deadline && [...versions.values()].some((s) => s !== 'stopped')) {
    for (const [versionId, status] of versions) {
      if (status !== 'running' || Date.now() - (askedAt.get(versionId) ?? 0) < 500) continue;
      askedAt.set(versionId, Date.now());
      await cdp.send('ServiceWorker.stopWorker', { versionId });
    }
    await sleep();
  }
  // Judged when the loop ends: a page may wake the worker again while the session detaches, which
  // is the next start, not a failed stop (CI once saw "did not stop" 1 s in, under load).
  const stopped = [...versions.values()].every((s) => s === 'stopped');
  await cdp.detach();
  if (!stopped) throw new Error('service worker did not stop');
}

/** Read the stored state straight from chrome.storage (through an extension page). */
export async function storedState(page) {
  return page.evaluate(async () => (await chrome.storage.local.get('frontlineSso')).frontlineSso);
}

/** Save a screenshot under tests/output/ (git-ignored): the visible panel, and the whole of it. */
export async function screenshot(page, name) {
  mkdirSync(OUTPUT, { recursive: true });
  await page.evaluate(() => {
    document.activeElement?.blur?.();
    document.querySelector('.toast')?.classList.remove('show');
    scrollTo(0, 0);
  });
  await page.waitForTimeout(250); // the toast's fade
  await page.screenshot({ path: join(OUTPUT, `${name}.png`) });
  await page.screenshot({ path: join(OUTPUT, `${name}-full.png`), fullPage: true });
}

/**
 * A test file's browser on the replicas: the replica server, the extension with its optional
 * permissions granted, and the panel open (then `ready(panel)`); the replica tabs are closed
 * after each test, and all of it after the file. `take` receives them once they are up.
 * @param {{ ready?: (panel: import('playwright-core').Page) => Promise<unknown> }} opts
 * @param {(s: { server: any, ext: any, panel: import('playwright-core').Page }) => void} take
 */
export function replicaSession({ ready }, take) {
  /** @type {{ server?: any, ext?: any }} */
  const s = {};
  before(async () => {
    s.server = await startServer();
    s.ext = await launch({ hostRules: s.server.hostRules(REPLICA_HOSTS), grantOptional: true });
    const panel = await openPanel(s.ext);
    await ready?.(panel);
    take({ server: s.server, ext: s.ext, panel });
  });
  afterEach(() => closeSitePages(s.ext));
  after(async () => {
    await s.ext?.close();
    await s.server?.close();
  });
}
