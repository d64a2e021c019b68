// Side panel: renders what the worker's core returns. Decides nothing itself, and writes
// page text only through textContent.
import { MSG, send } from '../messages.js';

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

async function showRealm() {
  const sid = /** @type {HTMLInputElement} */ ($('realm-sid')).value;
  const err = $('realm-error');
  const values = $('realm-values');
  const notes = $('realm-notes');
  if (!sid.trim()) {
    err.hidden = values.hidden = notes.hidden = true;
    return;
  }
  const reply = await send(MSG.REALM_URLS, { sid });
  if (!reply.ok) {
    err.textContent = reply.error.message;
    err.hidden = false;
    values.hidden = notes.hidden = true;
    return;
  }
  err.hidden = true;
  $('entity-id').textContent = reply.value.entityId;
  $('reply-url').textContent = reply.value.replyUrl;
  values.hidden = false;
  notes.textContent = reply.value.normalized.length ? `Normalized: ${reply.value.normalized.join('; ')}.` : '';
  notes.hidden = !reply.value.normalized.length;
}

$('realm-sid').addEventListener('input', showRealm);
send(MSG.CORE_VERSION).then((r) => {
  $('core-version').textContent = r.ok ? r.value : `failed to load: ${r.error.message}`;
});
