// Build data/kb/people/world-table.json from scripts/kb/people-table.txt: office holders of whole classes
// (heads of state and government, foreign, defence and interior ministers) written one term per line, so a
// reviewer reads a country's succession top to bottom.
//
//   node scripts/kb/build-people-table.mjs [--kb=data/kb] [--table=scripts/kb/people-table.txt]
//
// Line: ISO3|office|Name|start|end|gender|aliases (;)|title|surname   (fields after `end` optional); an office of
//   an international organisation is written office@org ('secretary_general@org/un'): the role's country is IGO.
//   `@source <text>` sets the source of the lines after it; `#` starts a comment.
// Several lines with one name (and country) are one person with several roles. A person the other
// hand-written files already hold is not written again (those files are authoritative): the build lists
// them so their roles can be added there. Rerun scripts/kb/people-from-countryinfo.ts afterwards: the
// 2011 table then leaves out the people named here (their whole career is written here).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const KB = process.argv.find((a) => a.startsWith('--kb='))?.slice(5) ?? join(ROOT, 'data', 'kb');
const TABLE = process.argv.find((a) => a.startsWith('--table='))?.slice(8) ?? join(ROOT, 'scripts', 'kb', 'people-table.txt');
const OUT = 'world-table.json';
const GENERATED = new Set([OUT, 'countryinfo-2011.json']);

const TITLES = {
  president: 'President', prime_minister: 'Prime Minister', chancellor: 'Chancellor', vice_president: 'Vice President',
  head_of_state: 'Head of State', head_of_government: 'Head of Government', foreign_minister: 'Foreign Minister',
  defence_minister: 'Defence Minister', interior_minister: 'Interior Minister', finance_minister: 'Finance Minister',
  monarch: 'King', speaker_of_parliament: 'Speaker of Parliament', army_chief: 'Army Chief',
  chief_of_general_staff: 'Chief of the General Staff', governor: 'Governor', military_commander: 'Commander',
  insurgent_leader: 'Rebel Leader', party_leader: 'Party Leader', opposition_leader: 'Opposition Leader',
  deputy_prime_minister: 'Deputy Prime Minister',
};
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const norm = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
// letters NFD does not split ("Sigurðardóttir", "Đukanović") are spelled out for the id
const FOLD = { 'ð': 'd', 'đ': 'd', 'þ': 'th', 'ł': 'l', 'ø': 'o', 'æ': 'ae', 'œ': 'oe', 'ß': 'ss', 'ı': 'i' };
const slug = (s) => norm(s.replace(/['’]/g, '')).replace(/[ðđþłøæœßı]/g, (c) => FOLD[c]).replace(/[^a-z0-9 ]/g, '').replace(/ +/g, '-');

const states = new Set(JSON.parse(readFileSync(join(KB, 'states.json'), 'utf8')).map((s) => s.id));
const orgIds = new Set(JSON.parse(readFileSync(join(KB, 'organizations.json'), 'utf8')).map((o) => o.id));
const offices = new Set(JSON.parse(readFileSync(join(KB, 'offices.json'), 'utf8')).map((o) => o.id));
const hand = new Map();
for (const f of readdirSync(join(KB, 'people')).filter((f) => f.endsWith('.json') && !GENERATED.has(f))) {
  for (const p of JSON.parse(readFileSync(join(KB, 'people', f), 'utf8'))) {
    for (const n of [p.name, ...(p.aliases ?? [])]) hand.set(`${p.country}|${norm(n)}`, `${p.id} (${f})`);
    hand.set(`id|${p.id}`, `${p.id} (${f})`);
  }
}

let source = null;
const people = new Map();
const skipped = new Map();
const errors = [];
readFileSync(TABLE, 'utf8').split('\n').forEach((raw, i) => {
  const line = raw.replace(/\s+#.*$/, '').replace(/^#.*$/, '').trim();
  if (!line) return;
  const where = `people-table.txt:${i + 1}`;
  if (line.startsWith('@source ')) { source = line.slice(8).trim(); return; }
  const [cc, officeAt, name, start, end, gender, aliases, title, surname] = line.split('|').map((x) => x?.trim() ?? '');
  const [office, org] = officeAt.split('@');
  if (org && !orgIds.has(org)) return errors.push(`${where}: unknown organisation ${org}`);
  if (!source) return errors.push(`${where}: no @source line before the first entry`);
  if (!states.has(cc)) return errors.push(`${where}: unknown state ${cc}`);
  if (!offices.has(office)) return errors.push(`${where}: unknown office ${office}`);
  if (!name) return errors.push(`${where}: no name`);
  for (const d of [start, end]) if (d && d !== '-' && !DATE.test(d)) return errors.push(`${where}: bad date ${d}`);
  if (gender && !['m', 'f'].includes(gender)) return errors.push(`${where}: gender must be m or f`);
  const key = `${cc}|${norm(name)}`;
  if (hand.has(key) || hand.has(`id|person/${slug(name)}`)) {
    skipped.set(key, [...(skipped.get(key) ?? []), `${office} ${start}..${end || 'open'} → already ${hand.get(key) ?? hand.get(`id|person/${slug(name)}`)}`]);
    return;
  }
  let p = people.get(key);
  if (!p) {
    p = { id: `person/${slug(name)}`, name, country: cc, roles: [], sources: [source] };
    if ([...people.values()].some((q) => q.id === p.id)) p.id = `${p.id}-${cc.toLowerCase()}`;
    people.set(key, p);
  }
  if (gender) p.gender = gender;
  if (aliases) p.aliases = [...new Set([...(p.aliases ?? []), ...aliases.split(';').map((a) => a.trim()).filter(Boolean)])];
  if (surname) p.surname = surname;
  if (!p.sources.includes(source)) p.sources.push(source);
  const t = title || TITLES[office];
  p.roles.push({ office, country: org ? 'IGO' : cc, ...(org ? { org } : {}), start: start && start !== '-' ? start : null, end: end && end !== '-' ? end : null, ...(t ? { title: t } : {}) });
});
if (errors.length) { console.error(errors.join('\n')); process.exit(1); }
for (const [k, why] of skipped) console.log(`skipped ${k}: ${why.join('; ')}`);
// as in people-from-countryinfo.ts: a last name that is also a given name of two KB people ("Tillman
// Thomas") names the person only in full
{
  const given = new Map();
  const all = [...people.values()];
  for (const f of readdirSync(join(KB, 'people')).filter((f) => f.endsWith('.json') && f !== OUT)) all.push(...JSON.parse(readFileSync(join(KB, 'people', f), 'utf8')));
  for (const p of all) { const w = p.name.split(/\s+/); if (w.length > 1) given.set(norm(w[0]), (given.get(norm(w[0])) ?? 0) + 1); }
  for (const p of people.values()) if (!p.surname && (given.get(norm(p.name.split(/\s+/).pop())) ?? 0) >= 2) p.surname = p.name;
}
const out = [...people.values()].map((p) => {
  // key order as in the hand-written files
  const { id, name, aliases, gender, country, surname, roles, sources } = p;
  return { id, name, ...(aliases ? { aliases } : {}), ...(gender ? { gender } : {}), country, ...(surname ? { surname } : {}), roles, sources };
}).sort((a, b) => a.country.localeCompare(b.country) || a.id.localeCompare(b.id));
writeFileSync(join(KB, 'people', OUT), '[\n' + out.map((p) => JSON.stringify(p)).join(',\n') + '\n]\n');
console.log(`${out.length} people, ${out.reduce((n, p) => n + p.roles.length, 0)} roles → ${join(KB, 'people', OUT)} (${skipped.size} already hand-written, skipped)`);
