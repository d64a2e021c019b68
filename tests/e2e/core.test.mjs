// The built core in Node, as the extension's JavaScript meets it (no browser; it needs
// ./build.sh's wasm, so it runs with the browser tests): every event events.js builds is one
// the core applies; a stored setup goes out to JS and back unchanged; a setup stored by the
// previous version still loads; the core and hosts.js know the same sign-in hosts, and the same
// Flex ACS hosts; the core and limits.js hold a snapshot to the same limits.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as ev from '../../extension/events.js';
import { FLEX_LOGIN_HOSTS, LINK_HOSTS, SIGN_IN_HOSTS } from '../../extension/hosts.js';
import { SNAPSHOT_LIMITS } from '../../extension/limits.js';
import { migrate } from '../../extension/worker/schema.js';
import { freshGoodResponse } from '../fixtures/saml-responses.mjs';

const WASM = resolve(import.meta.dirname, '../../dist/extension/wasm');
const FIXTURES = resolve(import.meta.dirname, '../fixtures');
// The full module: sign-in responses are checked only there (the router sends them to it).
const core = await import(pathToFileURL(join(WASM, 'frontline_sso_full.js')).href);
core.initSync({ module: readFileSync(join(WASM, 'frontline_sso_full_bg.wasm')) });

const NOW = Date.now();
const SID = 'JB0123456789abcdef0123456789abcdef';
const TENANT = '11111111-2222-4333-8444-555555555555';
const stored = () => JSON.parse(readFileSync(join(FIXTURES, 'stored/v0.1.0-state.json'), 'utf8'));
const PEM = readFileSync(join(FIXTURES, 'generated/responses/test-signing-cert.pem'), 'utf8');
const metadata = readFileSync(join(FIXTURES, 'generated/metadata_rollover.xml'), 'utf8');

test('every event events.js builds is one the core applies', () => {
  const cases = {
    setProduct: ev.setProduct('frontline'),
    setRealmSid: ev.setRealmSid(SID),
    setRegion: ev.setRegion(''),
    setWorkspaceId: ev.setWorkspaceId('owlpress'),
    setAppName: ev.setAppName('Frontline'),
    setIdpValues: ev.setIdpValues({ entraIdentifier: `https://sts.windows.net/${TENANT}/` }, 'side panel'),
    setCertificate: ev.setCertificate({ text: PEM }, 'paste'),
    clearCertificate: ev.clearCertificate(),
    certificateFromMetadata: ev.certificateFromMetadata(metadata, 'metadata URL'),
    approveReplace: ev.approveReplace('basic-saml/reply-url'),
    signInResponse: ev.signInResponse(Buffer.from(freshGoodResponse()).toString('base64'), 'pasted'),
    observed: ev.observed('claims', 'attention', 'roles is missing', 'Azure portal'),
    markDone: ev.markDone('app-role'),
    undo: ev.undo('app-role'),
    checkCertificate: ev.checkCertificate(),
    signInRequest: ev.signInRequest(readFileSync(join(FIXTURES, 'generated/requests/good.redirect-url.txt'), 'utf8'), 'test'),
    signInFailure: ev.signInFailure('AADSTS50105: Your administrator has configured the application to block users.', 'test'),
    signInTrace: ev.signInTrace(readFileSync(join(FIXTURES, 'generated/traces/aadsts50011.saml-tracer.json'), 'utf8'), 'test'),
    clearSignInFailure: ev.clearSignInFailure(),
  };
  assert.deepEqual(Object.keys(cases).sort(), Object.keys(ev).sort(), 'a case for every constructor');
  // The stored setup has a conflict for Replace to approve.
  let setup = stored().setups['setup-1'];
  for (const [name, event] of Object.entries(cases)) {
    setup = core.applySetupEvent(setup, event, NOW);
    // The stored checklist holds every product's steps once; each product's view shows its own.
    assert.ok(setup.checklist.steps.length === 14, name);
  }
  assert.equal(setup.signIn?.source, 'pasted');
  assert.equal(setup.entraIdentifier, `https://sts.windows.net/${TENANT}/`);
  assert.deepEqual(setup.replace, ['basic-saml/reply-url']);
});

test('a setup with every field filled goes out to JS and comes back unchanged', () => {
  // Today's shape: the stored one with "identifier" under its present name.
  const { identifier, ...setup } = stored().setups['setup-1'];
  Object.assign(setup, { entraIdentifier: identifier, certificatePem: PEM, certificateSource: 'paste' });
  Object.assign(setup, { product: 'frontline', region: '' });
  setup.replace = ['basic-saml/reply-url'];
  setup.portal.lang = 'de';
  setup.signIn = {
    at: NOW,
    source: 'pasted',
    status: 'Success',
    issuer: `https://sts.windows.net/${TENANT}/`,
    audience: `https://iam.twilio.com/v2/saml2/metadata/${SID}`,
    nameId: 'someone@contoso.test',
    attributes: [{ name: 'roles', values: ['agent'] }],
    signatureNote: 'both signed',
    findings: [{ code: 'x', severity: 'warning', message: 'y' }],
  };
  setup.portal.app = { origin: 'https://portal.azure.com', objectId: null, appId: TENANT };
  // Today's checklist: every product's steps (issue 29 added Console's), the stored ones kept.
  setup.checklist = core.applySetupEvent(setup, ev.setAppName(setup.appName), NOW).checklist;
  // A failed sign-in as the core records one: its request, and the diagnosis.
  const request = readFileSync(join(FIXTURES, 'generated/requests/wrong_acs.redirect-url.txt'), 'utf8').trim();
  const failed = core.applySetupEvent(
    core.applySetupEvent(setup, ev.signInRequest(request, 'test'), NOW),
    ev.signInFailure('AADSTS50011: mismatch\nRequest Id: r-1', 'test'),
    NOW,
  );
  assert.equal(failed.signInFailure.step, 'basic-saml');
  setup.signInRequest = failed.signInRequest;
  setup.signInFailure = failed.signInFailure;
  // A renewal as the core makes one: 30 days before the certificate ends, a mark done on it.
  const due = new Date(new X509Certificate(PEM).validTo).getTime() - 30 * 24 * 3600 * 1000;
  const renewing = core.applySetupEvent(core.applySetupEvent(setup, ev.checkCertificate(), due), ev.markDone('renew-add'), due);
  assert.equal(renewing.renewal.checklist.steps[0].manual, 'done');
  setup.renewal = renewing.renewal;
  // Setting the same app name changes nothing but the time.
  const back = core.applySetupEvent(setup, ev.setAppName(setup.appName), NOW);
  assert.deepEqual({ ...back, updatedAt: setup.updatedAt }, setup);
});

test('a setup stored by the previous version (0.1.0) still loads, in English', () => {
  const state = migrate(stored(), { newSetup: (id) => core.newSetup(id, NOW) });
  const setup = state.setups[state.activeId];
  const view = core.setupView(setup, NOW);
  assert.equal(view.portalLabels.lang, 'en');
  assert.equal(view.steps.length, 11);
  assert.equal(view.steps.find((s) => s.id === 'basic-saml').title, 'Basic SAML Configuration');
  assert.equal(view.conflicts.length, 1);
  const next = core.applySetupEvent(setup, ev.markDone('claims'), NOW);
  assert.equal(next.portal.lang, 'en');
  assert.equal(next.entraIdentifier, setup.identifier, 'the identifier, stored under its older name');
  assert.equal(next.identifier, undefined);
});

test('the core and hosts.js know the same Microsoft sign-in hosts', () => {
  assert.deepEqual(core.signInHosts(), [...SIGN_IN_HOSTS]);
});

test("the portals the core's links open are hosts the panel may link to, and no others", () => {
  const portals = core.portalHosts();
  assert.deepEqual(portals, ['portal.azure.com', 'entra.microsoft.com']);
  for (const h of portals) assert.ok(LINK_HOSTS.includes(h), h);
});

test("hosts.js's Flex ACS hosts are the ones the core's URL template makes, region by region", () => {
  for (const host of FLEX_LOGIN_HOSTS) {
    const region = host.split('.')[2];
    const urls = core.spUrls('JQ0123456789abcdef0123456789abcdef', 'flex', region);
    assert.equal(new URL(urls.replyUrl).hostname, host, region);
  }
});

test("the core's snapshot limits are limits.js's: a replayed page report is held to what the worker takes", () => {
  const limits = core.snapshotLimits();
  const shared = Object.keys(limits).filter((k) => k in SNAPSHOT_LIMITS);
  assert.deepEqual(shared.sort(), ['fields', 'headings', 'notices', 'regions', 'runs', 'string', 'tables', 'texts', 'total']);
  for (const k of shared) assert.equal(limits[k], SNAPSHOT_LIMITS[k], k);
});
