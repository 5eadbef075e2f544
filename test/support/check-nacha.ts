import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runs check_nacha.py, the structural checker every ACH file the plan writes must pass (94-character
 * records, check digits, counts, entry hash, totals, blocking), on a file. A machine without python3
 * is a broken test machine, not a reason to skip the check: that throws, saying so.
 */
const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'check_nacha.py');

export function checkNacha(file: string): { ok: boolean; output: string } {
  const run = spawnSync('python3', [script, file], { encoding: 'utf8' });
  if (run.error !== undefined) {
    const missing = (run.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(missing ? 'python3 is not installed: the NACHA structural check (test/support/check_nacha.py) needs it; .ci/run installs it' : `check_nacha.py did not run: ${run.error.message}`);
  }
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}
