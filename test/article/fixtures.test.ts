// Golden fixtures: test/article/fixtures/<slug>/{source.html, expected.json}. Each expected.json
// lists only what the case is about (fields to match exactly, text that must or must not be in the
// body), so a fixture stays readable and robust to unrelated changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../../src/article/index.js';
import type { Article } from '../../src/types.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

interface Expected {
  url: string | null;
  fields?: Partial<Record<keyof Article, unknown>>;
  bodyStartsWith?: string;
  bodyIncludes?: string[];
  bodyExcludes?: string[];
  bodyMaxLength?: number;
  minBlocks?: number;
  blockTypes?: string[];
  links?: { text: string; href: string }[];
}

export function checkInvariants(a: Article): void {
  for (const b of a.blocks) assert.equal(a.body.slice(b.start, b.end), b.text, `block offsets slice the body (${b.type})`);
  for (const l of a.links) if (l.start != null) assert.equal(a.body.slice(l.start, l.end), l.text, `link offsets slice the body (${l.text})`);
  assert.equal(a.body, a.blocks.map((b) => b.text).join('\n\n'), 'body = blocks joined by blank lines');
}

for (const slug of readdirSync(DIR).sort()) {
  test(`fixture ${slug}`, () => {
    const html = readFileSync(join(DIR, slug, 'source.html'), 'utf8');
    const exp = JSON.parse(readFileSync(join(DIR, slug, 'expected.json'), 'utf8')) as Expected;
    const a = extractArticle(html, exp.url);
    checkInvariants(a);
    for (const [k, v] of Object.entries(exp.fields ?? {})) assert.deepEqual(a[k as keyof Article], v, `field ${k}`);
    if (exp.bodyStartsWith) assert.ok(a.body.startsWith(exp.bodyStartsWith), `body starts with ${JSON.stringify(exp.bodyStartsWith)}; got ${JSON.stringify(a.body.slice(0, 120))}`);
    for (const s of exp.bodyIncludes ?? []) assert.ok(a.body.includes(s), `body includes ${JSON.stringify(s)}`);
    for (const s of exp.bodyExcludes ?? []) assert.ok(!a.body.includes(s), `body excludes ${JSON.stringify(s)}; body: ${JSON.stringify(a.body)}`);
    if (exp.bodyMaxLength != null) assert.ok(a.body.length <= exp.bodyMaxLength, `body at most ${exp.bodyMaxLength} chars; got ${a.body.length}`);
    if (exp.minBlocks != null) assert.ok(a.blocks.length >= exp.minBlocks, `at least ${exp.minBlocks} blocks; got ${a.blocks.length}`);
    for (const t of exp.blockTypes ?? []) assert.ok(a.blocks.some((b) => b.type === t), `has a ${t} block`);
    for (const l of exp.links ?? []) assert.ok(a.links.some((x) => x.text === l.text && x.href === l.href && x.start != null), `link ${l.text} → ${l.href}`);
  });
}
