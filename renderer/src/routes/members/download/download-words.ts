import { memberFieldLabels } from '@shared/domain/member-field-labels';
import { relationshipLabels } from '@shared/domain/relationships';
import type { RosterExportColumn, RosterExportFormat, RosterScope } from '@shared/contract/methods/rosters';
import type { Plan } from '@shared/contract/schemas/group';
import { memberStatuses } from '@shared/contract/schemas/member';
import type { RosterFilters } from '../../../state/roster-view-store';
import { statusLabels } from '../../../components/format';

/** The picker's words for each column: "Employee", not the 834's "Subscriber". */
export const columnLabels: Record<RosterExportColumn, string> = {
  ...memberFieldLabels,
  subscriberId: 'Employee’s member ID',
  relationship: 'Relationship',
  ssnLast4: 'SSN (last 4)',
  street: 'Street',
  planName: 'Plan name',
  tier: 'Coverage tier',
  status: 'Status',
  effectiveDate: 'Coverage start',
  terminationDate: 'Coverage end',
  monthlyPremium: 'Monthly premium',
};

export const formatWords: Record<RosterExportFormat, { label: string; detail: string }> = {
  csv: { label: 'CSV', detail: 'Plain text with commas, for any spreadsheet or payroll system.' },
  xlsx: { label: 'Excel', detail: 'An Excel workbook with a header row and one member per row.' },
  pdf: { label: 'PDF', detail: 'A printable list, for reading or filing rather than editing.' },
  'x12-834': { label: 'X12 834', detail: 'The benefits enrollment file carriers and payroll systems exchange; it always carries every field the standard needs, whatever columns are chosen.' },
};

/** The roster's search and filters as the scope the core understands; an empty filter is left out. */
export function scopeOfView(query: string, filters: RosterFilters): Extract<RosterScope, { kind: 'filtered' }> {
  return {
    kind: 'filtered',
    ...(query ? { query } : {}),
    statuses: filters.statuses,
    ...(filters.planCodes.length ? { planCodes: filters.planCodes } : {}),
    ...(filters.relationships.length ? { relationships: filters.relationships } : {}),
  };
}

/** The same scope in a sentence, so the user knows who "the current view" is without looking back. */
export function scopeInWords(query: string, filters: RosterFilters, plans: readonly Plan[]): string {
  const parts: string[] = [];
  if (query) parts.push(`matching “${query}”`);
  if (filters.statuses.length < memberStatuses.length) parts.push(`status ${orList(filters.statuses.map((s) => statusLabels[s]))}`);
  if (filters.planCodes.length) parts.push(`plan ${orList(filters.planCodes.map((code) => plans.find((p) => p.code === code)?.name ?? code))}`);
  if (filters.relationships.length) parts.push(`relationship ${orList(filters.relationships.map((r) => relationshipLabels[r]))}`);
  return parts.length ? `Members ${parts.join(', ')}` : 'Every member the roster shows (no search or filter)';
}

function orList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;
}
