// The test sign-in: what arrived at Twilio, and every check that failed with its fix.
import { byId, h, renderFindings } from '../dom.js';

export function renderSignIn(state) {
  const si = state.view.signIn;
  byId('signin-result').hidden = !si;
  if (!si) return;
  const rows = [
    ['When', `${new Date(si.at).toLocaleString()} (${si.source})`],
    ['Status', si.status],
    ['Issuer', si.issuer ?? '—'],
    ['Audience', si.audience ?? '—'],
    ['NameID', si.nameId ?? '—'],
    ['Signatures', si.signatureNote],
  ];
  byId('signin-details').replaceChildren(...rows.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]));
  renderFindings(byId('signin-findings'), si.findings);
  byId('signin-attributes').querySelector('tbody')?.replaceChildren(...si.attributes.map((a) => h('tr', {}, h('td', { text: a.name }), h('td', { text: a.values.join(', ') }))));
}
