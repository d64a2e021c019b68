// The Azure portal's labels beside the values the panel shows, in the language the portal was
// last seen in (the core says which): an admin with a German portal reads the German words.
// The panel's own words stay English.
import { byId } from '../dom.js';

/** @param {{ view: { portalLabels: Record<string, string> } }} state */
export function renderPortalLabels(state) {
  const l = state.view.portalLabels;
  byId('computed-h').textContent = `For Entra's ${l.basicSaml}`;
  byId('entity-id-label').textContent = l.spEntityId;
  byId('reply-url-label').textContent = l.replyUrl;
  byId('login-url-label').textContent = l.loginUrl;
  byId('entra-identifier-label').textContent = l.entraIdentifier;
  for (const [id, label] of [
    ['entity-id', l.spEntityId],
    ['reply-url', l.replyUrl],
  ]) {
    document.querySelector(`[data-copy="${id}"]`)?.setAttribute('aria-label', `Copy ${label}`);
  }
}
