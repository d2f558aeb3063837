// The npm package's web build (pkg/web, `make pkg`) in Chromium: the README's example page
// (tests/pkg/web) loads it as an ES module under a strict Content-Security-Policy, with the guards of
// every page (no console error, no request off 127.0.0.1, no cookie, no axe violation); then calls(),
// assess() on data/examples/admissible.toml's answers, matches(), and bad input, which throws an Error
// naming the field, never a trap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { suite, visitor, checkScreen, ROOT } from '../lib/harness.js';
import { parseToml } from '../../pkg/toml.js';

const web = path.join(ROOT, 'pkg', 'web');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src data:";
const env = suite({ '/': path.join(ROOT, 'tests', 'pkg', 'web'), '/pkg/': web }, { headers: () => ({ 'content-security-policy': CSP }) });
const admissible = parseToml(readFileSync(path.join(ROOT, 'data', 'examples', 'admissible.toml'), 'utf8'));

test('pkg/web is built, with its types and README', () => {
  for (const file of ['package.json', 'welfare_rules.js', 'welfare_rules_bg.wasm', 'welfare_rules.d.ts', 'README.md']) {
    assert.ok(existsSync(path.join(web, file)), `${file} missing in ${web}: run \`make pkg\``);
  }
});

test('the README example runs in the browser, and the API answers in the page', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    const response = await page.goto(`${env.server.origin}/`);
    assert.equal(response.headers()['content-security-policy'], CSP);
    await page.locator('#out', { hasText: 'Ask ' }).waitFor({ timeout: 15_000 });
    const out = await page.textContent('#out');
    assert.match(out, /^Community Welfare and Social Innovation: .+ Ask .+: Fills the requirement: .+\.$/);
    assert.ok(record.requests.some((u) => u.endsWith('/pkg/welfare_rules_bg.wasm')), 'the wasm was fetched from beside the glue');
    await checkScreen(page, record, 'pkg-web');

    const result = await page.evaluate(async (answers) => {
      const rules = await import('/pkg/welfare_rules.js');
      const now = '2016-04-01T10:00';
      const attempt = (f) => {
        try {
          f();
          return null;
        } catch (e) {
          return { error: e instanceof Error, trap: e instanceof WebAssembly.RuntimeError, message: e.message };
        }
      };
      return {
        calls: JSON.parse(rules.calls()),
        verdict: JSON.parse(rules.assess('2016', answers, now)),
        fromText: JSON.parse(rules.assess('2016', JSON.stringify(answers), now)),
        matches: JSON.parse(rules.matches('2016', answers, now)),
        badKind: attempt(() => rules.assess('2016', { members: [{}, {}, { kind: 'x' }] }, now)),
        badJson: attempt(() => rules.matches('2016', '{"members": [', now)),
        badCall: attempt(() => rules.assess('2099', answers, now)),
        badNow: attempt(() => rules.assess('2016', answers, '01/04/2016')),
        after: JSON.parse(rules.assess('2016', answers, now)).overall.kind,
      };
    }, admissible);
    assert.deepEqual(result.calls.map((c) => c.id), ['2016', '2017']);
    assert.equal(result.calls[0].deadline, '2016-04-28T18:00');
    assert.equal(result.verdict.overall.kind, 'admissible', result.verdict.headline.en);
    assert.deepEqual(result.fromText, result.verdict);
    assert.ok(result.matches.projects.length > 0 && result.matches.partners.length > 0);
    for (const card of [...result.matches.projects, ...result.matches.partners]) assert.ok(card.reasons.length > 0, card.name);
    const admissibleNames = new Set(admissible.members.map((m) => m.name));
    assert.ok(result.matches.partners.every((p) => !admissibleNames.has(p.name)), 'a member suggested to itself');
    for (const [name, expected] of [
      ['badKind', /^answers\.members\[2\]\.kind: unknown kind "x" \(one of: comune, /],
      ['badJson', /^answers: not valid JSON \(/],
      ['badCall', /^callId: no edition "2099" \(editions: 2016, 2017\)$/],
      ['badNow', /^now: expected YYYY-MM-DDTHH:MM .*, got "01\/04\/2016"$/],
    ]) {
      const thrown = result[name];
      assert.ok(thrown, `${name}: nothing thrown`);
      assert.equal(thrown.trap, false, `${name}: a trap`);
      assert.equal(thrown.error, true, `${name}: not an Error`);
      assert.match(thrown.message, expected, name);
    }
    assert.equal(result.after, 'admissible');
    // The thrown errors were caught: no console error, nothing off 127.0.0.1.
    assert.deepEqual(record.consoleErrors, []);
    assert.deepEqual(record.offsite, []);
  } finally {
    await context.close();
  }
});
