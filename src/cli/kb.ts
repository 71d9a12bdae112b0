// `entente kb lookup <text>` and `entente kb check`: what the knowledge base makes of a name or a
// description at a date, and whether data/kb validates.
import type { Command } from 'commander';
import { loadKB, lookup } from '../actors/index.js';
import { defaultKbDir } from '../actors/kb.js';
import { DataError } from '../errors.js';
import { usageError } from './common.js';
import { isCalendarDate } from '../server/args.js';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function register(program: Command): void {
  const kbCmd = program.command('kb').description('query and check the knowledge base (data/kb)');
  kbCmd
    .command('lookup')
    .description('resolve a name or description ("Angela Merkel", "Russian defence minister") at a date; prints null when nothing fits')
    .argument('<text...>', 'the name or description')
    .option('--date <YYYY-MM-DD>', 'the date to resolve at (default: the latest the KB knows)')
    .option('-f, --format <format>', 'table | json', 'json')
    .option('--kb <dir>', 'knowledge-base directory (default: the package\'s data/kb)')
    .action((words: string[], flags: { date?: string; format: string; kb?: string }) => {
      if (flags.date !== undefined && !ISO_DATE.test(flags.date)) return usageError('kb lookup', `--date "${flags.date}": expected YYYY-MM-DD, e.g. --date 2020-01-01`);
      if (flags.date !== undefined && !isCalendarDate(flags.date)) return usageError('kb lookup', `--date "${flags.date}": no such day`);
      if (!['table', 'json'].includes(flags.format)) return usageError('kb lookup', `--format "${flags.format}": expected table or json`);
      const kb = loadOrFail(flags.kb);
      if (!kb) return;
      const e = lookup(kb, words.join(' '), flags.date ?? null);
      if (flags.format === 'json') process.stdout.write(JSON.stringify(e, null, 2) + '\n');
      else if (!e) process.stdout.write('no match\n');
      else {
        const rows: [string, string][] = [['name', e.name], ['id', e.id], ['kind', e.kind], ['country', e.country_code ?? '-'], ['sector', e.sector ?? '-'], ['code', e.code], ['office', e.office ?? '-']];
        process.stdout.write(rows.map(([k, v]) => `${k.padEnd(8)} ${v}`).join('\n') + '\n');
      }
      if (!e) process.exitCode = 1;
    });
  kbCmd
    .command('check')
    .description('validate every knowledge-base file and print counts')
    .option('--kb <dir>', 'knowledge-base directory (default: the package\'s data/kb)')
    .action((flags: { kb?: string }) => {
      const kb = loadOrFail(flags.kb);
      if (!kb) return;
      process.stdout.write(`knowledge base ${kb.dir}: OK\n` + Object.entries(kb.counts).map(([k, v]) => `  ${k.padEnd(14)} ${v}`).join('\n') + '\n');
    });
}

function loadOrFail(dir?: string) {
  try {
    return loadKB(dir ?? defaultKbDir());
  } catch (e) {
    if (e instanceof DataError) {
      process.stderr.write(`entente kb: ${e.message}\n`);
      process.exitCode = 1;
      return null;
    }
    throw e;
  }
}
