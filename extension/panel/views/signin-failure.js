// A sign-in Entra refused (its AADSTS code) or Twilio refused (its error code): what it means for
// this app, the values side by side, where to fix them, and "Mark as fixed, try again". All of it
// is the core's diagnosis.
import { isLinkUrl } from '../../hosts.js';
import { byId, h } from '../dom.js';

export function renderSignInFailure(state) {
  const f = state.view.signInFailure;
  const box = byId('signin-failure');
  box.hidden = !f;
  if (!f) return;
  const step = state.view.steps.find((s) => s.id === f.step);
  byId('signin-failure-h').textContent = f.code
    ? `Entra refused the sign-in: AADSTS${f.code}`
    : f.twilioCode
      ? `Twilio refused the sign-in: error ${f.twilioCode}`
      : "Twilio's sign-in request needs a fix";
  byId('signin-failure-summary').textContent = step
    ? `${f.summary} Step to fix: ${step.number}. ${step.title}.`
    : f.summary;
  byId('signin-failure-values')
    .querySelector('tbody')
    ?.replaceChildren(
      ...f.values.map((v) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row', text: v.what }),
          h('td', { text: v.actual }),
          h('td', { text: v.expected }),
        ),
      ),
    );
  byId('signin-failure-values').hidden = f.values.length === 0;
  byId('signin-failure-fix').textContent = f.fix;
  const ids = [
    ['Request Id', f.requestId],
    ['Correlation Id', f.correlationId],
    ['Timestamp', f.timestamp],
  ].filter(([, v]) => v);
  byId('signin-failure-details').textContent = ids.map(([k, v]) => `${k}: ${v}`).join(' · ');
  const lookup = /** @type {HTMLAnchorElement} */ (byId('signin-failure-lookup'));
  const safe = isLinkUrl(f.lookupUrl);
  lookup.hidden = !safe;
  lookup.href = safe ? f.lookupUrl : '#';
  lookup.textContent = f.twilioCode && !f.code ? "Twilio's page for this code" : "Microsoft's page for this code";
}
