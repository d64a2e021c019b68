// Login URL and Microsoft Entra Identifier: captured from the portal, or typed here,
// and judged by the core.
import { byId, renderFindings, setValue } from '../dom.js';

export function renderCaptured(state) {
  setValue('login-url', state.setup.loginUrl);
  setValue('identifier', state.setup.identifier);
  renderFindings(byId('idp-findings'), state.view.idp?.findings ?? []);
}
