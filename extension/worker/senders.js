// Who sent a message: the extension's own pages, or a content script on a supported
// console. Pure functions of Chrome's MessageSender, so they are unit-tested in Node.
import { consoleOf } from '../hosts.js';

/**
 * @typedef {{ kind: 'page' } | { kind: 'content', console: 'azure' | 'twilio', url: string } | { kind: 'other' }} SenderKind
 */

/**
 * @param {{ id?: string, url?: string, origin?: string, tab?: unknown }} sender
 * @param {string} extensionId chrome.runtime.id
 * @returns {SenderKind}
 */
export function classify(sender, extensionId) {
  if (!sender || sender.id !== extensionId) return { kind: 'other' };
  const own = `chrome-extension://${extensionId}/`;
  if (typeof sender.url === 'string' && sender.url.startsWith(own)) return { kind: 'page' };
  // Content scripts: judge the frame's URL, and its origin when Chrome gives one.
  const byUrl = consoleOf(sender.url);
  const byOrigin = sender.origin === undefined ? byUrl : consoleOf(`${sender.origin}/`) && byUrl;
  if (byUrl && byOrigin === byUrl) return { kind: 'content', console: byUrl, url: /** @type {string} */ (sender.url) };
  return { kind: 'other' };
}
