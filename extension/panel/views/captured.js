// The Login URL and the Entra identifier: captured from the portal, or typed here,
// and judged by the core.
import { byId, h, renderFindings, setValue } from '../dom.js';

export function renderCaptured(state) {
  setValue('login-url', state.setup.loginUrl);
  setValue('entra-identifier', state.setup.entraIdentifier);
  renderFindings(byId('idp-findings'), state.view.idp?.findings ?? []);
  const p = state.view.portal;
  const l = state.view.portalLabels;
  const rows = [
    [`${l.thumbprint} (portal)`, p.thumbprint],
    [`${l.expiration} (portal)`, p.expiration],
    [l.metadataUrl, p.metadataUrl],
  ].filter(([, v]) => v);
  const dl = byId('portal-details');
  dl.hidden = rows.length === 0;
  dl.replaceChildren(...rows.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]));
  byId('fetch-metadata').hidden = !p.metadataUrl;
}
