// The codes the core's findings and errors carry, read from its source: every constructor
// call (`Finding::error("code", …)`, `CoreError::new("code", …)`), every (code, message) pair
// and every code chosen by an if/else. Shared by the docs test and anyone who lists them.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SRC = resolve(import.meta.dirname, '../../crate/src');

/** @returns {Set<string>} */
export function coreCodes() {
  const codes = new Set();
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.rs') && name !== 'tests.rs' && name !== 'fuzz_checks.rs' && !/[\\/]tests[\\/]/.test(path)) {
        let text = readFileSync(path, 'utf8');
        const cut = text.indexOf('#[cfg(test)]');
        if (cut >= 0) text = text.slice(0, cut);
        const patterns = [
          /(?:Finding::(?:error|warning|info)|CoreError::new)\(\s*"([a-z][a-z0-9_]*)"/g,
          /\(\s*"([a-z][a-z0-9_]*)",\s*(?:format!|message\()/g,
          /(?:let code\w* =|\(\s*) if [^{]*\{\s*"([a-z][a-z0-9_]*)"\s*\}\s*else\s*\{\s*"([a-z][a-z0-9_]*)"\s*\}/g,
        ];
        for (const re of patterns) for (const m of text.matchAll(re)) m.slice(1).forEach((c) => c && codes.add(c));
      }
    }
  };
  walk(SRC);
  return codes;
}
