// The card the panel opens on: the next step to do, with the values to paste, the link to
// its page and what the extension will do there. Steps that need attention are pinned above
// it, each with the reason and the fix.
import { byId, h } from '../dom.js';
import { pasteValues, stepActions } from './step-parts.js';

/** @param {any} state @param {(event: object) => void} emit */
export function renderNext(state, emit) {
  const { view } = state;
  const all = [...view.steps, ...(view.renewal?.steps ?? [])];
  const byStep = (id) => all.find((s) => s.id === id);
  const next = view.next ? byStep(view.next) : undefined;
  const card = byId('next-card');
  card.hidden = !next;
  if (next) {
    const renewing = next.id.startsWith('renew-');
    card.dataset.nextStep = next.id;
    card.dataset.status = next.status;
    const total = renewing ? view.renewal.total : view.total;
    byId('next-eyebrow').textContent = `${renewing ? 'Certificate renewal' : 'Next step'} · ${next.number} of ${total}`;
    byId('next-title').textContent = `${next.number}. ${next.title}`;
    const reason = byId('next-reason');
    const last = next.evidence.at(-1);
    reason.hidden = next.status !== 'attention' || !last;
    reason.textContent = reason.hidden ? '' : last.what;
    byId('next-instruction').textContent = next.instruction;
    byId('next-values').replaceChildren(...pasteValues(next.values));
    byId('next-assist').textContent = next.assist;
    const actions = stepActions(next, emit);
    // Where the certificate comes from the app's federation metadata, the card offers the fetch.
    if (['certificate', 'renew-capture'].includes(next.id) && view.portal.metadataUrl) {
      const fetch = h('button', { type: 'button', text: 'Fetch certificate from Entra' });
      fetch.addEventListener('click', () => byId('fetch-metadata').click());
      actions.prepend(fetch);
    }
    // A test sign-in starts here too.
    if (['test-sign-in', 'renew-test-sign-in'].includes(next.id)) {
      const start = h('button', { type: 'button', text: 'Start test sign-in' });
      start.addEventListener('click', () => byId('start-signin').click());
      actions.prepend(start);
    }
    byId('next-actions').replaceChildren(actions);
  } else {
    delete card.dataset.nextStep;
  }
  const pinned = view.attention.filter((id) => id !== view.next).map(byStep);
  byId('pinned').replaceChildren(
    ...pinned.map((s) =>
      h(
        'div',
        { class: 'pin', role: 'note', 'data-attention-step': s.id },
        h('strong', { text: `Needs attention: ${s.number}. ${s.title}` }),
        h('p', { class: 'reason', title: s.evidence.at(-1)?.what ?? '', text: s.evidence.at(-1)?.what ?? '' }),
        h('p', { class: 'instruction', text: `Fix: ${s.instruction}` }),
        stepActions(s, emit),
      ),
    ),
  );
}
