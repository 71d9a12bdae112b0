// A sparse logistic regression fitted by AdaGrad SGD, shared by the two quote-model fitting scripts
// (fit-cues.ts: the cue model; fit-filter.ts: the attribution filter). Deterministic: the shuffle
// uses its own linear congruential generator seeded by the caller, so a script reproduces its
// committed data file byte for byte.

export interface SparseRow { f: string[]; y: number }
export interface SparseModel { w: Map<string, number>; b: number }
export interface FitOptions { epochs: number; lr: number; l2: number; minCount: number; seed: number }

export function fitSparseLogistic(train: SparseRow[], o: FitOptions): SparseModel {
  // features seen fewer than minCount times in the training rows get no weight
  const cnt = new Map<string, number>();
  for (const r of train) for (const x of r.f) cnt.set(x, (cnt.get(x) ?? 0) + 1);
  const w = new Map<string, number>(), g2 = new Map<string, number>();
  let b = 0, gb = 1;
  const order = train.map((_, k) => k);
  let seed = o.seed;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let ep = 0; ep < o.epochs; ep++) {
    for (let k = order.length - 1; k > 0; k--) { const j = Math.floor(rnd() * (k + 1)); [order[k], order[j]] = [order[j]!, order[k]!]; }
    for (const n of order) {
      const r = train[n]!;
      const fs = r.f.filter((x) => cnt.get(x)! >= o.minCount);
      let z = b;
      for (const x of fs) z += w.get(x) ?? 0;
      const e = 1 / (1 + Math.exp(-z)) - r.y;
      for (const x of fs) {
        const wx = w.get(x) ?? 0;
        const g = e + o.l2 * wx;
        const a = (g2.get(x) ?? 1) + g * g;
        g2.set(x, a);
        w.set(x, wx - o.lr * g / Math.sqrt(a));
      }
      gb += e * e;
      b -= o.lr * e / Math.sqrt(gb);
    }
  }
  return { w, b };
}

export function sparseProb(m: SparseModel, f: string[]): number {
  let z = m.b;
  for (const x of f) z += m.w.get(x) ?? 0;
  return 1 / (1 + Math.exp(-z));
}
