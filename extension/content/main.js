// Content script entry. build.sh bundles it with everything it imports into one classic
// script (scripts/bundle-content.mjs), so no file of the extension is web-accessible and no
// page can probe for it. Message names still come from messages.js, defined once.
import { frameConsole } from '../hosts.js';
import { start } from './pipeline.js';

const ancestors = location.ancestorOrigins ? [...location.ancestorOrigins] : null;
// A console framed by another site gets nothing: no reading, no filling, no evidence.
// Without ancestorOrigins a frame cannot prove its ancestors, so only a top page runs.
const allowed = ancestors ? frameConsole(location.href, ancestors) : window.top === window;
const marks = /** @type {{ __frontlineSsoContent?: boolean }} */ (/** @type {unknown} */ (window));
if (allowed && !marks.__frontlineSsoContent) {
  marks.__frontlineSsoContent = true; // injected once per frame
  start();
}
