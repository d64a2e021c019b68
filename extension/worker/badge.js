// The toolbar button's badge, as the core's view of the active setup says: progress ("6/11"),
// "!" when a step needs attention, a warning colour when the certificate expires within 60
// days. Redrawn after every write; chrome.action needs no permission of its own.
import { now } from './clock.js';
import { loadCore } from './core.js';
import { read } from './store.js';

export async function refreshBadge() {
  const [core, state, at] = await Promise.all([loadCore(), read(), now()]);
  const { badge } = await core.setupView(state.setups[state.activeId], at);
  await chrome.action.setBadgeText({ text: badge.text });
  await chrome.action.setBadgeBackgroundColor({ color: badge.color });
  await chrome.action.setBadgeTextColor?.({ color: '#FFFFFF' });
  await chrome.action.setTitle({ title: `Frontline SSO Assistant — ${badgeTitle(badge)}` });
}

/** @param {{ text: string, level: string }} badge */
function badgeTitle(badge) {
  if (badge.level === 'attention') return 'a step needs attention';
  if (badge.level === 'certificate') return 'the signing certificate needs renewing';
  return `${badge.text} done`;
}
