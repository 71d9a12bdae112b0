// CPU time of one thread, or from /proc/<pid>/stat of a whole process, read from Linux's /proc stat
// files (process.cpuUsage counts every thread of this process together): utime + stime, fields 14 and
// 15 of stat(5), in clock ticks of 10 ms, counted after the last ')' as the name may hold spaces.
import { readFileSync } from 'node:fs';

/** CPU milliseconds of the thread whose stat file is `path` (/proc/thread-self/stat, /proc/self/task/<tid>/stat). */
export function statCpuMs(path: string): number {
  const s = readFileSync(path, 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}
