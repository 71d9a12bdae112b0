/**
 * A whole-number setting from an environment variable: `fallback` when unset or empty, else the
 * number if it is an integer in [min, max]; otherwise a one-line error naming the variable, what to
 * give (`what`) and the default.
 */
export function envInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, what: string): number {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name}=${v}: give ${what} (or unset it for the default ${fallback})`);
  return n;
}
