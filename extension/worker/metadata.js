// Fetching the app's federation metadata. Only from Microsoft's sign-in hosts, only with
// the optional host permission the panel asked for, never with cookies.

import { SIGN_IN_HOSTS } from '../hosts.js';

/** The origin pattern to request for a metadata URL, or null if it is not a sign-in host. */
export function originFor(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && SIGN_IN_HOSTS.includes(u.hostname) ? `https://${u.hostname}/*` : null;
  } catch {
    return null;
  }
}

/**
 * @param {string} url
 * @param {string} label the portal's name for the URL, in its language (the core's portalLabel)
 * @returns {Promise<string>} the metadata XML
 */
export async function fetchMetadata(url, label) {
  const origin = originFor(url);
  if (!origin) throw { code: 'not_metadata_url', message: `The ${label} is not on a Microsoft sign-in host.` };
  if (!(await chrome.permissions.contains({ origins: [origin] }))) {
    throw {
      code: 'permission_needed',
      message:
        `Allow the extension to read ${new URL(url).hostname} (the panel asks when you fetch), ` +
        'or drop the downloaded certificate instead.',
    };
  }
  const res = await fetch(url, { credentials: 'omit', cache: 'no-store' });
  if (!res.ok)
    throw {
      code: 'fetch_failed',
      message:
        `Entra answered ${res.status} for the metadata URL. ` +
        `Copy "${label}" again, or download "Federation Metadata XML".`,
    };
  const text = await res.text();
  if (text.length > 1024 * 1024) throw { code: 'too_large', message: 'The metadata is larger than 1 MB.' };
  return text;
}
