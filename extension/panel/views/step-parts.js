// Pieces every rendering of a step shares: the values to paste with Copy, the link into the
// portal, Mark done / Undo, and the latest evidence.
import * as ev from '../../events.js';
import { isLinkUrl } from '../../hosts.js';
import { h, toast } from '../dom.js';

const MARKED = ' · marked by you';
export const ICON = { todo: '○', 'in-progress': '…', done: '✓', attention: '!' };

/** @param {{ label: string, value: string }[]} values */
export function pasteValues(values) {
  return values.map((v) => {
    const copy = h('button', { type: 'button', class: 'copy', 'aria-label': `Copy ${v.label}`, text: 'Copy' });
    copy.addEventListener('click', async () => {
      await navigator.clipboard.writeText(v.value);
      toast(`Copied ${v.label}`);
    });
    return h(
      'div',
      { class: 'copy-row' },
      h('span', { class: 'copy-label', text: v.label }),
      h('output', { text: v.value }),
      copy,
    );
  });
}

/** @param {any} s a step view @param {(event: object) => void} emit */
export function stepActions(s, emit) {
  const actions = h('div', { class: 'actions' });
  // The core made the link from its templates; a host that is not Microsoft's or Twilio's is never shown.
  if (s.link && isLinkUrl(s.link.url)) {
    const a = h('a', { href: s.link.url, target: '_blank', rel: 'noopener noreferrer', text: s.link.label });
    if (s.link.exact) a.dataset.exact = '';
    actions.append(a);
  }
  if (s.status !== 'done') actions.append(button('Mark done', s, () => emit(ev.markDone(s.id))));
  if (s.status !== 'todo' || s.manual) actions.append(button('Undo', s, () => emit(ev.undo(s.id))));
  return actions;
}

/** @param {any} s a step view */
export function evidence(s) {
  const last = s.evidence.at(-1);
  if (last) {
    const text = `${last.what} — ${last.where}, ${new Date(last.at).toLocaleString()}${s.manual ? MARKED : ''}`;
    return h('p', { class: 'evidence', title: last.what, text });
  }
  return s.manual ? h('p', { class: 'evidence', text: 'Marked by you' }) : null;
}

/** "10:42" for today, else a short date ("Oct 27"). */
export function when(ms) {
  const d = new Date(ms);
  const today = new Date().toDateString() === d.toDateString();
  return today
    ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleDateString([], { month: 'short', day: 'numeric' });
}

function button(label, step, onClick) {
  const b = h('button', { type: 'button', 'aria-label': `${label}: ${step.title}`, text: label });
  b.addEventListener('click', onClick);
  return b;
}
