// What the package's tests share: the built package for node (`make pkg` writes pkg/node), the
// repository's data, and the TOML reader for the case files.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseToml } from './toml.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = path.join(ROOT, 'pkg', 'node');
if (!existsSync(path.join(pkg, 'package.json'))) throw new Error(`${pkg} is missing: run \`make pkg\` first`);
/** The package as a node user has it: `require('welfare-rules')` (CommonJS, --target nodejs). */
export const rules = createRequire(import.meta.url)(pkg);

export const readToml = (file) => parseToml(readFileSync(file, 'utf8'));

/** The rule cases, sorted by file name. */
export function caseFiles() {
  const dir = path.join(ROOT, 'data', 'cases');
  return readdirSync(dir).filter((f) => f.endsWith('.toml')).sort().map((f) => path.join(dir, f));
}

/** data/examples/admissible.toml's answers. */
export const admissible = () => readToml(path.join(ROOT, 'data', 'examples', 'admissible.toml'));
