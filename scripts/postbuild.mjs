#!/usr/bin/env node
// Trunk post-build hook: writes, next to the hashed assets, the embed loader (welfare-check.js)
// and the service worker (sw.js) with the build's real file names. Runs in Trunk's staging folder.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? path.join(root, 'dist');
const files = (await readdir(dir)).sort();
const find = (pattern, what) => {
  const hit = files.find((f) => pattern.test(f));
  if (!hit) throw new Error(`postbuild: no ${what} in ${dir} (files: ${files.join(', ')})`);
  return hit;
};
const assets = {
  js: find(/^welfare[-_]check-[0-9a-f]+\.js$/, 'wasm-bindgen JS'),
  wasm: find(/^welfare[-_]check-[0-9a-f]+_bg\.wasm$/, 'wasm module'),
  css: find(/^main-[0-9a-f]+\.css$/, 'stylesheet'),
};

const loader = (await readFile(path.join(root, 'embed/welfare-check.template.js'), 'utf8'))
  .replace(/\/\*ASSETS\*\/ \{[^}]*\}/, `/*ASSETS*/ ${JSON.stringify(assets)}`);
await writeFile(path.join(dir, 'welfare-check.js'), loader);

// Every file the build ships at its top level (the examples folder is for hosts, not the kiosk),
// relative to the service worker, plus the page itself.
const topFiles = [];
for (const f of files) if ((await stat(path.join(dir, f))).isFile() && f !== 'sw.js') topFiles.push(f);
const precache = ['./', ...topFiles.map((f) => `./${f}`), './welfare-check.js']
  .filter((f, i, all) => all.indexOf(f) === i);
const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
const sw = (await readFile(path.join(root, 'embed/sw.template.js'), 'utf8'))
  .replace(/\/\*VERSION\*\/ '[^']*'/, `/*VERSION*/ '${version}'`)
  .replace(/\/\*ASSETS\*\/ \[\]/, `/*ASSETS*/ ${JSON.stringify(precache)}`);
await writeFile(path.join(dir, 'sw.js'), sw);
console.log(`postbuild: welfare-check.js and sw.js (${precache.length} assets, cache ${version})`);
