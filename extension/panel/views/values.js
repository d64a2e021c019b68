// Realm SID and Workspace ID, validated by the core as the admin types, and the two
// computed URLs with Copy buttons.
import { byId, renderFindings, setValue } from '../dom.js';

export function renderValues(state) {
  const { setup, view } = state;
  setValue('realm-sid', setup.realmSidInput);
  setValue('workspace-id', setup.workspaceId);
  setValue('app-name', setup.appName);
  const err = byId('realm-error');
  err.hidden = !view.realmError;
  err.textContent = view.realmError?.message ?? '';
  byId('realm-sid').setAttribute('aria-invalid', String(Boolean(view.realmError)));
  const notes = byId('realm-notes');
  const normalized = view.realm?.normalized ?? [];
  notes.hidden = normalized.length === 0;
  notes.textContent = normalized.length ? `Used ${view.realm.realmSid} (${normalized.join('; ')}).` : '';
  byId('computed').hidden = !view.realm;
  byId('entity-id').textContent = view.realm?.spEntityId ?? '';
  byId('reply-url').textContent = view.realm?.replyUrl ?? '';
  renderFindings(byId('workspace-findings'), view.workspaceFindings);
}
