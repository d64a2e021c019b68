// Header: which setup, and "N of 11 done" with a real progressbar.
import { byId, h } from '../dom.js';

export function renderProgress(state) {
  const { done, total } = state.view;
  byId('progress-text').textContent = `${done} of ${total} done`;
  const bar = byId('progress');
  bar.setAttribute('aria-valuenow', String(done));
  bar.setAttribute('aria-valuemax', String(total));
  /** @type {HTMLElement} */ (bar.firstElementChild).style.width = `${(100 * done) / total}%`;
  const select = /** @type {HTMLSelectElement} */ (byId('setup-select'));
  select.replaceChildren(
    ...state.setups.map((s) => h('option', { value: s.id, selected: s.id === state.activeId, text: s.label })),
  );
}
