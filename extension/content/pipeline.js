// The content script's loop: observe → collect → ask the worker (whose core plans) →
// apply → collect again so the core can verify. Runs in every frame on the real hosts.
import { MSG, send } from '../messages.js';
import { apply } from './apply.js';
import { collect } from './collect.js';

/** Pauses for a quiet DOM before collecting: blades render in bursts. */
const SETTLE_MS = 20;
/** A fill that did not stick is retried this often, then left to the admin. */
const MAX_TRIES = 2;
/** Rounds of judge → fill → collect in one pass (a new row, then its value, then the next
 *  list's row…); a last round only verifies. */
const MAX_ROUNDS = 4;

export function start() {
  let timer;
  let last = '';
  let running = false;
  let again = false;
  const tries = new Map();
  /** Labels of fills that did not stick after their retries, for the next report. */
  const stuck = new Set();
  let lastForms = '';

  async function run(onDemand = false) {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      let { snapshot, elements } = await collect(document);
      if (!snapshot.fields.length && !snapshot.runs.length && !snapshot.tables.length && !snapshot.headings.length)
        return;
      const sig = JSON.stringify(snapshot);
      if (sig === last && !onDemand && !stuck.size) return;
      last = sig;
      // Each round: the core judges what the page holds (the previous round's verification)
      // and may plan more (a row that a row-adder just made is filled in the next).
      for (let round = 0; ; round++) {
        const reply = await send(MSG.PAGE_SNAPSHOT, { snapshot, onDemand, verify: round > 0, stuck: [...stuck] });
        stuck.clear();
        if (!reply?.ok) return;
        // A new form (the next blade in the same page) starts its retries afresh.
        const forms = (reply.value.forms ?? []).join(',');
        if (forms !== lastForms) tries.clear();
        lastForms = forms;
        const idOf = (f) => `${f.action}:${f.label}=${f.value}`;
        const fills = reply.value.fills.filter((f) => {
          const again = onDemand || (tries.get(idOf(f)) ?? 0) < MAX_TRIES;
          // Tried and still not there: the panel offers a page report for it.
          if (!again && tries.get(idOf(f)) === MAX_TRIES) {
            stuck.add(f.label);
            tries.set(idOf(f), MAX_TRIES + 1);
          }
          return again;
        });
        if (!fills.length || round === MAX_ROUNDS) break; // the last round only verifies
        const tried = new Set(await apply(fills, elements));
        for (const f of fills) if (tried.has(f.key)) tries.set(idOf(f), (tries.get(idOf(f)) ?? 0) + 1);
        ({ snapshot, elements } = await collect(document));
        last = JSON.stringify(snapshot);
      }
      if (stuck.size) schedule();
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

  new MutationObserver(schedule).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  chrome.runtime.onMessage.addListener((msg, sender) => {
    if (sender.id === chrome.runtime.id && msg?.type === MSG.CONTENT_FILL) run(true);
  });
  // The worker remembers the last supported tab the admin used, for "Fill this page".
  if (window === window.top) {
    const hello = () =>
      document.visibilityState === 'visible' && send(MSG.PAGE_HELLO, { title: document.title }).catch(() => {});
    hello();
    addEventListener('focus', hello);
    document.addEventListener('visibilitychange', hello);
  }
  schedule();
}
