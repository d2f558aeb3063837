// Every rule case of data/cases through the npm package for node (pkg/node): the verdict `assess` gives
// must match the case file (overall, each expected status, each expected text), as `welfare cases` checks
// it natively; and `matches` answers each case's answers with reasons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { rules, readToml, caseFiles } from './lib.js';

const FIELDS = new Set(['description', 'call', 'now', 'overall', 'expected', 'expect_text', 'answers']);
const files = caseFiles();

test('the rule cases are all here', () => {
  assert.ok(files.length >= 50, `only ${files.length} case files`);
});

for (const file of files) {
  const name = path.basename(file);
  test(`case ${name}`, () => {
    const c = readToml(file);
    for (const key of Object.keys(c)) assert.ok(FIELDS.has(key), `${name}: a field this suite does not know: ${key}`);
    const answers = c.answers ?? {};
    const json = rules.assess(c.call, JSON.stringify(answers), c.now);
    const verdict = JSON.parse(json);
    assert.equal(verdict.call_id, c.call);
    assert.equal(verdict.overall.kind, c.overall, `overall (${verdict.headline.en})`);
    for (const [id, status] of Object.entries(c.expected ?? {})) {
      const result = verdict.criteria.find((r) => r.id === id);
      assert.ok(result, `${id}: no such criterion in call ${c.call}`);
      assert.equal(result.status, status, `${id}: ${result.explanation.en}`);
    }
    // Compact JSON, as `welfare cases` searches it (serde_json::to_string).
    for (const text of c.expect_text ?? []) assert.ok(json.includes(text), `text not found in the verdict: ${text}`);
    // The answers as an object give the same verdict as their JSON text.
    assert.equal(rules.assess(c.call, answers, c.now), json);
    // The suggestions for the same answers: each with its reasons.
    const matches = JSON.parse(rules.matches(c.call, answers, c.now));
    assert.ok(Array.isArray(matches.projects) && Array.isArray(matches.partners));
    for (const card of [...matches.projects, ...matches.partners]) {
      assert.ok(card.name && card.reasons.length > 0, `a suggestion without reasons: ${JSON.stringify(card)}`);
    }
  });
}
