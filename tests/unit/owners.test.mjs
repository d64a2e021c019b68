// One owner per fact: each piece of outside knowledge is spelled in one source file, and every
// other file asks that one. Tests (and Rust's inline test modules) may spell what they check.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every non-test source file of the core and the extension, with its inline tests cut off. */
function sources() {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(rs|js|html)$/.test(name) && name !== 'tests.rs' && !/[\\/]tests[\\/]/.test(path)) {
        const text = readFileSync(path, 'utf8');
        const cut = text.indexOf('#[cfg(test)]');
        out.push({ file: relative(ROOT, path), text: cut < 0 ? text : text.slice(0, cut) });
      }
    }
  };
  walk(join(ROOT, 'crate/src'));
  walk(join(ROOT, 'extension'));
  return out;
}

const SOURCES = sources();
const owners = (needle) => SOURCES.filter((s) => s.text.includes(needle)).map((s) => s.file);

test("each product's facts have one owner: its module in crate/src/product/ (Entra's, crate/src/entra/)", () => {
  for (const [fact, owner] of [
    // Entra's attribute names are Entra's facts: the products ask crate/src/entra for them.
    ['user.assignedroles', ['crate/src/entra/mod.rs']],
    ['user.displayname', ['crate/src/entra/mod.rs']],
    ['user.mail"', ['crate/src/entra/mod.rs']],
    ['iam.twilio.com/v2/saml2', ['crate/src/product/frontline/realm.rs']],
    ['Frontline user', ['crate/src/product/frontline/mod.rs']],
    ['urn:flex:', ['crate/src/product/flex/connection.rs']],
    // The URL template is the core's; the hosts the extension may be granted are hosts.js's (a test checks they agree).
    ['login.flex.', ['crate/src/product/flex/connection.rs', 'extension/hosts.js']],
    ['iam.twilio.com/v1/Accounts/', ['crate/src/product/flex/connection.rs']],
    ['"supervisor"', ['crate/src/product/flex/mod.rs']],
  ]) {
    assert.deepEqual(owners(fact), owner, fact);
  }
});

test("each Azure portal label is spelled only in the language tables", () => {
  const tables = readdirSync(join(ROOT, 'crate/src/entra/portal')).filter((f) => !['mod.rs', 'tests.rs', 'vocabulary.rs'].includes(f));
  for (const table of tables) {
    const text = readFileSync(join(ROOT, 'crate/src/entra/portal', table), 'utf8');
    // Words long enough to be the portal's own (not "Name" or "-", which any code may say).
    const rows = [...text.matchAll(/\(\s*\w+,\s*&\[([^\]]*)\]/g)].map((m) => m[1]);
    const own = (w) => w.length >= 12 || (/[^\x00-\x7f]/.test(w) && w.length >= 4);
    const labels = rows.flatMap((r) => [...r.matchAll(/"([^"]+)"/g)].map((m) => m[1])).filter(own);
    assert.ok(labels.length > 15, `${table}: labels found (${labels.length})`);
    for (const label of labels) {
      // As a literal in code, or as the text of an element.
      const files = [...new Set([`"${label}"`, `'${label}'`, `>${label}<`].flatMap(owners))];
      // Two languages may share a word ("Certificados SAML"): only the language tables hold it.
      const elsewhere = files.filter((f) => !f.startsWith('crate/src/entra/portal/'));
      assert.deepEqual(elsewhere, [], `${table}: "${label}"`);
      assert.ok(files.includes(`crate/src/entra/portal/${table}`), `${table}: "${label}"`);
    }
  }
});
