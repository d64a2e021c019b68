// The page-report notice: a console page with controls where no form was recognised, or a
// fill that did not stick. The report itself comes from the core, already without values.
import { MSG, send } from '../../messages.js';
import { byId, toast } from '../dom.js';

/** @type {import('../../messages.js').PageSeen | null} */
let latest = null;

export async function refreshPageReport() {
  const reply = await send(MSG.PAGE_REPORT);
  latest = reply.ok ? reply.value : null;
  const troubled = Boolean(latest?.reason && !latest.dismissed);
  byId('page-report-card').hidden = !troubled;
  if (troubled && latest) {
    byId('page-report-reason').textContent = `${latest.title || latest.host} (${latest.host}): ${latest.reason}.`;
  }
}

async function copy() {
  await refreshPageReport();
  if (!latest) return toast('Open a page of the Azure portal or the Twilio Console first.');
  await navigator.clipboard.writeText(JSON.stringify(latest.report, null, 2));
  toast('Page report copied: paste it into your bug report');
}

byId('copy-page-report').addEventListener('click', copy);
byId('copy-last-page-report').addEventListener('click', copy);
byId('dismiss-page-report').addEventListener('click', async () => {
  await send(MSG.PAGE_REPORT_DISMISS);
  refreshPageReport();
});
