// Who sent a message: the extension's own pages, or a content script on a supported
// console. Pure functions of Chrome's MessageSender, so they are unit-tested in Node.
import { AZURE_HOSTS, TWILIO_HOSTS, consoleOf, consoleOfOrigin, hostMatches } from '../hosts.js';

/** @typedef {import('../messages.js').Console} Console */
/** @typedef {{ kind: 'page' } | { kind: 'content', console: Console, url: string } | { kind: 'other' }} SenderKind */

/**
 * @param {{ id?: string, url?: string, origin?: string, tab?: { url?: string } }} sender
 * @param {string} extensionId chrome.runtime.id
 * @returns {SenderKind}
 */
export function classify(sender, extensionId) {
  if (!sender || sender.id !== extensionId) return { kind: 'other' };
  const own = `chrome-extension://${extensionId}/`;
  if (typeof sender.url === 'string' && sender.url.startsWith(own)) return { kind: 'page' };
  // Content scripts: judge the frame's URL; when Chrome gives its origin too, that must be
  // the same supported host (the origin has no path, so it is checked by host only).
  const byUrl = consoleOf(sender.url);
  if (!byUrl) return { kind: 'other' };
  if (sender.origin !== undefined) {
    let host;
    try {
      host = new URL(sender.origin).host;
    } catch {
      return { kind: 'other' };
    }
    if (
      host !== new URL(/** @type {string} */ (sender.url)).host ||
      !hostMatches(host, [...AZURE_HOSTS, ...TWILIO_HOSTS])
    )
      return { kind: 'other' };
  }
  // The tab's own page must be on the same console: a console framed by another site is not
  // trusted (the content script checks every ancestor too; Chrome tells the worker the top).
  let top;
  try {
    top = new URL(sender.tab?.url ?? '').origin;
  } catch {
    return { kind: 'other' };
  }
  if (consoleOfOrigin(top) !== byUrl) return { kind: 'other' };
  return { kind: 'content', console: byUrl, url: /** @type {string} */ (sender.url) };
}
