#!/usr/bin/env node
// Trunk post-build hook: copies the bundled catalog (catalog-<hash>.bin) and the catalog engine (engine-<hash>.wasm), both made by build.rs, beside the
// wasm; writes, next to the hashed assets, the embed loader (welfare-check.js), the standalone page's
// loader (start.js) and the service worker (sw.js) with the build's real file names; and prerenders the
// start page into index.html (scripts/prerender.mjs; WC_PRERENDER=0 skips it). Runs in Trunk's staging folder.
// Every script and the stylesheet it ships are minified (terser, lightningcss: npm packages of tests/e2e,
// installed by scripts/setup.sh), and index.html's integrity attributes follow the minified files.
import { copyFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prerender } from './prerender.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? path.join(root, 'dist');
let files = (await readdir(dir)).sort();
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

// Minification. Trunk's own (`--minify`) cannot parse the wasm-bindgen glue and rewrites index.html, so
// it is done here. The loaders' templates keep their /*MARKERS*/ through terser (comments kept, no
// compression that could inline the marked constants) so that the build's values are written after it.
const tools = createRequire(path.join(root, 'tests/e2e/package.json'));
let terser, lightningcss;
try {
  terser = tools('terser');
  lightningcss = tools('lightningcss');
} catch {
  throw new Error('postbuild: terser or lightningcss is missing (run `make setup`)');
}
const minifyJs = async (code, keepMarkers, module = true) => {
  const out = await terser.minify(code, keepMarkers
    ? { module, compress: false, mangle: true, format: { comments: /^(ASSETS|PRERENDER|VERSION)$/ } }
    : { module, compress: true, mangle: true, format: { comments: false } });
  if (typeof out.code !== 'string') throw new Error('postbuild: terser returned no code');
  return out.code;
};
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
{
  const js = path.join(dir, assets.js);
  const css = path.join(dir, assets.css);
  await writeFile(js, await minifyJs(await readFile(js, 'utf8'), false));
  const { code } = lightningcss.transform({ filename: assets.css, code: await readFile(css), minify: true });
  await writeFile(css, code);
  // The preload links name the files with Trunk's integrity: give them the minified files' digests.
  const index = path.join(dir, 'index.html');
  let html = await readFile(index, 'utf8');
  for (const file of [assets.js, assets.css]) {
    const link = new RegExp(`(href="\\./${file.replace(/[.]/g, '\\.')}"[^>]*?integrity=")sha384-[^"]+"`);
    if (!link.test(html)) throw new Error(`postbuild: index.html has no integrity for ${file}`);
    html = html.replace(link, `$1${sri(await readFile(path.join(dir, file)))}"`);
  }
  // Its comments are for readers of the source, not for visitors.
  await writeFile(index, html.replace(/<!--[\s\S]*?-->/g, '').replace(/\n\s*\n/g, '\n'));
}

// The wasm names the catalog file and the catalog engine it fetches (build.rs hashes their content):
// take those files from the build script's output folder of this very build, or fail the build.
// A debug build has no engine file (it runs the engine in process).
const wasmBytes = (await readFile(path.join(dir, assets.wasm))).toString('latin1');
const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(root, 'target');
async function fromBuild(name) {
  let found;
  for (const profile of ['release', 'debug']) {
    const build = path.join(targetDir, 'wasm32-unknown-unknown', profile, 'build');
    const outs = (await readdir(build).catch(() => [])).filter((d) => d.startsWith('welfare-check-'));
    for (const d of outs) {
      const candidate = path.join(build, d, 'out', name);
      if (await stat(candidate).then((s) => s.isFile(), () => false)) found = candidate;
    }
  }
  if (!found) throw new Error(`postbuild: ${name} (named by the wasm) is not in ${targetDir}/wasm32-unknown-unknown/*/build/welfare-check-*/out/`);
  await copyFile(found, path.join(dir, name));
  return name;
}
const catalog = wasmBytes.match(/catalog-[0-9a-f]{16}\.bin/)?.[0];
if (!catalog) throw new Error(`postbuild: ${assets.wasm} names no catalog-<hash>.bin`);
assets.catalog = await fromBuild(catalog);
const engine = wasmBytes.match(/engine-[0-9a-f]{16}\.wasm/)?.[0];
if (engine) assets.engine = await fromBuild(engine);
files = (await readdir(dir)).sort();

// The loaders are modules; the service worker is a classic script.
const template = async (name, module = true) => minifyJs(await readFile(path.join(root, 'embed', name), 'utf8'), true, module);
const loader = (await template('welfare-check.template.js'))
  .replace(/\/\*ASSETS\*\/\s*\{[^}]*\}/, `/*ASSETS*/ ${JSON.stringify(assets)}`);
await writeFile(path.join(dir, 'welfare-check.js'), loader);

// The page's loader, first without a prerendered page (the prerender runs the page with it).
const startTemplate = await template('start.template.js');
const writeStart = (prerendered) => writeFile(path.join(dir, 'start.js'), startTemplate
  .replace(/\/\*ASSETS\*\/\s*\{[^}]*\}/, `/*ASSETS*/ ${JSON.stringify({ js: assets.js, wasm: assets.wasm })}`)
  .replace(/\/\*PRERENDER\*\/\s*null/, `/*PRERENDER*/ ${JSON.stringify(prerendered)}`));
await writeStart(null);
let prerendered = null;
if (process.env.WC_PRERENDER !== '0') {
  const page = await prerender(dir);
  const index = path.join(dir, 'index.html');
  const before = await readFile(index, 'utf8');
  const open = /<div id="welfare-check" class="wc-root">/;
  if (!open.test(before)) throw new Error('postbuild: no <div id="welfare-check" class="wc-root"> in index.html');
  await writeFile(index, before.replace(open, (tag) => tag + page.html));
  prerendered = { lang: page.lang, call: page.call, until: page.until };
  await writeStart(prerendered);
}

// Every file the build ships at its top level (the examples folder is for hosts, not the kiosk),
// relative to the service worker, plus the page itself. The cache's version follows their contents
// (index.html's prerendered page can change while every hashed name stays).
const topFiles = [];
const hash = createHash('sha256');
for (const f of (await readdir(dir)).sort()) {
  if (f === 'sw.js' || !(await stat(path.join(dir, f))).isFile()) continue;
  topFiles.push(f);
  hash.update(`${f}\n`).update(await readFile(path.join(dir, f)));
}
const precache = ['./', ...topFiles.map((f) => `./${f}`)];
const version = hash.digest('hex').slice(0, 12);
const sw = (await template('sw.template.js', false))
  .replace(/\/\*VERSION\*\/\s*(['"])[^'"]*\1/, `/*VERSION*/ '${version}'`)
  .replace(/\/\*ASSETS\*\/\s*\[\]/, `/*ASSETS*/ ${JSON.stringify(precache)}`);
await writeFile(path.join(dir, 'sw.js'), sw);
console.log(`postbuild: welfare-check.js, start.js${prerendered ? ' (start page prerendered: ' + JSON.stringify(prerendered) + ')' : ''} and sw.js (${precache.length} assets, cache ${version})`);
