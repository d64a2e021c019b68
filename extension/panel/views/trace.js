// A recorded sign-in (SAML-tracer export, HAR), as the core read it: one line per SAML exchange
// (what, where, and its errors), then the verdict. Shown once, never stored: the worker kept only
// the verdict. Text only: nothing from the file is ever markup.
import { byId, h } from '../dom.js';

const KIND = {
  request: "Twilio's request",
  'entra-error': 'Entra refused',
  'not-found': 'No such page at Entra',
  response: 'The response to Twilio',
  'twilio-error': 'Twilio refused',
};

/** @param {any} report the core's TraceReport @param {string} name the file's name */
export function renderTrace(report, name) {
  byId('trace-result').hidden = false;
  const by = report.inferred && report.serviceProvider ? ` (${report.serviceProvider.sid}, from the trace)` : '';
  byId('trace-h').textContent = `${name}: ${report.timeline.length} of ${report.exchanges} requests with SAML${by}`;
  byId('trace-timeline').replaceChildren(
    ...report.timeline.map((e) =>
      h(
        'li',
        { 'data-kind': e.kind },
        h('span', { class: 'what', text: `#${e.n} ${KIND[e.kind] ?? e.kind}: ${e.method} ${e.host}${e.path}` }),
        h('span', { class: 'summary', text: e.summary }),
        ...e.findings
          .filter((f) => f.severity !== 'info')
          .map((f) =>
            h('span', { class: 'finding', 'data-code': f.code, 'data-severity': f.severity, text: f.message }),
          ),
      ),
    ),
  );
  const v = report.verdict;
  byId('trace-verdict').textContent = v.ok ? `Works: ${v.summary}` : `${v.summary} ${v.fix}`.trim();
}

/** A trace that could not be read: the core's error says what it is instead. @param {string} message */
export function renderTraceError(message) {
  byId('trace-result').hidden = false;
  byId('trace-h').textContent = 'Not a trace';
  byId('trace-timeline').replaceChildren();
  byId('trace-verdict').textContent = message;
}
