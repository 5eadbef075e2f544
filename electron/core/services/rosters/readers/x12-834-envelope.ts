import type { ImportRow } from '../import-row';
import type { X12FileFacts, X12GroupFacts, X12TransactionSetFacts } from '../x12-file-facts';
import { codeLists834, segments834 } from './x12-834-codes';
import { Member834 } from './x12-834-member';
import type { X12Delimiters } from './x12-segment-splitter';
import { fromD8, X12SyntaxLog } from './x12-syntax-log';

interface OpenSet {
  facts: X12TransactionSetFacts;
  log: X12SyntaxLog;
  /** Segments so far, ST included: the next segment's position is count + 1. */
  count: number;
  /** Whether the body is read as an 834 (ST01 = 834). */
  enrollment: boolean;
  /** The header segments seen before the first INS: BGN, N1*P5, N1*IN. */
  header: Set<string>;
  membersStarted: boolean;
  member: Member834 | null;
}

/**
 * The envelope walk of an 834 interchange, segment by segment: ISA/IEA, GS/GE and ST/SE with their
 * counts and control numbers, the 834 header's required segments, and each member handed to a
 * Member834. Facts go into the X12FileFacts; finished members come back as rows.
 */
export class X12Envelope834 {
  private group: X12GroupFacts | null = null;
  private set: OpenSet | null = null;
  private interchangeEnded = false;
  private strayReported = false;

  constructor(private readonly facts: X12FileFacts) {}

  /** The next segment; returns the row of a member it closed, if any. */
  take(elements: string[], delimiters: X12Delimiters): ImportRow[] {
    const id = elements[0];
    if (this.interchangeEnded) {
      this.stray('Segments follow the IEA: a file holds one interchange');
      return [];
    }
    switch (id) {
      case 'ISA':
        this.interchangeHeader(elements);
        return [];
      case 'GS':
        this.closeGroup();
        this.openGroup(elements);
        return [];
      case 'ST':
        return this.openSet(elements);
      case 'SE':
        return this.setTrailer(elements);
      case 'GE':
        return this.groupTrailer(elements);
      case 'IEA':
        return this.interchangeTrailer(elements);
      default:
        return this.body(elements, delimiters);
    }
  }

  /** The input ended: whatever is still open lacks its trailer. */
  end(): ImportRow[] {
    const rows = this.closeGroup();
    if (this.facts.interchange === null) this.facts.interchangeErrors.push({ note: '024', message: 'The file holds no interchange' });
    else if (!this.interchangeEnded) this.facts.interchangeErrors.push({ note: '023', message: 'The file ends before its IEA segment' });
    return rows;
  }

  private interchangeHeader(elements: string[]): void {
    if (this.facts.interchange !== null) return this.stray('A second ISA: a file holds one interchange');
    const [, , , , , senderQualifier = '', senderId = '', receiverQualifier = '', receiverId = '', date = '', time = '', , version = '', control = '', , usage = ''] = elements;
    this.facts.interchange = { senderQualifier, senderId: senderId.trim(), receiverQualifier, receiverId: receiverId.trim(), controlNumber: control, usage };
    const checks: [boolean, string, string][] = [
      [/^\d{6}$/.test(date) && fromD8(`20${date}`) !== null, '014', 'The ISA date (ISA09) is not a YYMMDD date'],
      [/^([01]\d|2[0-3])[0-5]\d$/.test(time), '015', 'The ISA time (ISA10) is not HHMM'],
      [version === '00501', '017', `The interchange is version ${version}, not 00501 (5010)`],
      [/^\d{9}$/.test(control), '018', 'The interchange control number (ISA13) is not nine digits'],
      [['P', 'T', 'I'].includes(usage), '020', 'The usage indicator (ISA15) is not P, T or I'],
    ];
    for (const [ok, note, message] of checks) if (!ok) this.facts.interchangeErrors.push({ note, message });
  }

  private openGroup(elements: string[]): void {
    const [, functionalId = '', , , , , controlNumber = '', , version = ''] = elements;
    this.group = { functionalId, controlNumber, version, declaredSets: null, sets: [], groupErrors: [] };
    this.facts.groups.push(this.group);
    // AK905 `1`: a group of another kind than enrollments; `2`: another version than 5010's 834 guide.
    if (functionalId !== 'BE') this.group.groupErrors.push('1');
    else if (!version.startsWith('005010X220')) this.group.groupErrors.push('2');
  }

  private openSet(elements: string[]): ImportRow[] {
    const rows = this.closeSet();
    if (this.group === null) {
      this.stray('A transaction set (ST) outside a functional group (GS)');
      return rows;
    }
    const [, setId = '', controlNumber = '', version = ''] = elements;
    const facts: X12TransactionSetFacts = { setId, controlNumber, version, segmentErrors: [], setErrors: [] };
    this.group.sets.push(facts);
    const log = new X12SyntaxLog();
    facts.segmentErrors = log.errors;
    // IK502 `1`: a set this reader does not read (not an 834).
    if (setId !== '834') facts.setErrors.push('1');
    this.set = { facts, log, count: 1, enrollment: setId === '834', header: new Set(), membersStarted: false, member: null };
    return rows;
  }

  private setTrailer(elements: string[]): ImportRow[] {
    const set = this.set;
    if (set === null) {
      this.stray('A transaction set trailer (SE) without its ST');
      return [];
    }
    set.count += 1;
    const [, count = '', controlNumber = ''] = elements;
    if (count !== String(set.count)) set.facts.setErrors.push('4');
    if (controlNumber !== set.facts.controlNumber) set.facts.setErrors.push('3');
    const rows = this.finishMember(set, set.count);
    if (set.enrollment && !set.membersStarted) set.log.segment('INS', set.count, '2000', '3');
    this.set = null;
    return rows;
  }

  private groupTrailer(elements: string[]): ImportRow[] {
    const rows = this.closeSet();
    const group = this.group;
    if (group === null) {
      this.stray('A functional group trailer (GE) without its GS');
      return rows;
    }
    const [, count = '', controlNumber = ''] = elements;
    group.declaredSets = /^\d+$/.test(count) ? Number(count) : null;
    if (group.declaredSets !== group.sets.length) group.groupErrors.push('5');
    if (controlNumber !== group.controlNumber) group.groupErrors.push('4');
    this.group = null;
    return rows;
  }

  private interchangeTrailer(elements: string[]): ImportRow[] {
    const rows = this.closeGroup();
    const [, count = '', controlNumber = ''] = elements;
    if (count !== String(this.facts.groups.length)) this.facts.interchangeErrors.push({ note: '021', message: `The IEA counts ${count} functional groups; the file holds ${this.facts.groups.length}` });
    if (this.facts.interchange !== null && controlNumber !== this.facts.interchange.controlNumber) {
      this.facts.interchangeErrors.push({ note: '001', message: 'The interchange control numbers of the ISA (ISA13) and the IEA (IEA02) differ' });
    }
    this.interchangeEnded = true;
    return rows;
  }

  /** A segment of a transaction set's body. */
  private body(elements: string[], delimiters: X12Delimiters): ImportRow[] {
    const set = this.set;
    if (set === null) {
      this.stray(`A segment (${elements[0] ?? ''}) outside a transaction set`);
      return [];
    }
    set.count += 1;
    if (!set.enrollment) return [];
    const id = elements[0] ?? '';
    const position = set.count;
    if (!segments834.has(id)) {
      set.log.segment(id.slice(0, 3), position, set.membersStarted ? '2000' : 'HEADER', '1');
      set.member?.note(position, id, 'this is not a segment of an 834');
      return [];
    }
    if (id === 'INS') {
      const rows = this.finishMember(set, position);
      if (!set.membersStarted) this.checkHeader(set, position);
      set.membersStarted = true;
      set.member = new Member834(elements, position, set.log, delimiters.component);
      return rows;
    }
    if (set.member !== null) set.member.take(elements, position);
    else if (!set.membersStarted) this.header(set, elements, position);
    return [];
  }

  private header(set: OpenSet, elements: string[], position: number): void {
    const [id, first = ''] = elements;
    if (id === 'BGN') {
      set.header.add('BGN');
      const [, , , created = '', , , , , action = ''] = elements;
      if (fromD8(created) === null) set.log.element('BGN', position, 'HEADER', { position: 3, dataElement: 373, code: '8' });
      if (!codeLists834.bgn08.has(action)) set.log.element('BGN', position, 'HEADER', { position: 8, dataElement: 306, code: action === '' ? '1' : '7', badValue: action || undefined });
    }
    if (id === 'N1' && (first === 'P5' || first === 'IN')) set.header.add(`N1*${first}`);
  }

  /** The header's required segments, checked where the first member starts. */
  private checkHeader(set: OpenSet, position: number): void {
    const required: [string, string, string][] = [
      ['BGN', 'BGN', 'HEADER'],
      ['N1*P5', 'N1', '1000A'],
      ['N1*IN', 'N1', '1000B'],
    ];
    for (const [key, segmentId, loopId] of required) if (!set.header.has(key)) set.log.segment(segmentId, position, loopId, '3');
  }

  private finishMember(set: OpenSet, endPosition: number): ImportRow[] {
    const member = set.member;
    set.member = null;
    return member === null ? [] : [member.finish(endPosition)];
  }

  /** Closes a set that never got its SE (IK502 `2`). */
  private closeSet(): ImportRow[] {
    const set = this.set;
    if (set === null) return [];
    set.facts.setErrors.push('2');
    this.set = null;
    return this.finishMember(set, set.count + 1);
  }

  /** Closes a group that never got its GE (AK905 `3`). */
  private closeGroup(): ImportRow[] {
    const rows = this.closeSet();
    if (this.group !== null) {
      this.group.groupErrors.push('3');
      this.group = null;
    }
    return rows;
  }

  /** Content where the envelopes do not allow it; reported once, as the rest usually follows from it. */
  private stray(message: string): void {
    if (this.strayReported) return;
    this.strayReported = true;
    this.facts.interchangeErrors.push({ note: '024', message });
  }
}
