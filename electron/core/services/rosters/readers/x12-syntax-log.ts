import { isIsoDate } from '@shared/util/dates';
import type { X12ElementError, X12SegmentError } from '../x12-file-facts';

/**
 * A transaction set's syntax errors as the 999 reports them: one IK3 per segment, its element
 * errors (IK4) gathered under it with IK304 `8`.
 */
export class X12SyntaxLog {
  readonly errors: X12SegmentError[] = [];

  /** An element of a segment is in error. */
  element(segmentId: string, position: number, loopId: string, error: X12ElementError): void {
    const last = this.errors.at(-1);
    if (last !== undefined && last.position === position && last.code === '8') last.elements.push(error);
    else this.errors.push({ segmentId, position, loopId, code: '8', elements: [error] });
  }

  /** A whole segment is in error: `3` required and missing (at the position where it was due), `1` unrecognized, … */
  segment(segmentId: string, position: number, loopId: string, code: string): void {
    this.errors.push({ segmentId, position, loopId, code, elements: [] });
  }
}

/** `CCYYMMDD` as `YYYY-MM-DD`, or null when it is not a day of the calendar. */
export function fromD8(value: string): string | null {
  if (!/^\d{8}$/.test(value)) return null;
  const iso = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  return isIsoDate(iso) ? iso : null;
}
