// Login URL and Microsoft Entra Identifier: captured from the portal, or typed here,
// and judged by the core.
import { byId, h, renderFindings, setValue } from '../dom.js';

export function renderCaptured(state) {
  setValue('login-url', state.setup.loginUrl);
  setValue('identifier', state.setup.identifier);
  renderFindings(byId('idp-findings'), state.view.idp?.findings ?? []);
  const p = state.view.portal;
  const rows = [['Thumbprint (portal)', p.thumbprint], ['Expiration (portal)', p.expiration], ['App Federation Metadata Url', p.metadataUrl]].filter(([, v]) => v);
  const dl = byId('portal-details');
  dl.hidden = rows.length === 0;
  dl.replaceChildren(...rows.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]));
  byId('fetch-metadata').hidden = !p.metadataUrl;
}
