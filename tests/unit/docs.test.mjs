// docs/checks.md lists every code the core's findings and errors carry, and nothing else; the
// README links every page the rest of the documentation moved to.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { coreCodes } from './core-codes.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (p) => readFileSync(resolve(ROOT, p), 'utf8');

test('docs/checks.md lists exactly the codes in the core', () => {
  const listed = [...read('docs/checks.md').matchAll(/^\| `([a-z][a-z0-9_]*)` \|/gm)].map((m) => m[1]);
  assert.equal(new Set(listed).size, listed.length, 'each code once');
  assert.deepEqual([...listed].sort(), [...coreCodes()].sort());
});

test('the README is a short front page that links every moved section', () => {
  const readme = read('README.md');
  assert.ok(readme.split('\n').length <= 120, `README has ${readme.split('\n').length} lines`);
  for (const page of ['docs/admin-guide.md', 'docs/checks.md', 'docs/cli.md', 'docs/size-and-speed.md', 'docs/security.md', 'docs/development.md', 'CHANGELOG.md']) {
    assert.ok(existsSync(resolve(ROOT, page)), page);
    assert.ok(readme.includes(`](${page})`), `README links ${page}`);
  }
});
