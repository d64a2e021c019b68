// Sender checks and host lists, without a browser: pure functions of Chrome's MessageSender.
import { buildManifest } from '../../scripts/manifest.mjs';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { postedForm } from '../../extension/worker/posted-form.js';
import {
  AZURE_HOSTS,
  consoleOf,
  frameConsole,
  isAcsHost,
  isSignInOrigin,
  signInOrigins,
  TWILIO_HOSTS,
} from '../../extension/hosts.js';
import { classify } from '../../extension/worker/senders.js';

const ID = 'abcdefghijklmnopabcdefghijklmnop';

test('extension pages and content scripts on the real hosts are told apart', () => {
  assert.deepEqual(classify({ id: ID, url: `chrome-extension://${ID}/extension/panel/panel.html` }, ID), {
    kind: 'page',
  });
  for (const url of [
    'https://portal.azure.com/#home',
    'https://sandbox-3.reactblade.portal.azure.net/blade',
    'https://sandbox-1.reactblade-ms.portal.azure.net/b',
    'https://sandbox-9.reactblade-rc.portal.azure.net/b',
    'https://entra.microsoft.com/',
    'https://main.iam.ad.ext.azure.com/x',
  ]) {
    assert.equal(
      classify({ id: ID, url, origin: new URL(url).origin, tab: { url: 'https://portal.azure.com/#home' } }, ID)
        .console,
      'azure',
      url,
    );
  }
  const tw = (url, origin) => classify({ id: ID, url, origin, tab: { url } }, ID).console;
  assert.equal(tw('https://console.twilio.com/us1/frontline', 'https://console.twilio.com'), 'twilio');
  assert.equal(tw('https://www.twilio.com/console/frontline/sso'), 'twilio');
  assert.equal(tw('https://www.twilio.com/console/frontline/sso', 'https://www.twilio.com'), 'twilio');
});

test('a console framed by another site, or in no known tab, is "other"', () => {
  const frame = 'https://console.twilio.com/us1/frontline/sso';
  for (const tab of [
    { url: 'https://console.twilio.com.example.test/' },
    { url: 'https://portal.azure.com/' },
    { url: 'http://console.twilio.com/' },
    {},
    undefined,
  ]) {
    assert.equal(
      classify({ id: ID, url: frame, origin: 'https://console.twilio.com', tab }, ID).kind,
      'other',
      JSON.stringify(tab),
    );
  }
});

test('a frame works only when every ancestor is on its own console', () => {
  const cases = [
    ['top page', 'https://console.twilio.com/frontline', [], 'twilio'],
    [
      'blade iframe in the portal',
      'https://sandbox-1.reactblade.portal.azure.net/b',
      ['https://portal.azure.com'],
      'azure',
    ],
    [
      'nested in the portal',
      'https://x.hosting.portal.azure.net/b',
      ['https://sandbox-1.reactblade.portal.azure.net', 'https://portal.azure.com'],
      'azure',
    ],
    [
      'Twilio framed by a look-alike',
      'https://console.twilio.com/frontline',
      ['https://console.twilio.com.example.test'],
      null,
    ],
    [
      'portal framed by a look-alike at the top',
      'https://sandbox-1.reactblade.portal.azure.net/b',
      ['https://portal.azure.com', 'https://evil.test'],
      null,
    ],
    ['Twilio framed by the portal', 'https://console.twilio.com/frontline', ['https://portal.azure.com'], null],
    ['an ancestor over http', 'https://console.twilio.com/frontline', ['http://console.twilio.com'], null],
    ['a frame on no console', 'https://evil.test/', [], null],
  ];
  for (const [name, url, ancestors, want] of cases) assert.equal(frameConsole(url, ancestors), want, name);
});

test('only https pages on Microsoft sign-in hosts post a test sign-in', () => {
  const cases = [
    ['global', 'https://login.microsoftonline.com', true],
    ['US Government', 'https://login.microsoftonline.us', true],
    ['China', 'https://login.partner.microsoftonline.cn', true],
    ['look-alike', 'https://login.microsoftonline.com.example.test', false],
    ['suffix', 'https://evil-login.microsoftonline.com', false],
    ['http', 'http://login.microsoftonline.com', false],
    ['other port', 'https://login.microsoftonline.com:8443', false],
    ['opaque', 'null', false],
    ['none', undefined, false],
  ];
  for (const [name, origin, want] of cases) assert.equal(isSignInOrigin(origin), want, name);
});

test('everything else is "other"', () => {
  const other = (s) => assert.equal(classify(s, ID).kind, 'other', JSON.stringify(s));
  other({ id: 'another-extension', url: `chrome-extension://another-extension/x.html` });
  other({ id: ID, url: 'https://portal.azure.com.example.test/' });
  other({ id: ID, url: 'https://evilportal.azure.com/' });
  other({ id: ID, url: 'https://reactblade.portal.azure.net.evil.test/' });
  other({ id: ID, url: 'http://portal.azure.com/' });
  other({ id: ID, url: 'https://www.twilio.com/blog' });
  other({ id: ID, url: 'https://portal.azure.com/', origin: 'https://evil.test' });
  other({ id: ID, url: `chrome-extension://${ID}.evil/x` });
  other({ id: ID });
  other(undefined);
});

test('the manifest, as build.sh writes it, injects content scripts exactly on the hosts the worker trusts', () => {
  const base = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../manifest.json'), 'utf8'));
  assert.deepEqual(base.optional_host_permissions, [], 'host lists are written from hosts.js, not by hand');
  const manifest = buildManifest(base, '0.0.0');
  const matches = manifest.content_scripts.flatMap((c) => c.matches);
  const hosts = [
    ...new Set(matches.map((m) => new URL(m.replace('*.', 'wildcard.')).hostname.replace('wildcard.', '*.'))),
  ];
  assert.deepEqual(hosts.sort(), [...AZURE_HOSTS, ...TWILIO_HOSTS].sort());
  assert.ok(manifest.content_scripts.every((c) => c.all_frames));
  for (const m of matches) assert.notEqual(consoleOf(m.replace('*.', 'x.').replace(/\*$/, 'sso')), null, m);
  // alarms (the daily certificate watch) shows no warning at install.
  assert.deepEqual(manifest.permissions.sort(), ['alarms', 'sidePanel', 'storage']);
  assert.equal(manifest.host_permissions, undefined);
  assert.deepEqual(manifest.optional_host_permissions, [
    'https://login.microsoftonline.com/*',
    'https://login.windows.net/*',
    'https://login.microsoftonline.us/*',
    'https://login.partner.microsoftonline.cn/*',
    'https://login.chinacloudapi.cn/*',
    'https://iam.twilio.com/*',
    'https://login.twilio.com/*',
    // Flex's ACS, one host per region: only the setup's is asked for, at "Start test sign-in".
    'https://login.flex.us1.twilio.com/*',
    'https://login.flex.ie1.twilio.com/*',
    'https://login.flex.au1.twilio.com/*',
  ]);
  assert.ok(manifest.content_scripts[0].matches.includes('https://www.twilio.com/console/frontline/*'));
  // Notifications only when the admin turns on "Remind me".
  // scripting: read Microsoft's error page during a test sign-in the admin started.
  assert.deepEqual(manifest.optional_permissions, ['notifications', 'scripting', 'webRequest']);
  for (const h of ['*.reactblade-ms.portal.azure.net', '*.reactblade-rc.portal.azure.net'])
    assert.ok(AZURE_HOSTS.includes(h), h);
  assert.equal(manifest.commands['fill-page'].suggested_key.default, 'Alt+Shift+F');
  assert.ok(!JSON.stringify(manifest).includes('<all_urls>'));
  // The content script is bundled into one file: no page can load, or probe for, any of ours.
  assert.equal(manifest.web_accessible_resources, undefined);
  assert.equal(
    manifest.content_security_policy.extension_pages,
    "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
  );
});

test("a test sign-in asks for the setup's own ACS host, and only a host the extension lists", () => {
  const jq = 'JQ0123456789abcdef0123456789abcdef';
  const cases = [
    ['Frontline', 'https://iam.twilio.com/v2/saml2/authenticate/JB0123456789abcdef0123456789abcdef', true, 'iam.twilio.com'],
    ['Flex us1', `https://login.flex.us1.twilio.com/login/callback?connection=${jq}`, true, 'login.flex.us1.twilio.com'],
    ['Flex ie1', `https://login.flex.ie1.twilio.com/login/callback?connection=${jq}`, true, 'login.flex.ie1.twilio.com'],
    ['a region not listed', `https://login.flex.jp1.twilio.com/login/callback?connection=${jq}`, false, 'iam.twilio.com'],
    ['Console (its SP metadata\'s ACS)', 'https://login.twilio.com/login/callback?connection=sso-3f2a9c41d0b84e7a', true, 'login.twilio.com'],
    ['Console, an ACS on another host', 'https://sso.example.com/login/callback', false, 'iam.twilio.com'],
    ['a look-alike', 'https://login.flex.us1.twilio.com.example.test/login/callback', false, 'iam.twilio.com'],
    ['plain http', 'http://iam.twilio.com/v2/saml2/authenticate/x', false, 'iam.twilio.com'],
    ['no Reply URL yet', undefined, false, 'iam.twilio.com'],
  ];
  for (const [name, url, watched, host] of cases) {
    assert.equal(isAcsHost(url), watched, name);
    assert.equal(signInOrigins(url).at(-1), `https://${host}/*`, name);
  }
});

test('a posted test sign-in reaches the core with its RelayState, or without one when it had none', () => {
  const cases = [
    ['a form with RelayState', { SAMLResponse: ['a+b/='], RelayState: ['test sso'] }, 'SAMLResponse=a%2Bb%2F%3D&RelayState=test+sso'],
    ['an empty RelayState is kept empty', { SAMLResponse: ['a'], RelayState: [''] }, 'SAMLResponse=a&RelayState='],
    ['no RelayState field', { SAMLResponse: ['a'] }, 'SAMLResponse=a'],
    ['no SAMLResponse', { RelayState: ['x'] }, undefined],
    ['no form', undefined, undefined],
    ['an oversized response', { SAMLResponse: ['a'.repeat(1024 * 1024 + 1)] }, undefined],
  ];
  for (const [name, form, want] of cases) assert.equal(postedForm(form), want, name);
});
