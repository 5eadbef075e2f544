import { ContractFailure } from '@shared/contract';
import type { Address } from '@shared/contract/schemas/group';
import { isIsoDate } from '@shared/util/dates';
import type { ImportRow } from '../import-row';
import { actionFromWord, columnFromLabel, importColumns, relationshipFromWord, type ImportColumnKey } from '../import-columns';

/** A spreadsheet's cells by column, as text (empty cells absent). */
export type SheetCells = Partial<Record<ImportColumnKey, string>>;

const required: readonly ImportColumnKey[] = ['action', 'relationship', 'firstName', 'lastName'];

/**
 * Maps the header row to columns, position by position (null for a column the template does not
 * have, which is ignored). A file without the template's key columns is not a batch-enrollment
 * file: it is refused whole rather than reported line by line.
 */
export function headerColumns(labels: readonly string[]): (ImportColumnKey | null)[] {
  const columns = labels.map((label) => columnFromLabel(label));
  const missing = required.filter((key) => !columns.includes(key));
  if (missing.length > 0) {
    const names = missing.map((key) => importColumns.find((c) => c.key === key)?.label ?? key).join(', ');
    throw new ContractFailure('VALIDATION', `This file is not the batch enrollment template: its first row has no ${names} column. Download the template and fill it in.`, { fileId: 'Not the template' });
  }
  return columns;
}

/** One row's cells by column; null when every cell is empty (a blank line is not a member). */
export function cellsOf(columns: readonly (ImportColumnKey | null)[], values: readonly string[]): SheetCells | null {
  const cells: SheetCells = {};
  columns.forEach((key, i) => {
    const value = values[i]?.trim() ?? '';
    if (key !== null && value !== '') cells[key] = value;
  });
  return Object.keys(cells).length === 0 ? null : cells;
}

/**
 * Turns a spreadsheet row into the ImportRow every reader yields. Values that cannot mean anything
 * (a date that does not exist, an unknown relationship) become `problems`, which the check reports
 * as the row's refusal; whether a value is allowed at all is the rules' business, later.
 */
export function sheetRow(line: number, cells: SheetCells): ImportRow {
  const problems: string[] = [];
  const text = (key: ImportColumnKey): string | null => cells[key] ?? null;
  const date = (key: ImportColumnKey, label: string): string | null => {
    const value = text(key);
    if (value !== null && !isIsoDate(value)) problems.push(`${label} "${value}" is not a date in the form YYYY-MM-DD that exists.`);
    return value !== null && isIsoDate(value) ? value : null;
  };
  const oneOf = <T extends string>(key: ImportColumnKey, label: string, allowed: readonly T[]): T | null => {
    const value = text(key)?.toUpperCase() ?? null;
    if (value === null) return null;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${label} "${text(key) ?? ''}" is not one of ${allowed.join(', ')}.`);
    return null;
  };

  const actionText = text('action') ?? '';
  const action = actionFromWord(actionText);
  if (action === null) problems.push(actionText === '' ? 'Action is empty: write Add, Terminate, Change or Reinstate.' : `Action "${actionText}" is not Add, Terminate, Change or Reinstate.`);
  const relationshipText = text('relationship') ?? '';
  const relationship = relationshipFromWord(relationshipText);
  if (relationship === null) problems.push(relationshipText === '' ? 'Relationship is empty.' : `Relationship "${relationshipText}" is not one the plan knows (Employee, Spouse, Child, …).`);

  const memberId = text('memberId');
  const ssn = text('ssn');
  const line1 = text('line1');
  const city = text('city');
  const state = text('state')?.toUpperCase() ?? null;
  const zip = text('zip');
  const anyAddress = line1 !== null || city !== null || state !== null || zip !== null;
  const line2 = text('line2');
  return {
    location: { kind: 'line', number: line },
    action: action ?? 'add',
    // Rows of an enrolled family are tied by the employee's ID; a new family needs a key of its own.
    familyKey: text('familyKey') ?? memberId?.slice(0, 9) ?? `line ${line}`,
    memberId,
    relationship: relationship ?? 'subscriber',
    firstName: text('firstName') ?? '',
    middleName: text('middleName'),
    lastName: text('lastName') ?? '',
    suffix: text('suffix'),
    dateOfBirth: date('dateOfBirth', 'Date of birth'),
    gender: oneOf('gender', 'Gender', ['F', 'M', 'U'] as const),
    ssn,
    // As typed: the request schema checks the state and ZIP and says what is wrong with them.
    address: anyAddress ? ({ line1: line1 ?? '', ...(line2 === null ? {} : { line2 }), city: city ?? '', state: state ?? '', zip: zip ?? '' } as Address) : null,
    phone: text('phone'),
    email: text('email'),
    hireDate: date('hireDate', 'Hire date'),
    employmentStatus: oneOf('employmentStatus', 'Employment status', ['FT', 'PT'] as const),
    planCode: text('planCode')?.toUpperCase() ?? null,
    tier: null,
    effectiveDate: date('effectiveDate', 'Effective date'),
    terminationDate: date('terminationDate', 'Termination date'),
    reason: text('reason')?.toLowerCase() ?? null,
    problems,
  };
}
