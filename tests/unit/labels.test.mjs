// How the collector cleans a label, in every dialect the consoles use (shared/portal-facts.md):
// a trailing colon (Fx label divs), required markers ("*", Paste's "Required: ", "(Required)").
// Balloon text is aria-hidden and never reaches it. The DOM side is tested in the browser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanLabel } from '../../extension/content/collect.js';

test('labels lose their dialect markers and keep their words', () => {
  for (const [raw, clean] of [
    ['Identifier (Entity ID)', 'Identifier (Entity ID)'],
    ['Signing Option:', 'Signing Option'],
    ['Signing Option: *', 'Signing Option'],
    ['  Signing   Option :  ', 'Signing Option'],
    ['Required: SSO URL', 'SSO URL'],
    ['required:Identity provider issuer URL', 'Identity provider issuer URL'],
    ['* Display name', 'Display name'],
    ['Display name *', 'Display name'],
    ['X.509 Certificate (Required)', 'X.509 Certificate'],
    ['Sign on URL (Optional)', 'Sign on URL (Optional)'],
    ['Reply URL (Assertion Consumer Service URL):*', 'Reply URL (Assertion Consumer Service URL)'],
    ["What's the name of your app? *", "What's the name of your app?"],
    ['Thumbprint ⓘ', 'Thumbprint'],
    ['拇印：', '拇印'],
    ['Fingerabdruck:', 'Fingerabdruck'],
    ['', ''],
  ]) {
    assert.equal(cleanLabel(raw), clean, JSON.stringify(raw));
  }
});

test('a label is capped', () => {
  assert.equal(cleanLabel('x'.repeat(5000)).length, 400);
});
