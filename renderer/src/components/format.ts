import type { MemberStatus } from '@shared/contract/schemas/member';

// Calendar dates are plan dates, not instants: format them in UTC so no time zone shifts a birthday.
const dateFormat = new Intl.DateTimeFormat('en-US', { month: '2-digit', day: '2-digit', year: 'numeric', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dayTimeFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const numberFormat = new Intl.NumberFormat('en-US');

/** `1984-03-07` → `03/07/1984`, the form US enrollment forms and ID cards use. */
export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return iso;
  return dateFormat.format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant as local time; today's as `07:12`, older ones with the day. */
export function formatInstant(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  return at.toDateString() === now.toDateString() ? timeFormat.format(at) : dayTimeFormat.format(at);
}

export const formatCount = (n: number) => numberFormat.format(n);

export const plural = (n: number, one: string, many: string) => `${n === 0 ? 'No' : formatCount(n)} ${n === 1 ? one : many}`;

export const statusLabels: Record<MemberStatus, string> = { active: 'Active', pending: 'Pending', terminated: 'Terminated' };

export const fullName = (m: { firstName: string; lastName: string }) => `${m.lastName}, ${m.firstName}`;

const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2026-03` → `Mar 2026`. */
export function formatMonth(yearMonth: string): string {
  const [y, m] = yearMonth.split('-').map(Number);
  if (y === undefined || m === undefined) return yearMonth;
  return monthFormat.format(new Date(Date.UTC(y, m - 1, 1)));
}
