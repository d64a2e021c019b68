// The certificate renewal: from 60 days before the active certificate expires, its own
// steps, with the old certificate listed until a sign-in verifies against the new one.
import { byId, h } from '../dom.js';
import { renderSteps } from './checklist.js';

/** @param {any} state @param {(event: object) => void} emit */
export function renderRenewal(state, emit) {
  const r = state.view.renewal;
  const card = byId('renewal-card');
  card.hidden = !r;
  if (!r) return;
  const days = r.oldDaysLeft;
  const life = days < 0 ? `expired on ${r.oldNotAfter}` : `expires on ${r.oldNotAfter}, in ${days} days`;
  byId('renewal-summary').textContent =
    `This app's signing certificate ${life}; from then on every ${state.view.productName} sign-in fails. ` +
    `${r.done} of ${r.total} renewal steps done; the expiring certificate stays listed until a sign-in ` +
    'verifies its successor.';
  const rows = [['Expiring', r.oldThumbprint]];
  if (r.newThumbprint) rows.push(['Successor', r.newThumbprint]);
  byId('renewal-certs').replaceChildren(...rows.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]));
  /** @type {HTMLInputElement} */ (byId('remind-me')).checked = state.prefs.remind;
  renderSteps(r.steps, byId('renewal-steps'), emit);
}
