// The README's two examples of the npm package are the files the tests run: the Node.js one here (as a
// user has it, `require('welfare-rules')`), the web one in the e2e spec `pkg` (tests/pkg/web/example.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './lib.js';

const here = path.join(ROOT, 'tests', 'pkg');
const nodeExample = readFileSync(path.join(here, 'example-node.cjs'), 'utf8');
const webExample = readFileSync(path.join(here, 'web', 'example.js'), 'utf8');

test('README.md and the package README show the examples the tests run, each of 10 lines', () => {
  for (const readme of ['README.md', 'crates/pkg/README.md']) {
    const text = readFileSync(path.join(ROOT, readme), 'utf8');
    assert.ok(text.includes('```js\n' + nodeExample + '```'), `${readme}: the Node.js example differs from tests/pkg/example-node.cjs`);
    assert.ok(text.includes('```js\n' + webExample + '```'), `${readme}: the web example differs from tests/pkg/web/example.js`);
  }
  assert.ok(readFileSync(path.join(ROOT, 'README.md'), 'utf8').includes('## Use the rules in your own site'));
  for (const example of [nodeExample, webExample]) assert.equal(example.trimEnd().split('\n').length, 10);
});

test('the Node.js example runs against pkg/node as `welfare-rules`', () => {
  const modules = mkdtempSync(path.join(tmpdir(), 'welfare-rules-'));
  try {
    symlinkSync(path.join(ROOT, 'pkg', 'node'), path.join(modules, 'welfare-rules'), 'dir');
    const out = execFileSync(process.execPath, [path.join(here, 'example-node.cjs')], {
      env: { ...process.env, NODE_PATH: modules },
      encoding: 'utf8',
    }).trimEnd().split('\n');
    assert.equal(out.length, 5, out.join('\n'));
    assert.match(out[0], /^not_yet_admissible · One change to be admissible: add a third-sector organisation/);
    for (const line of out.slice(1, 4)) assert.match(line, / · Fills the requirement: at least one third-sector organisation$/);
    assert.equal(out[4], 'callId: no edition "2099" (editions: 2016, 2017)');
  } finally {
    rmSync(modules, { recursive: true, force: true });
  }
});
