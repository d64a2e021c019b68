// When the worker fetches the App Federation Metadata Url, and what it takes from it: on the
// admin's ask, or by itself (already allowed, at most one every 3 s, with a retry for a quiet
// page), for the setup that asked and only while it still has that URL.
import { certificateFromMetadata } from '../events.js';
import { now } from './clock.js';
import { loadCore } from './core.js';
import { fetchMetadata, originFor } from './metadata.js';
import { read, update } from './store.js';

const fail = (code, message) => ({ ok: false, error: { code, message } });
const ok = (value) => ({ ok: true, value });

/**
 * Fetch the captured metadata URL and let the core take the certificate from it: for the setup
 * that asked, and only if it still has that URL. The admin may have started a new setup, or
 * started over, while the fetch was under way.
 */
export async function fetchCertificate() {
  const state = await read();
  const id = state.activeId;
  const url = state.setups[id]?.portal?.metadataUrl;
  const core = await loadCore();
  const label = core.portalLabel('MetadataUrl', state.setups[id]?.portal?.lang ?? 'en') ?? 'metadata URL';
  if (!url)
    return fail(
      'no_metadata_url',
      `Open the app's single sign-on page in the Azure portal first, so the ${label} is captured.`,
    );
  const xml = await fetchMetadata(url, label);
  const event = certificateFromMetadata(xml, label);
  let applied = false;
  const at = await now();
  const next = await update(async (latest) => {
    if (latest.activeId !== id || latest.setups[id]?.portal?.metadataUrl !== url) return null;
    latest.setups[id] = await core.applySetupEvent(latest.setups[id], event, at);
    applied = true;
    return latest;
  });
  if (!applied)
    return fail('setup_changed', 'The setup changed while its metadata was fetched; nothing was taken. Fetch again.');
  return ok({ revision: next.revision });
}

// This run of the worker: a fetch stamped by another run died when Chrome stopped that run.
const WORKER_RUN = crypto.randomUUID();
/** One retry timer per run, for passes that came too soon after a fetch. */
let retryTimer = 0;

/**
 * A fetch the worker makes by itself: only with the permission already granted, and at most
 * one every 3 s (pages report often), except for a URL just captured. A pass that comes too
 * soon leaves a retry behind, so a quiet page still gets its certificate; a fetch that a
 * stopped worker left unfinished is made again at once.
 */
export async function fetchCertificateSoon(fresh) {
  const state = await read();
  const url = state.setups[state.activeId]?.portal?.metadataUrl;
  const origin = originFor(url);
  if (!origin || !(await chrome.permissions.contains({ origins: [origin] }))) return;
  /** @type {{ metadataFetch?: { at: number, run: string, done: boolean } }} */
  const { metadataFetch: last } = await chrome.storage.session.get('metadataFetch');
  const sameRun = last?.run === WORKER_RUN;
  if (!fresh && sameRun && !last.done) return; // under way in this run
  const wait = sameRun ? last.at + 3_000 - Date.now() : 0;
  if (!fresh && wait > 0) {
    retryTimer ||= setTimeout(() => {
      retryTimer = 0;
      retryIfMissing().catch(() => {});
    }, wait + 50);
    return;
  }
  const stamp = { at: Date.now(), run: WORKER_RUN, done: false };
  await chrome.storage.session.set({ metadataFetch: stamp });
  try {
    await fetchCertificate();
  } finally {
    await chrome.storage.session.set({ metadataFetch: { ...stamp, done: true } });
  }
}

/** The retry: only while the active setup still has a metadata URL and no certificate. */
async function retryIfMissing() {
  const state = await read();
  const setup = state.setups[state.activeId];
  if (setup?.portal?.metadataUrl && !setup.certificatePem) await fetchCertificateSoon(false);
}
