// The content script's loop: observe → collect → ask the worker (whose core plans) →
// apply → collect again so the core can verify. Runs in every frame on the real hosts.
import { MSG, send } from '../messages.js';
import { apply } from './apply.js';
import { collect } from './collect.js';

/** Pauses for a quiet DOM before collecting: blades render in bursts. */
const SETTLE_MS = 30;
/** A fill that did not stick is retried this often, then left to the admin. */
const MAX_TRIES = 2;

export function start() {
  let timer;
  let last = '';
  let running = false;
  let again = false;
  const tries = new Map();

  async function run(onDemand = false) {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const { snapshot, elements } = await collect(document);
      if (!snapshot.fields.length && !snapshot.texts.length && !snapshot.tables.length && !snapshot.headings.length) return;
      const sig = JSON.stringify(snapshot);
      if (sig === last && !onDemand) return;
      last = sig;
      const reply = await send(MSG.PAGE_SNAPSHOT, { snapshot, onDemand });
      if (!reply?.ok) return;
      const fills = reply.value.fills.filter((f) => {
        const id = `${f.key}=${f.value}`;
        tries.set(id, (tries.get(id) ?? 0) + 1);
        return onDemand || tries.get(id) <= MAX_TRIES;
      });
      if (!fills.length) return;
      await apply(fills, elements);
      // Verify: what the page holds now is the evidence.
      const after = await collect(document);
      last = JSON.stringify(after.snapshot);
      await send(MSG.PAGE_SNAPSHOT, { snapshot: after.snapshot, onDemand: false, verify: true });
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => run(false), SETTLE_MS);
  }

  new MutationObserver(schedule).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  chrome.runtime.onMessage.addListener((msg, sender) => {
    if (sender.id === chrome.runtime.id && msg?.type === MSG.CONTENT_FILL) run(true);
  });
  // The worker remembers the last supported tab the admin used, for "Fill this page".
  if (window === window.top) {
    const hello = () => document.visibilityState === 'visible' && send(MSG.PAGE_HELLO, { title: document.title }).catch(() => {});
    hello();
    addEventListener('focus', hello);
    document.addEventListener('visibilitychange', hello);
  }
  schedule();
}
