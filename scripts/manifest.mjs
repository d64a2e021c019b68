// dist/manifest.json: manifest.json with the version stamped in and every host list written
// from extension/hosts.js, so the hosts are listed in one place.
// Usage: node scripts/manifest.mjs <version> <out>
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentScriptMatches, optionalHostPermissions } from '../extension/hosts.js';

/**
 * @param {any} base manifest.json as written in the repository
 * @param {string} version
 */
export function buildManifest(base, version) {
  const m = structuredClone(base);
  m.version = version;
  m.optional_host_permissions = optionalHostPermissions();
  for (const script of m.content_scripts) script.matches = contentScriptMatches();
  return m;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [version, out] = process.argv.slice(2);
  const base = JSON.parse(readFileSync(resolve(import.meta.dirname, '../manifest.json'), 'utf8'));
  writeFileSync(out, `${JSON.stringify(buildManifest(base, version), null, 2)}\n`);
}
