import init, { calls, assess, matches } from './pkg/welfare_rules.js';

await init(); // fetches welfare_rules_bg.wasm from beside welfare_rules.js
const [edition] = JSON.parse(calls()); // [{ id: "2016", name: { it, en }, deadline, … }, …]
const answers = { lead: 1, territory: { provinces: ['LC'] }, needs: ['elderly'],
  members: [{ id: 1, name: 'Comune di Lecco', kind: 'comune', province: 'LC', letter_of_intent: true }] };
const verdict = JSON.parse(assess(edition.id, answers, '2016-04-01T10:00'));
const { partners } = JSON.parse(matches(edition.id, answers, '2016-04-01T10:00'));
document.querySelector('#out').textContent =
  `${edition.name.en}: ${verdict.headline.en} Ask ${partners[0].name}: ${partners[0].reasons[0].en}.`;
