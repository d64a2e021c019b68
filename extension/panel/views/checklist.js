// The eleven steps. Each <li> carries data-step and data-status so tests (ours and
// others') can read the checklist without knowing its markup.
import * as ev from '../../events.js';
import { byId, h } from '../dom.js';

const MARKED = ' · marked by you';
const ICON = { todo: '○', 'in-progress': '…', done: '✓', attention: '!' };

/** @param {any} state @param {(event: object) => void} emit */
export function renderChecklist(state, emit) {
  const items = state.view.steps.map((s) => {
    const last = s.evidence.at(-1);
    const evidence = last
      ? h('p', {
          class: 'evidence',
          title: last.what,
          text: `${last.what} — ${last.where}, ${new Date(last.at).toLocaleString()}${s.manual ? MARKED : ''}`,
        })
      : s.manual
        ? h('p', { class: 'evidence', text: 'Marked by you' })
        : null;
    const actions = h('div', { class: 'actions' });
    if (s.status !== 'done') actions.append(button('Mark done', s, () => emit(ev.markDone(s.id))));
    if (s.status !== 'todo' || s.manual) actions.append(button('Undo', s, () => emit(ev.undo(s.id))));
    if (s.link)
      actions.append(h('a', { href: s.link.url, target: '_blank', rel: 'noopener noreferrer', text: s.link.label }));
    return h(
      'li',
      { class: 'step', 'data-step': s.id, 'data-status': s.status },
      h('span', { class: 'icon', 'aria-hidden': 'true', text: ICON[s.status] ?? '?' }),
      h(
        'div',
        {},
        h('span', { class: 'title', text: `${s.number}. ${s.title}` }),
        h('span', { class: 'status', text: s.statusLabel }),
      ),
      h('div', { class: 'body' }, h('p', { class: 'instruction', text: s.instruction }), evidence, actions),
    );
  });
  byId('steps').replaceChildren(...items);
}

function button(label, step, onClick) {
  const b = h('button', { type: 'button', 'aria-label': `${label}: ${step.title}`, text: label });
  b.addEventListener('click', onClick);
  return b;
}
