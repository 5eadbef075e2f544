import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { checkNacha } from '../../../test/support/check-nacha';

/** Where a test's ACH files are written for the structural checker; removed after the file's tests. */
export function nachaChecker(): (name: string, text: string) => { ok: boolean; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ach-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name, text) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return checkNacha(file);
  };
}

/** A routing number with the given first eight digits and its check digit. */
export function routingFor(first8: string): string {
  const weights = [3, 7, 1, 3, 7, 1, 3, 7];
  const sum = [...first8].reduce((total, digit, i) => total + Number(digit) * (weights[i] ?? 0), 0);
  return first8 + String((10 - (sum % 10)) % 10);
}
