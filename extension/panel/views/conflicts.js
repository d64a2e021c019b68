// Fields the extension did not overwrite because they hold another value, each with the
// admin's "Replace".
import { byId, h } from '../dom.js';

/** @param {any} state @param {(id: string) => void} onReplace */
export function renderConflicts(state, onReplace) {
  const list = state.view.conflicts;
  byId('conflicts').hidden = list.length === 0;
  byId('conflict-list').replaceChildren(
    ...list.map((c) => {
      const approved = state.setup.replace.includes(c.id);
      const b = h('button', {
        type: 'button',
        'aria-label': `Replace ${c.field}`,
        disabled: approved,
        text: approved ? 'Replacing…' : 'Replace',
      });
      b.addEventListener('click', () => onReplace(c.id));
      return h(
        'li',
        { 'data-conflict': c.id },
        h('strong', { text: c.field }),
        ' holds ',
        h('code', { text: c.current }),
        '; planned: ',
        h('code', { text: c.wanted }),
        ' ',
        b,
      );
    }),
  );
}
