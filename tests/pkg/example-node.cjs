const { calls, assess, matches } = require('welfare-rules'); // pkg/node

const [edition] = JSON.parse(calls()); // [{ id: "2016", name: { it, en }, deadline, … }, …]
const answers = { lead: 1, territory: { provinces: ['LC'] }, needs: ['elderly'],
  members: [{ id: 1, name: 'Comune di Lecco', kind: 'comune', province: 'LC', letter_of_intent: true }] };
const verdict = JSON.parse(assess(edition.id, answers, '2016-04-01T10:00'));
console.log(verdict.overall.kind, '·', verdict.headline.en);
const { partners } = JSON.parse(matches(edition.id, answers, '2016-04-01T10:00'));
for (const p of partners.slice(0, 3)) console.log(p.name, '·', p.reasons[0].en);
try { assess('2099', answers); } catch (e) { console.log(e.message); } // callId: no edition "2099" (…)
