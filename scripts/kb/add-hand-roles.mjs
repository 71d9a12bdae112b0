// Adds roles to people the hand-written files hold (data/kb/people/*.json other than the generated ones),
// from scripts/kb/hand-roles.txt, so that a class added by the line (finance ministers, party leaders, MPs)
// also reaches the people the table build skips. Idempotent: a role already there (office, country, start)
// is left alone; the line's source is added to the person's sources.
//
//   node scripts/kb/add-hand-roles.mjs
//
// Line: person-id|office|country|start|end|title   (`@source <text>` sets the source of the lines after it)
// The files keep their layout (one entry per line).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIR = join(ROOT, 'data', 'kb', 'people');
const GENERATED = new Set(['world-table.json', 'countryinfo-2011.json']);

// the layout of the hand files: `, ` and `: ` between items, one entry per line
const fmt = (v) => Array.isArray(v) ? `[${v.map(fmt).join(', ')}]`
  : v && typeof v === 'object' ? `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${fmt(x)}`).join(', ')}}`
  : JSON.stringify(v);

const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && !GENERATED.has(f));
const data = new Map(files.map((f) => [f, JSON.parse(readFileSync(join(DIR, f), 'utf8'))]));
const where = new Map();
for (const [f, list] of data) for (const p of list) where.set(p.id, p);

let source = null, added = 0;
const errors = [];
readFileSync(join(ROOT, 'scripts', 'kb', 'hand-roles.txt'), 'utf8').split('\n').forEach((raw, i) => {
  const line = raw.replace(/^#.*$/, '').trim();
  if (!line) return;
  if (line.startsWith('@source ')) { source = line.slice(8).trim(); return; }
  const [id, office, country, start, end, title] = line.split('|').map((x) => x.trim());
  const p = where.get(id);
  if (!p) { errors.push(`hand-roles.txt:${i + 1}: no hand-written person "${id}"`); return; }
  if (!source) { errors.push(`hand-roles.txt:${i + 1}: no @source line above`); return; }
  if (p.roles.some((r) => r.office === office && r.country === country && r.start === start)) return;
  const role = { office, country, start: start || null, end: end || null };
  if (title) role.title = title;
  p.roles.push(role);
  if (!p.sources.includes(source)) p.sources.push(source);
  added++;
});
if (errors.length) { console.error(errors.join('\n')); process.exit(1); }
for (const [f, list] of data) writeFileSync(join(DIR, f), `[\n${list.map(fmt).join(',\n')}\n]\n`);
console.log(`${added} roles added to the hand-written people files`);
