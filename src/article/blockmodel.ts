// A learned keep/drop decision over the body's blocks, on top of the rules (content.ts): a logistic
// regression over cheap page-structure features of each block the rules kept (position in the body
// and in its container, tag and class/id words of the block and its ancestors, length, link density,
// sentence shape, likeness to the headline/description, what precedes it). The weights are fitted by
// scripts/article/fit-blocks.ts on the NAEB gold (labels: a block is story text when most of its
// 4-grams are in the gold) and stored in data/article/block-model.json; class/id and word features
// enter the model only when they occur on several sites, so no one site's names are learned.
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawBlock } from './blocks.js';
import { isWhollyEmphasised } from './content.js';

export interface BlockModel {
  /** what the model was fitted on and how (written by the fitting script) */
  about?: string;
  bias: number;
  /** a block is dropped when its probability of being story text is below this */
  threshold: number;
  weights: Record<string, number>;
  /**
   * "The story has ended": a second regression giving each block the probability that it and every
   * block after it are not story text; the body is cut where the sum of (log-odds − margin) over the
   * blocks from there to the end is largest, when that sum is positive.
   */
  tail?: { bias: number; margin: number; weights: Record<string, number> } | null;
}

export interface BlockContext {
  title: string | null;
  description: string | null;
}

const WORD = /[\p{L}\p{N}]+/gu;
const words = (s: string): string[] => s.toLowerCase().match(WORD) ?? [];
/** class/id words: split on non-letters and camelCase humps, 3–20 letters */
export function attrWords(el: Element): string[] {
  const a = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (a.length < 4) return [];
  const out: string[] = [];
  for (const w of a.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[^A-Za-z]+/)) {
    const l = w.toLowerCase();
    if (l.length >= 3 && l.length <= 20 && !out.includes(l)) out.push(l);
  }
  return out;
}

const bucket = (x: number, edges: number[]) => {
  let i = 0;
  while (i < edges.length && x >= edges[i]!) i++;
  return i;
};

function depth(el: Element): number {
  let d = 0;
  for (let e: Element | null = el; e; e = e.parentElement) d++;
  return d;
}

/** The element a block sits in, one level up (a list or quote is its own element). */
const holder = (b: RawBlock) => b.el?.parentElement ?? null;

const MEDIA = /(?:^|[\s_-])(?:image|img|photo|picture|media|figure|video|gallery|embed)/i;
function mediaBefore(el: Element): boolean {
  const p = el.previousElementSibling;
  if (!p) return false;
  const t = p.localName;
  if (t === 'figure' || t === 'img' || t === 'picture' || t === 'iframe' || t === 'video') return true;
  if (MEDIA.test(p.getAttribute('class') ?? '')) return true;
  return (p.textContent ?? '').trim().length < 200 && !!p.querySelector('img, picture, iframe, video');
}

/**
 * Binary features of each block (names only; a feature's value is 1). Cheap: a few walks up the
 * ancestors of each block, no selector queries over the page.
 */
export function blockFeatures(blocks: RawBlock[], ctx: BlockContext): string[][] {
  const n = blocks.length;
  const lens = blocks.map((b) => b.text.length);
  const total = lens.reduce((a, b) => a + b, 0) || 1;
  // the main container: the holder with the most text
  const byHolder = new Map<Element, number>();
  for (const b of blocks) {
    const h = holder(b);
    if (h) byHolder.set(h, (byHolder.get(h) ?? 0) + b.text.length);
  }
  let main: Element | null = null;
  let best = -1;
  for (const [h, v] of byHolder) if (v > best) { best = v; main = h; }
  const mainDepth = main ? depth(main) : 0;
  // the story's own paragraph style: the tag+class signature holding the most text
  const sig = (el: Element) => `${el.localName}.${el.getAttribute('class') ?? ''}`;
  const bySig = new Map<string, number>();
  for (const b of blocks) if (b.el) bySig.set(sig(b.el), (bySig.get(sig(b.el)) ?? 0) + b.text.length);
  let mainSig = '';
  best = -1;
  for (const [k, v] of bySig) if (v > best) { best = v; mainSig = k; }
  // topic: how many blocks each content word occurs in (a teaser or promo is about something else)
  const blockWords = blocks.map((b) => new Set(words(b.text).filter((w) => w.length > 3)));
  const df = new Map<string, number>();
  for (const set of blockWords) for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
  const titleW = new Set(words(ctx.title ?? '').filter((w) => w.length > 3));
  const descW = new Set(words(ctx.description ?? '').filter((w) => w.length > 3));
  const isLong = (b: RawBlock) => b.type === 'paragraph' && b.text.length >= 80;
  const dataTables = new Map<Element, boolean>();
  const out: string[][] = [];
  let before = 0, lastLong = -1;
  for (let i = 0; i < n; i++) {
    const b = blocks[i]!;
    const f: string[] = [];
    const t = b.text;
    const len = t.length;
    const ws = words(t);
    f.push(`type:${b.type}${b.level ? b.level : ''}`);
    const lb = bucket(len, [20, 40, 80, 160, 320, 640, 1280]);
    f.push(`len:${lb}`);
    const relPos = bucket(i / Math.max(1, n - 1), [0.2, 0.4, 0.6, 0.8, 1]);
    f.push(`pos:${relPos}`);
    const fromEnd = Math.min(n - 1 - i, 3), fromStart = Math.min(i, 3);
    f.push(`end:${fromEnd}`, `start:${fromStart}`);
    const after = total - before - len;
    f.push(`before:${bucket(before / total, [0.1, 0.3, 0.5, 0.7, 0.9])}`, `after:${bucket(after / total, [0.02, 0.05, 0.1, 0.2, 0.4])}`);
    const sent = /[.!?]["”’')]?$/.test(t);
    f.push(sent ? 'sent' : /:$/.test(t) ? 'colon' : 'nosent');
    f.push(`end:${fromEnd}|len:${Math.min(lb, 4)}|${sent ? 's' : 'n'}`);
    if (/^[\p{Lu}\p{N}\W]+$/u.test(t) && /\p{Lu}/u.test(t)) f.push('caps');
    if (/^[\p{N}•·*#-]/u.test(t)) f.push('startnum');
    if (/https?:|www\.|@\w/.test(t)) f.push('url');
    if (/[©®]/.test(t)) f.push('copy');
    if (/[|»›]/.test(t)) f.push('pipe');
    if (/["“”]/.test(t)) f.push('quoted');
    if (/\b(?:you|your)\b/i.test(t)) f.push('you');
    const nl = (t.match(/\n/g) ?? []).length;
    f.push(`lines:${bucket(nl, [1, 3, 8])}`);
    let linked = 0;
    for (const l of b.links) linked += l.end - l.start;
    const ld = len ? linked / len : 0;
    f.push(`ld:${bucket(ld, [0.01, 0.2, 0.5, 0.8])}`);
    if (b.links.length && b.links[0]!.start === 0) f.push('startlink');
    f.push(`ld:${bucket(ld, [0.01, 0.5])}|end:${fromEnd}`);
    const dig = (t.match(/\p{N}/gu) ?? []).length;
    f.push(`dig:${bucket(len ? dig / len : 0, [0.02, 0.1, 0.25])}`);
    if (ws.length) {
      f.push(`w0:${ws[0]}`);
      if (ws.length > 1) f.push(`w01:${ws[0]}_${ws[1]}`);
      f.push(`wl:${ws[ws.length - 1]}`);
    }
    if (titleW.size) {
      let h = 0;
      for (const w of titleW) if (ws.includes(w)) h++;
      f.push(`title:${bucket(h / titleW.size, [0.3, 0.6, 0.9])}`);
    }
    if (descW.size) {
      let h = 0;
      for (const w of descW) if (ws.includes(w)) h++;
      f.push(`desc:${bucket(h / descW.size, [0.3, 0.6, 0.9])}`);
    }
    const bw = blockWords[i]!;
    if (bw.size) {
      let shared = 0;
      for (const w of bw) if (df.get(w)! > 1) shared++;
      f.push(`coh:${bucket(shared / bw.size, [0.2, 0.4, 0.6, 0.8])}`);
      f.push(`coh:${bucket(shared / bw.size, [0.3, 0.6])}|end:${fromEnd}`);
    }
    const gap = lastLong < 0 ? 9 : i - lastLong;
    f.push(`gap:${Math.min(gap, 4)}`);
    const prev = blocks[i - 1], next = blocks[i + 1];
    f.push(`prev:${prev ? `${prev.type}${prev.text.length < 80 ? 's' : 'l'}` : 'none'}`);
    f.push(`next:${next ? `${next.type}${next.text.length < 80 ? 's' : 'l'}` : 'none'}`);
    const el = b.el;
    if (!el) f.push('noel');
    else {
      f.push(`tag:${el.localName}`);
      const h = el.parentElement;
      const inMain = h === main;
      f.push(inMain ? 'inmain' : main && main.contains(el) ? 'undermain' : 'outmain');
      f.push(`${inMain ? 'in' : 'out'}|len:${Math.min(lb, 4)}|end:${fromEnd}`);
      f.push(`ddepth:${Math.max(-2, Math.min(3, depth(el) - mainDepth - 1))}`);
      if (prev?.el && h !== prev.el.parentElement) f.push(inMain ? 'newbox|in' : 'newbox|out');
      if (h) f.push(`ptag:${h.localName}`);
      f.push(sig(el) === mainSig ? 'mainsig' : 'othersig');
      if (mediaBefore(el)) f.push(before / total > 0.3 ? 'media|late' : 'media|early');
      if (isWhollyEmphasised(b)) f.push('emph');
      const tb = el.closest('table');
      if (tb && isDataTable(tb, dataTables)) f.push(IN_TABLE);
      for (const w of attrWords(el)) f.push(`c0:${w}`);
      let a = h, k = 1;
      // ancestors up to the main container's level (their words are what sets a box apart)
      while (a && k <= 3) {
        if (a === main) break;
        for (const w of attrWords(a)) f.push(`ca:${w}`);
        a = a.parentElement;
        k++;
      }
    }
    out.push([...new Set(f)]);
    before += len;
    if (isLong(b)) lastLong = i;
  }
  return out;
}

/** Log-odds of each block under a weight set. */
export function blockLogits(feats: string[][], m: { bias: number; weights: Record<string, number> }): number[] {
  return feats.map((fs) => {
    let z = m.bias;
    for (const f of fs) z += m.weights[f] ?? 0;
    return z;
  });
}
export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
/**
 * Table cells are never the model's to drop: the NAEB gold leaves data tables out but the L3S-GN1
 * gold keeps them (content.ts keeps them for the same reason), so what it learned there is one
 * gold's convention.
 */
export const IN_TABLE = 'intable';
/** A data table, not a layout one: no paragraphs, boxes, headings or tables inside it (2008 pages lay whole stories out in tables). */
function isDataTable(tb: Element, memo: Map<Element, boolean>): boolean {
  let v = memo.get(tb);
  if (v === undefined) memo.set(tb, (v = !tb.querySelector('p, div, table, h1, h2, h3, h4, h5, h6, ul, ol, blockquote')));
  return v;
}

export function blockScores(feats: string[][], m: { bias: number; weights: Record<string, number> }): number[] {
  return blockLogits(feats, m).map(sigmoid);
}

/** How many blocks stay before the tail cut (the blocks' count when no cut); never 0. */
export function tailCut(tailLogits: number[], margin: number): number {
  let k = tailLogits.length, sum = 0, best = 0;
  for (let i = tailLogits.length - 1; i >= 1; i--) {
    sum += tailLogits[i]! - margin;
    if (sum > best) { best = sum; k = i; }
  }
  return k;
}

/** Which blocks the model keeps: before the tail cut, and each likely enough story text. */
export function keepMask(feats: string[][], model: BlockModel): boolean[] {
  const s = blockScores(feats, model);
  const k = model.tail ? tailCut(blockLogits(feats, model.tail), model.tail.margin) : feats.length;
  return s.map((p, i) => i < k && (p >= model.threshold || feats[i]!.includes(IN_TABLE)));
}

/** The blocks the model keeps; never all of them dropped (the rules' output stands then). */
export function applyBlockModel(blocks: RawBlock[], feats: string[][], model: BlockModel): RawBlock[] {
  const keep = keepMask(feats, model);
  const kept = blocks.filter((_, i) => keep[i]);
  return kept.length ? kept : blocks;
}

let cached: BlockModel | null | undefined;
/** The committed model (data/article/block-model.json), or null when the file is absent. */
export function defaultBlockModel(): BlockModel | null {
  if (cached !== undefined) return cached;
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'article', 'block-model.json');
  cached = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BlockModel) : null;
  return cached;
}
