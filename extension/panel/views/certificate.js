// The certificate card: what the core read from the .cer, and its findings.
import { byId, h, renderFindings } from '../dom.js';

export function renderCertificate(state) {
  const c = state.view.certificate;
  byId('cert-mismatch').hidden = !state.view.thumbprintMismatch;
  const details = byId('cert-details');
  details.hidden = !c;
  byId('cert-clear').hidden = !c;
  if (!c) {
    details.replaceChildren();
    renderFindings(byId('cert-findings'), []);
    return;
  }
  const rows = [
    ['Subject', c.subject],
    ['Expires', `${c.notAfter} (${c.daysUntilExpiry} days)`],
    ['Thumbprint', c.thumbprintSha1],
    ['Key', `${c.keyAlgorithm} ${c.keyBits} bits, ${c.signatureAlgorithm}`],
    ['From', state.setup.certificateSource ?? ''],
  ];
  details.replaceChildren(...rows.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]));
  renderFindings(byId('cert-findings'), c.findings);
}
