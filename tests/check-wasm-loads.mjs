// Instantiates the optimized wasm in Node and calls it once: wasm-opt bugs (such as
// Debian binaryen 108's "Table.set(): Argument 1 is invalid") only show up at load time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, name = 'frontline_sso'] = process.argv.slice(2);
const glue = await import(pathToFileURL(join(dir, `${name}.js`)).href);
glue.initSync({ module: readFileSync(join(dir, `${name}_bg.wasm`)) });
const r = glue.realmUrls('JB0123456789abcdef0123456789abcdef');
if (!r.entityId.endsWith('JB0123456789abcdef0123456789abcdef')) throw new Error('wasm loaded but answered wrongly');
console.log(`${name}: wasm loads and answers (core ${glue.version()})`);
