// The npm package's API (pkg/node): calls(), assess() and matches() on good input, and bad input of
// every kind thrown as an Error whose message names the input and field, never a trap
// (WebAssembly.RuntimeError), with the module still working afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rules, admissible, readToml, caseFiles } from './lib.js';

/** Calls `f`, which must throw an Error (not a trap) whose message matches `message`. */
function throwsNamed(f, message) {
  let thrown;
  try {
    f();
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown, `no error thrown (expected ${message})`);
  assert.ok(!(thrown instanceof WebAssembly.RuntimeError), `a trap: ${thrown}`);
  assert.ok(thrown instanceof Error, `not an Error: ${thrown}`);
  assert.match(thrown.message, message);
}

const NOW = '2016-04-01T10:00';

test('calls() lists the editions with their ids, names and deadlines', () => {
  const calls = JSON.parse(rules.calls());
  assert.deepEqual(calls.map((c) => c.id), ['2016', '2017']);
  assert.equal(calls[0].deadline, '2016-04-28T18:00');
  assert.equal(calls[0].name.it, 'Welfare di Comunità e Innovazione Sociale');
  assert.equal(calls[1].edition.en, 'Edition IV (2017)');
});

test('assess() on the admissible example: admissible before the deadline, closed after it', () => {
  const verdict = JSON.parse(rules.assess('2016', admissible(), NOW));
  assert.equal(verdict.overall.kind, 'admissible', verdict.headline.en);
  assert.ok(verdict.criteria.every((c) => c.gating === false || c.status === 'met'));
  assert.ok(verdict.merit.length > 0);
  const late = JSON.parse(rules.assess('2016', admissible(), '2016-04-28T18:01'));
  assert.equal(late.closed, true);
  // A Date is read in Italian time: 16:00 UTC is 18:00 in Rome in April (summer time), the deadline itself.
  assert.equal(JSON.parse(rules.assess('2016', admissible(), new Date('2016-04-28T16:00:00Z'))).closed, false);
  assert.equal(JSON.parse(rules.assess('2016', admissible(), new Date('2016-04-28T16:01:00Z'))).closed, true);
  // Without now: the current time, years after both deadlines.
  assert.equal(JSON.parse(rules.assess('2016', admissible())).closed, true);
  assert.equal(JSON.parse(rules.assess('2017', '{}', null)).closed, true);
});

test('matches() gives funded projects and partners with their reasons, the missing requirement first', () => {
  // A network without a third-sector organisation: the first partners fill that gap.
  const answers = { ...admissible(), members: admissible().members.filter((m) => m.kind !== 'social_cooperative' && m.kind !== 'community_foundation') };
  const verdict = JSON.parse(rules.assess('2016', answers, NOW));
  assert.deepEqual(verdict.overall.failing, ['network_third_sector']);
  const { projects, partners } = JSON.parse(rules.matches('2016', answers, NOW));
  assert.ok(projects.length > 0 && partners.length > 0);
  assert.match(partners[0].reasons[0].it, /^Colma il requisito/);
  assert.match(partners[0].reasons[0].en, /./);
  for (const p of partners) assert.ok(!answers.members.some((m) => m.name === p.name), `${p.name} is already a member`);
  for (const p of projects) assert.ok(p.id && p.summary.it && p.reasons.length > 0);
});

test('malformed JSON throws, naming answers', () => {
  for (const text of ['', '{', '{"lead": }', 'nul', '[1,', '{"a":1}}', '\u0000', '{"description":"\\ud800"}']) {
    throwsNamed(() => rules.assess('2016', text, NOW), /^answers: not valid JSON \(.+\)$/);
    throwsNamed(() => rules.matches('2016', text, NOW), /^answers: not valid JSON/);
  }
});

test('wrong types throw, naming the field', () => {
  const cases = [
    [[], /^answers: expected an object, or its JSON text, got an array$/],
    ['[]', /^answers: expected an object, got an array$/],
    [undefined, /^answers: expected an object, or its JSON text, got nothing \(undefined\)$/],
    [null, /^answers: expected an object, or its JSON text, got null$/],
    [42, /^answers: expected an object, or its JSON text, got the number 42$/],
    [() => ({}), /^answers: expected an object, or its JSON text, got a value of type function$/],
    [{ lead: 1n }, /^answers: cannot be written as JSON \(.*BigInt.*\)$/],
    [{ member: [] }, /^answers\.member: unknown field \(fields: territory, members, lead, needs, beneficiaries, description, money, merit\)$/],
    [{ members: [{}, {}, { kind: 'x' }] }, /^answers\.members\[2\]\.kind: unknown kind "x" \(one of: comune, .*citizen\)$/],
    [{ members: [{ id: '1' }] }, /^answers\.members\[0\]\.id: expected an id, a whole number from 0 to 4294967295, got "1"$/],
    [{ members: [{ letter_of_intent: 1 }] }, /^answers\.members\[0\]\.letter_of_intent: expected true or false, got 1$/],
    [{ members: 'Comune di Lecco' }, /^answers\.members: expected an array, got "Comune di Lecco"$/],
    [{ lead: -1 }, /^answers\.lead: expected a member's id, a whole number from 0 to 4294967295, got -1$/],
    [{ needs: ['elderly', 'loneliness'] }, /^answers\.needs\[1\]: unknown need "loneliness"/],
    [{ territory: { provinces: 'LC' } }, /^answers\.territory\.provinces: expected an array, got "LC"$/],
    [{ money: { total_cost: '1.8M' } }, /^answers\.money\.total_cost: expected a whole number of euros, got "1\.8M"$/],
    [{ money: { total_cost: 1.5 } }, /^answers\.money\.total_cost: expected a whole number of euros, got 1\.5$/],
    [{ money: { cofinancing: ['gifts'] } }, /^answers\.money\.cofinancing\[0\]: unknown source "gifts"/],
    [{ merit: [['comunita_legami', 9]] }, /^answers\.merit\[0\]\[1\]: expected an answer, a whole number from 0 to 3, got 9$/],
    [{ merit: { comunita_legami: 2 } }, /^answers\.merit: expected an array, got an object$/],
    [{ description: 7 }, /^answers\.description: expected a string, got 7$/],
    [{ members: Array.from({ length: 101 }, (_, i) => ({ id: i + 1 })) }, /^answers\.members: at most 100 members \(the widget's limit\), got 101$/],
    [{ description: 'x'.repeat(4001) }, /^answers\.description: at most 4000 characters \(the widget's limit\), got 4001$/],
  ];
  for (const [answers, message] of cases) {
    throwsNamed(() => rules.assess('2016', answers, NOW), message);
    throwsNamed(() => rules.matches('2016', answers, NOW), message);
  }
});

test('an unknown edition or a callId that is not a string throws, naming callId', () => {
  throwsNamed(() => rules.assess('2099', {}, NOW), /^callId: no edition "2099" \(editions: 2016, 2017\)$/);
  throwsNamed(() => rules.matches('2099', {}, NOW), /^callId: no edition "2099" \(editions: 2016, 2017\)$/);
  throwsNamed(() => rules.assess(' 2016', {}, NOW), /^callId: no edition " 2016"/);
  for (const [id, got] of [[2016, 'the number 2016'], [undefined, 'nothing \\(undefined\\)'], [null, 'null'], [{}, 'an object'], [Symbol('x'), 'a value of type symbol']]) {
    throwsNamed(() => rules.assess(id, {}, NOW), new RegExp(`^callId: expected a string, an edition's id such as "2016", got ${got}$`));
  }
});

test('a bad now throws, naming now', () => {
  for (const now of ['', 'tomorrow', '2016-04-01', '2016-04-31T10:00', '2016-04-01T25:00', '2016-04-01T10:00Z', '2016-04-01T10:00:00']) {
    throwsNamed(() => rules.assess('2016', {}, now), /^now: expected YYYY-MM-DDTHH:MM \(Italian time, e\.g\. 2016-04-01T10:00\), got ".*"$/);
    throwsNamed(() => rules.matches('2016', {}, now), /^now: expected YYYY-MM-DDTHH:MM/);
  }
  throwsNamed(() => rules.assess('2016', {}, 1459497600000), /^now: expected YYYY-MM-DDTHH:MM .* or a Date, got the number 1459497600000$/);
  throwsNamed(() => rules.assess('2016', {}, new Date('never')), /^now: an invalid Date$/);
  throwsNamed(() => rules.assess('2016', {}, {}), /^now: .* got an object$/);
});

test('after every kind of bad input the module still answers', () => {
  const verdict = JSON.parse(rules.assess('2016', admissible(), NOW));
  assert.equal(verdict.overall.kind, 'admissible');
});

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('2,000 damaged answers: each a verdict or a thrown Error naming a field, never a trap', () => {
  const next = random(2016);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const odd = () => pick([null, true, false, 0, -1, 1.5, 2 ** 32, 2 ** 64, '', 'x', 'comune', 'LC', '097042', [], [null], {}, { id: 1 }, [['q', 1]], 'é'.repeat(300)]);
  const bases = [admissible(), ...caseFiles().slice(0, 10).map((f) => readToml(f).answers ?? {})];
  let thrown = 0;
  for (let n = 0; n < 2000; n++) {
    const answers = structuredClone(pick(bases));
    // Damage one to three places, at any depth.
    for (let k = 1 + Math.floor(next() * 3); k > 0; k--) {
      let node = answers;
      for (;;) {
        const keys = node && typeof node === 'object' ? Object.keys(node) : [];
        if (!keys.length || next() < 0.35) break;
        const key = pick(keys);
        if (next() < 0.5 || typeof node[key] !== 'object' || node[key] === null) {
          node[key] = next() < 0.1 ? undefined : odd();
          break;
        }
        node = node[key];
      }
      if (next() < 0.05) answers[pick(['memberz', 'lead', 'x'])] = odd();
    }
    const text = next() < 0.1 ? JSON.stringify(answers).slice(0, Math.floor(next() * 200)) : JSON.stringify(answers);
    for (const f of [rules.assess, rules.matches]) {
      try {
        JSON.parse(f(pick(['2016', '2017']), text, NOW));
      } catch (e) {
        thrown++;
        assert.ok(!(e instanceof WebAssembly.RuntimeError), `a trap on ${text}`);
        assert.ok(e instanceof Error);
        assert.match(e.message, /^answers(\.[a-z_]+|\[\d+\])*: /, `${e.message} (on ${text})`);
      }
    }
  }
  assert.ok(thrown > 500 && thrown < 3500, `${thrown} of 4000 threw: the damage should be a mix`);
});
