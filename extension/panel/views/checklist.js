// The steps, one line each (icon, title, status or when it was done); a click opens one, and
// one that becomes done (Mark done, or the evidence) folds back to its line.
// Each <li> carries data-step and data-status so tests (ours and others') can read the
// checklist without knowing its markup. Which ones are open is the panel's own state: it
// survives re-renders, not a reload.
import { h } from '../dom.js';
import { ICON, evidence, pasteValues, stepActions, when } from './step-parts.js';

/** @type {Set<string>} */
const open = new Set();
/** Each step's status at the last render: a step that has just become done folds to its line. */
const seen = new Map();

/** @param {any[]} steps step views @param {HTMLElement} list @param {(event: object) => void} emit */
export function renderSteps(steps, list, emit) {
  const items = steps.map((s) => {
    if (s.status === 'done' && seen.has(s.id) && seen.get(s.id) !== 'done') open.delete(s.id);
    seen.set(s.id, s.status);
    const note = s.status === 'done' && s.doneAt ? `done ${when(s.doneAt)}` : s.statusLabel;
    const details = /** @type {HTMLDetailsElement} */ (
      h(
        'details',
        { open: open.has(s.id) },
        h(
          'summary',
          {},
          h('span', { class: 'icon', 'aria-hidden': 'true', text: ICON[s.status] ?? '?' }),
          h('span', { class: 'title', text: `${s.number}. ${s.title}` }),
          h('span', { class: 'status', text: note }),
        ),
        h(
          'div',
          { class: 'body' },
          h('p', { class: 'instruction', text: s.instruction }),
          evidence(s),
          ...pasteValues(s.values),
          stepActions(s, emit),
        ),
      )
    );
    details.addEventListener('toggle', () => (details.open ? open.add(s.id) : open.delete(s.id)));
    return h('li', { class: 'step', 'data-step': s.id, 'data-status': s.status }, details);
  });
  list.replaceChildren(...items);
}
