// docs/checks.md lists every code of the core's registry (crate/src/common/codes.rs), and nothing
// else (crate/tests/codes.rs holds the order too); the README links every page the rest of the
// documentation moved to.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (p) => readFileSync(resolve(ROOT, p), 'utf8');

/** The registry's codes: each `NAME = "code",` line of crate/src/common/codes.rs. */
const registry = () => [...read('crate/src/common/codes.rs').matchAll(/^ {4}[A-Z0-9_]+ = "([a-z0-9_]+)",$/gm)].map((m) => m[1]);

test('docs/checks.md lists exactly the codes in the core', () => {
  const listed = [...read('docs/checks.md').matchAll(/^\| `([a-z][a-z0-9_]*)` \|/gm)].map((m) => m[1]);
  assert.equal(new Set(listed).size, listed.length, 'each code once');
  assert.ok(registry().length > 100);
  assert.deepEqual([...listed].sort(), [...registry()].sort());
});

test('the README is a short front page that links every moved section', () => {
  const readme = read('README.md');
  assert.ok(readme.split('\n').length <= 120, `README has ${readme.split('\n').length} lines`);
  for (const page of ['docs/admin-guide.md', 'docs/checks.md', 'docs/cli.md', 'docs/size-and-speed.md', 'docs/security.md', 'docs/development.md', 'CHANGELOG.md']) {
    assert.ok(existsSync(resolve(ROOT, page)), page);
    assert.ok(readme.includes(`](${page})`), `README links ${page}`);
  }
});
