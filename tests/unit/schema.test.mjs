// Storage schema and migrations, without a browser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migrate, nextSetupId, SCHEMA_VERSION } from '../../extension/worker/schema.js';

const ctx = { newSetup: (id) => ({ id, realmSidInput: '', workspaceId: '', checklist: { steps: [] } }) };

test('nothing stored becomes a fresh state with one setup', () => {
  const s = migrate(undefined, ctx);
  assert.equal(s.schema, SCHEMA_VERSION);
  assert.equal(s.revision, 0);
  assert.deepEqual(s.order, [s.activeId]);
  assert.ok(s.setups[s.activeId]);
});

test('v0 (one flat setup) migrates, keeping what the admin typed', () => {
  const s = migrate({ realmSid: 'JB0123456789abcdef0123456789abcdef', workspaceId: 'owlpress' }, ctx);
  assert.equal(s.schema, 1);
  const setup = s.setups[s.activeId];
  assert.equal(setup.realmSidInput, 'JB0123456789abcdef0123456789abcdef');
  assert.equal(setup.workspaceId, 'owlpress');
});

test('current states pass through untouched; newer ones are refused', () => {
  const current = { schema: 1, revision: 7, activeId: 'a', order: ['a'], setups: { a: { id: 'a' } } };
  assert.equal(migrate(current, ctx), current);
  assert.throws(() => migrate({ schema: 99 }, ctx), /newer than this extension/);
});

test('setup ids are unique', () => {
  assert.equal(nextSetupId({ order: ['setup-1'], setups: { 'setup-1': {}, 'setup-2': {} } }), 'setup-3');
  assert.equal(nextSetupId(undefined), 'setup-1');
});
