// Page reports: the latest look at each frame, as a report the core scrubbed, kept in session
// storage (memory, one key per frame), and the one the panel shows.
import { PAGE_KEY_PREFIX } from '../messages.js';

/** Chrome's version, for page reports. */
const browserVersion = () => /(Chrom(?:e|ium)\/[\d.]+)/.exec(navigator.userAgent)?.[1] ?? 'unknown browser';

/**
 * Keep the latest look at a frame, as a page report the core scrubbed, in session storage
 * (memory only, one key per frame: frames never race each other). Best effort.
 */
export async function rememberPage(core, setup, m, s, sender, result) {
  const stuck = m.stuck ?? [];
  let reason = '';
  if (stuck.length) reason = `a fill did not stick: ${stuck.join(', ')}`;
  else if (result.unrecognised) reason = 'no form recognised on a page with controls';
  const versions = { extension: chrome.runtime.getManifest().version, browser: browserVersion() };
  const { forms } = result;
  const report = await core.pageReport(
    setup,
    m.snapshot,
    s.console,
    reason || 'asked for by the admin',
    versions,
    forms,
  );
  const {
    host,
    snapshot: { title },
  } = report;
  const key = `${PAGE_KEY_PREFIX}${sender.tab?.id ?? 'x'}/${sender.frameId ?? 0}`;
  // A notice the admin dismissed stays dismissed while the page and the reason stay the same.
  const stored = await chrome.storage.session.get(key);
  const before = /** @type {import('../messages.js').PageSeen | undefined} */ (stored[key]);
  const dismissed = Boolean(before?.dismissed && before.reason === reason && before.title === title);
  /** @type {import('../messages.js').PageSeen} */
  const seen = { at: Date.now(), console: s.console, host, title, forms, reason, dismissed, report };
  await chrome.storage.session.set({ [key]: seen });
}

/** The latest page seen; one that needs a report wins over a later one that does not. */
export async function latestPage() {
  const all = Object.entries(await chrome.storage.session.get(null))
    .filter(([k]) => k.startsWith(PAGE_KEY_PREFIX))
    .map(([k, v]) => ({ key: k, .../** @type {import('../messages.js').PageSeen} */ (v) }));
  all.sort((a, b) => b.at - a.at);
  const troubled = all.find((p) => p.reason && !p.dismissed && all[0].at - p.at < 60_000);
  return troubled ?? all[0] ?? null;
}

/** The admin dismissed the latest page's notice: it stays dismissed while that page and reason stay. */
export async function dismissLatest() {
  const p = await latestPage();
  if (p) {
    const { key, ...seen } = p;
    await chrome.storage.session.set({ [key]: { ...seen, dismissed: true } });
  }
}
