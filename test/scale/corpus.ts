// Generates a synthetic corpus of short, event-bearing articles for the scale tests
// (sample sentences written for entente; deterministic for a given n).
const STATES = [
  ['Russia', 'Russian', 'Moscow'], ['China', 'Chinese', 'Beijing'], ['Iran', 'Iranian', 'Tehran'], ['Pakistan', 'Pakistani', 'Islamabad'],
  ['Turkey', 'Turkish', 'Ankara'], ['India', 'Indian', 'New Delhi'], ['Kazakhstan', 'Kazakh', 'Astana'], ['France', 'French', 'Paris'],
  ['Germany', 'German', 'Berlin'], ['Japan', 'Japanese', 'Tokyo'], ['Egypt', 'Egyptian', 'Cairo'], ['Brazil', 'Brazilian', 'Brasilia'],
] as const;
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const TEMPLATES: Array<(a: readonly string[], b: readonly string[], d: string) => string> = [
  (a, b, d) => `${a[0]} and ${b[0]} signed a trade agreement on ${d}.`,
  (a, b, d) => `The ${a[1]} foreign minister met his ${b[1]} counterpart in ${b[2]} on ${d}.`,
  (a, b) => `${a[0]} accused ${b[0]} of violating the border agreement.`,
  (a, b) => `${a[0]} sent humanitarian aid to ${b[0]} after the floods.`,
  (a, b) => `${a[0]} condemned ${b[0]} over the arrest of its diplomats.`,
  (a, b, d) => `${a[0]} imposed new sanctions on ${b[0]} on ${d}, officials said.`,
  (a, b) => `${a[0]} called on ${b[0]} to release the detained journalists.`,
  (a, b) => `${a[0]} praised ${b[0]} for its role in the peace talks.`,
];

export interface SampleRecord { id: string; text: string; date: string }

export function syntheticCorpus(n: number): SampleRecord[] {
  const out: SampleRecord[] = [];
  for (let i = 0; i < n; i++) {
    const paras: string[] = [];
    const k = 3 + (i % 4);
    for (let j = 0; j < k; j++) {
      const a = STATES[(i * 7 + j * 3) % STATES.length]!;
      const b = STATES[(i * 5 + j * 11 + 1) % STATES.length]!;
      const t = TEMPLATES[(i + j * 5) % TEMPLATES.length]!;
      paras.push(t(a, a === b ? STATES[(i + 1) % STATES.length]! : b, DAYS[(i + j) % DAYS.length]!));
    }
    paras.push(`(Sample article ${i} written for entente's tests.)`);
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    out.push({ id: `sample-${i}`, text: paras.join('\n\n'), date: `2024-${month}-${day}` });
  }
  return out;
}
