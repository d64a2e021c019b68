// Instantiates the optimized wasm in Node and calls it once: wasm-opt bugs (such as
// Debian binaryen 108's "Table.set(): Argument 1 is invalid") only show up at load time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, name = 'frontline_sso'] = process.argv.slice(2);
const glue = await import(pathToFileURL(join(dir, `${name}.js`)).href);
glue.initSync({ module: readFileSync(join(dir, `${name}_bg.wasm`)) });
const r = glue.realmUrls('JB0123456789abcdef0123456789abcdef');
if (!r.spEntityId.endsWith('JB0123456789abcdef0123456789abcdef')) throw new Error('wasm loaded but answered wrongly');

// Each module answers sign-in checks only if it can verify signatures (the router sends
// sign-ins to the full one): the small one refuses with a typed error.
let code;
try {
  glue.checkResponse('nope!', { realmSid: 'JB0123456789abcdef0123456789abcdef' }, 0);
} catch (e) {
  code = e.code;
}
const want = name === 'frontline_sso' ? 'needs_full_core' : 'not_base64';
if (code !== want) throw new Error(`${name}: checkResponse gave ${code}, expected ${want}`);
console.log(`${name}: wasm loads and answers (core ${glue.version()})`);
