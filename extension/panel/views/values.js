// The product and what its values are made from (a SID, with Flex's region; or Console's SP
// metadata, pasted or chosen as a file) and the Workspace ID, validated by the core as the admin
// types, and the two computed URLs with Copy buttons. Every product word comes from the core.
import { byId, renderFindings, setValue } from '../dom.js';

export function renderValues(state) {
  const { setup, view } = state;
  for (const radio of document.querySelectorAll('input[name="product"]')) {
    // Unchecked until the admin chooses: till then the SID typed picks the product.
    const input = /** @type {HTMLInputElement} */ (radio);
    input.checked = view.productChosen && input.value === view.product;
  }
  const help = byId('product-help');
  help.hidden = view.productChosen;
  help.textContent = view.realm
    ? `${view.productName}, as the ${view.sidName} says; choose it to keep it.`
    : 'Not chosen yet: the SID you paste picks it.';
  byId('realm-sid-label').textContent = view.sidName;
  byId('realm-help').textContent = view.sidHelp;
  byId('realm-sid').setAttribute('placeholder', `${view.sidPrefix}…`);
  // One source, two shapes: a SID's text box, or the SP metadata's text area and file.
  byId('sid-input').hidden = view.fromMetadata;
  byId('sp-metadata-input').hidden = !view.fromMetadata;
  setValue(view.fromMetadata ? 'sp-metadata' : 'realm-sid', setup.realmSidInput);
  setValue('region', setup.region ?? '');
  setValue('workspace-id', setup.workspaceId);
  setValue('app-name', setup.appName);
  byId('app-name').setAttribute('placeholder', view.appName);
  byId('region-field').hidden = view.product !== 'flex';
  byId('workspace-field').hidden = view.product !== 'frontline';
  const err = byId('realm-error');
  err.hidden = !view.realmError;
  err.textContent = view.realmError?.message ?? '';
  const invalid = String(Boolean(view.realmError));
  for (const id of ['realm-sid', 'sp-metadata']) byId(id).setAttribute('aria-invalid', invalid);
  const switchButton = byId('switch-product');
  switchButton.hidden = !view.switchTo;
  if (view.switchTo) switchButton.textContent = `Switch this setup to ${view.switchToName}`;
  const notes = byId('realm-notes');
  const normalized = view.realm?.normalized ?? [];
  notes.hidden = normalized.length === 0;
  notes.textContent = normalized.length ? `Used ${view.realm.sid} (${normalized.join('; ')}).` : '';
  renderFindings(byId('realm-findings'), view.realm?.findings ?? []);
  byId('computed').hidden = !view.realm;
  byId('entity-id').textContent = view.realm?.spEntityId ?? '';
  byId('reply-url').textContent = view.realm?.replyUrl ?? '';
  renderFindings(byId('workspace-findings'), view.workspaceFindings);
  const notAsked = byId('not-asked');
  notAsked.hidden = !view.notAsked;
  notAsked.textContent = view.notAsked;
}
