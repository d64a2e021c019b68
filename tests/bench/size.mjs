// Size attribution (not a test): what each part of a module weighs, from twiggy over a copy
// built with names (`wasm-opt -Oz -g`, so the code is the shipped code). Run by
// `./build.sh size`. Prints a table; `function names` (the names section) is left out.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const [named, shipped] = process.argv.slice(2);
const csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', named], {
  encoding: 'utf8',
  maxBuffer: 64 << 20,
});

/** Each item goes to the first group whose pattern its name matches. */
const GROUPS = [
  ['wasm-bindgen export shims (the bindings)', /shim/],
  ['data: message texts, label tables, string constants', /^data segment/],
  ['x509-parser, der-parser, asn1-rs, nom: reading certificates', /x509_parser|der_parser|asn1_rs|\bnom\b/],
  ['roxmltree: reading federation metadata', /roxmltree/],
  ['sha1, sha2: thumbprints and fingerprints', /\bsha1::|\bsha2::/],
  ['serde-wasm-bindgen, wasm-bindgen, js-sys: passing values to JS', /serde_wasm_bindgen|wasm_bindgen|js_sys/],
  ['the core: certificates (cert/: certificate.rs, sigalg.rs, selfsig.rs)', /frontline_sso::cert::/],
  [
    'the core: the setup, its events and view (setup, checklist, guide, renewal, links)',
    /frontline_sso::(setup::(?!idp)|entra::links)/,
  ],
  ['the core: reading stored setups and snapshots from JS (js_read)', /frontline_sso::js_read/],
  ['the core: page recognition, fills, page reports (forms, entra::portal)', /frontline_sso::(forms|entra::portal)/],
  [
    'the core: metadata, IdP values, the products (Frontline, Flex, Console and its SP metadata), hosts',
    /frontline_sso::(saml::metadata|setup::idp|product|entra)/,
  ],
  ['the core: everything else', /frontline_sso/],
  ['core and alloc: formatting, iterators, sorting, strings', /\b(core|alloc)\b|<[A-Z]\b/],
  ['dlmalloc: the allocator', /dlmalloc/],
  ['time, base64, memchr, hashbrown', /\btime::|base64|memchr|hashbrown/],
];
const sums = new Map(GROUPS.map(([g]) => [g, 0]));
let other = 0;
for (const line of csv.split('\n').slice(1)) {
  const m = /^"?(.*?)"?,(\d+),/.exec(line);
  if (!m || m[1].startsWith('"function names"') || m[1].includes('function names')) continue;
  const [, name, size] = m;
  const group = GROUPS.find(([, re]) => re.test(name));
  if (group) sums.set(group[0], sums.get(group[0]) + Number(size));
  else other += Number(size);
}
sums.set('other (types, imports, exports, tables)', other);
const total = [...sums.values()].reduce((a, b) => a + b, 0);
const bytes = readFileSync(shipped);
console.log(`\n${shipped}: ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzipped (-9)`);
console.log('| part | bytes (raw, before gzip) | share |\n|---|---:|---:|');
for (const [g, n] of [...sums].sort((a, b) => b[1] - a[1]))
  console.log(`| ${g} | ${n.toLocaleString('en')} | ${((100 * n) / total).toFixed(1)}% |`);
