// The value cards fold away once their part is done, so the next step stays in view. An
// admin's own open or close wins until the panel is reloaded, and a card never folds while
// focus is inside it (a pasted Realm SID does not snatch the field away).
import { byId } from '../dom.js';

/** @type {Record<string, boolean>} the admin's own choice, per card */
const chosen = {};

/** @param {string} id @param {boolean} done @param {string} note */
function fold(id, done, note) {
  const card = /** @type {HTMLDetailsElement} */ (byId(id));
  if (!card.dataset.bound) {
    card.dataset.bound = '1';
    card.querySelector('summary')?.addEventListener('click', () => (chosen[id] = !card.open));
  }
  const want = chosen[id] ?? !done;
  if (want || !card.contains(document.activeElement)) card.open = want;
  /** @type {HTMLElement} */ (byId(`${id.replace('-card', '')}-note`)).textContent = done ? note : '';
}

export function renderCards(state) {
  const { view, setup } = state;
  const step = (id) => view.steps.find((s) => s.id === id)?.status;
  const workspace = view.product === 'frontline' && setup.workspaceId ? ` · ${setup.workspaceId}` : '';
  const values = view.realm ? `${view.productName} · ${view.realm.sid}${workspace}` : '';
  fold('values-card', Boolean(view.realm), values);
  fold('captured-card', step('capture-idp') === 'done', 'captured');
  const cert = view.certificate;
  const certDone = step('certificate') === 'done' && !view.thumbprintMismatch && !view.renewal;
  fold('cert-card', certDone, cert ? `expires ${cert.notAfter.slice(0, 10)}` : '');
}
