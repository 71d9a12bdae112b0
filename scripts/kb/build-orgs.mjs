// Builds data/kb/organizations.json from scripts/kb/orgs-table.txt (facts: own knowledge, public
// record). Run: node scripts/kb/build-orgs.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OWN = 'own knowledge (public record), checked 2026-11';
const split = (s) => (s ? s.split(';').map((x) => x.trim()).filter(Boolean) : []);
const out = [];
for (const line of readFileSync(join(ROOT, 'scripts', 'kb', 'orgs-table.txt'), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [id, kind, name, aliases, country, sector, code, valid, extra] = line.split('|').map((x) => x.trim());
  const e = { id, kind, name, aliases: split(aliases), country: country === '-' ? null : country, sector: sector || null };
  if (code) e.code = code;
  if (valid) {
    const [start, end] = valid.split('..');
    e.valid = { start: start || null, end: end || null };
  }
  // a 9th column names the convention a coding follows (state media GOV), beside the facts' source
  e.sources = extra ? [OWN, extra] : [OWN];
  out.push(e);
}
writeFileSync(join(ROOT, 'data', 'kb', 'organizations.json'), JSON.stringify(out, null, 1) + '\n');
console.log(`data/kb/organizations.json: ${out.length} entries`);
