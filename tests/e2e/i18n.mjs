// The replica portal's words in each language, for tests: the same table the replica pages
// use (replica/_shared/i18n.js), so a test names a control as the page in that language does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';

const sandbox = {};
runInNewContext(readFileSync(resolve(import.meta.dirname, 'replica/_shared/i18n.js'), 'utf8'), { globalThis: sandbox });

/** The languages the replica portal is rendered in, beside English. */
export const PORTAL_LANGS = Object.keys(sandbox.REPLICA_WORDS);

const escape = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A translator for `lang`: `t(english)` is the page's string; `t.re(english)` a pattern that
 * finds it inside an accessible name (which may add a colon, a star or a value), and
 * `t.re(english, true)` one that finds a name that is that label ("Name", not "Namespace").
 * @param {string} lang
 */
export function words(lang = 'en') {
  const t = (/** @type {string} */ s) => sandbox.replicaTranslate(lang, s);
  t.re = (/** @type {string} */ s, anchored = false) =>
    new RegExp(anchored ? `^${escape(t(s))}(?=[:\\s*]|$)` : escape(t(s)));
  return t;
}
