// Bundles the content script's ES modules into one classic script, for content_scripts.
//   node scripts/bundle-content.mjs <entry.js> <out.js>
// Our modules only: named imports and `export` declarations, each module in its own function
// scope. Anything else (default exports, `import *`, re-exports, bare specifiers) stops the build,
// so a new shape is seen rather than bundled wrong.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const [entry, out] = process.argv.slice(2);
if (!entry || !out) throw new Error('usage: bundle-content.mjs <entry.js> <out.js>');
const root = resolve(dirname(entry), '..', '..');
/** @type {Map<string, {id: string, code: string}>} in dependency order */
const modules = new Map();
const IMPORT = /^import\s*\{([^}]*)\}\s*from\s*'([^']+)';?\s*$/gm;
const EXPORT = /^export\s+(?:async\s+)?(function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)/gm;

function load(file) {
  if (modules.has(file)) return modules.get(file).id;
  const src = readFileSync(file, 'utf8');
  const banned = src.match(/^(export\s+default|export\s*\{|export\s*\*|import\s*\*|import\s+[A-Za-z_$]|import\s*')/m);
  if (banned) throw new Error(`${file}: "${banned[0]}" is not supported by the bundler`);
  const deps = [];
  let code = src.replace(IMPORT, (_, names, spec) => {
    if (!spec.startsWith('.')) throw new Error(`${file}: only relative imports can be bundled (${spec})`);
    const id = load(resolve(dirname(file), spec));
    deps.push(id);
    const bindings = names
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean)
      .map((n) => n.replace(/\s+as\s+/, ': '));
    return `const { ${bindings.join(', ')} } = ${id};`;
  });
  if (/^\s*import[\s{(]/m.test(code.replace(/import\(/g, '')))
    throw new Error(`${file}: an import the bundler cannot read`);
  const exported = [];
  code = code.replace(EXPORT, (m, kind, name) => {
    exported.push(name);
    return m.replace(/^export\s+/, '');
  });
  const id = `__${relative(root, file).replace(/[^\w]/g, '_')}`;
  modules.set(file, { id, code: `const ${id} = (() => {\n${code}\nreturn { ${exported.join(', ')} };\n})();` });
  return id;
}

load(resolve(entry));
const body = [...modules.values()].map((m) => m.code).join('\n\n');
writeFileSync(
  out,
  `// Bundled by scripts/bundle-content.mjs from ${relative(root, resolve(entry))}: ` +
    `edit the modules, not this file.\n(() => {\n'use strict';\n${body}\n})();\n`,
);
