import { coverageTiers, type CoverageTier } from '@shared/contract/schemas/group';
import type { Relationship } from '@shared/contract/schemas/member';
import { memberIdForm } from '@shared/contract/schemas/primitives';
import { relationshipFromCode } from '@shared/domain/relationships';
import type { ImportRow } from '../import-row';
import { codeLists834 } from './x12-834-codes';
import { reasonFromIns04 } from './x12-834-reasons';
import { fromD8, type X12SyntaxLog } from './x12-syntax-log';

/** INS03 as the import's action. An audit (`030`) is a compare: a change the check finds no difference in when the roster agrees. */
const actions: Record<string, ImportRow['action']> = { '021': 'add', '024': 'terminate', '001': 'change', '025': 'reinstate', '030': 'change' };

/** Where in the member the reader is: the loop decides which segments describe the member (2100A) and which someone else. */
type Loop = '2000' | '2100A' | 'other person' | '2300' | 'other coverage';

/** The loop 2000 dates the reader takes: hire (336), eligibility begin (356) and end (357). */
const memberDates = new Set(['336', '356', '357']);

/**
 * One member's 2000 loop, from its INS to the next INS or the SE, as an import row. Element and
 * segment errors go to the set's syntax log (for the 999) and, in words, to the row's problems.
 */
export class Member834 {
  private loop: Loop = '2000';
  private readonly row: ImportRow;
  private readonly dates = new Map<string, string>();
  private subscriberId: string | null = null;
  private named = false;
  private coverage = false;
  private street: { line1: string; line2?: string } | null = null;
  private place: { city: string; state: string; zip: string } | null = null;
  /** INS04, the maintenance reason, read into the row's reason once the relationship is known. */
  private readonly ins04: string;

  constructor(
    ins: string[],
    private readonly position: number,
    private readonly log: X12SyntaxLog,
    componentSeparator: string,
  ) {
    const [, indicator = '', relationshipCode = '', maintenance = '', reason = '', benefitStatus = '', medicare = '', , employment = ''] = ins;
    this.ins04 = reason;
    this.row = {
      location: { kind: 'segment', number: position },
      action: actions[maintenance] ?? 'change',
      familyKey: '',
      memberId: null,
      relationship: 'subscriber',
      firstName: '',
      middleName: null,
      lastName: '',
      suffix: null,
      dateOfBirth: null,
      gender: null,
      ssn: null,
      address: null,
      phone: null,
      email: null,
      hireDate: null,
      employmentStatus: employment === 'FT' || employment === 'PT' ? employment : null,
      planCode: null,
      tier: null,
      effectiveDate: null,
      terminationDate: null,
      reason: null,
      problems: [],
    };
    this.code('INS', position, '2000', 1, 1073, codeLists834.ins01, indicator, 'the subscriber indicator');
    this.code('INS', position, '2000', 3, 875, codeLists834.ins03, maintenance, 'the maintenance type');
    this.code('INS', position, '2000', 5, 1216, codeLists834.ins05, benefitStatus, 'the benefit status');
    if (medicare !== '') this.code('INS', position, '2000', 6, 1218, codeLists834.ins0601, medicare.split(componentSeparator)[0] ?? '', 'the Medicare plan code', 1);
    if (employment !== '') this.code('INS', position, '2000', 8, 584, codeLists834.ins08, employment, 'the employment status');
    if (this.code('INS', position, '2000', 2, 1069, codeLists834.ins02, relationshipCode, 'the relationship')) {
      const relationship = relationshipFromCode(relationshipCode);
      if (relationship === null) this.note(position, 'INS02', `relationship code ${relationshipCode} is not one the plan covers (employee, spouse, partner or child)`);
      this.row.relationship = relationship ?? placeholderRelationship(indicator);
      if ((indicator === 'Y') !== (relationshipCode === '18')) this.note(position, 'INS01', 'the subscriber indicator is Y exactly when the relationship is 18 (self)');
    } else {
      this.row.relationship = placeholderRelationship(indicator);
    }
  }

  /** The next segment of the member's loops. */
  take(elements: string[], position: number): void {
    const [id, first = '', second = '', third = ''] = elements;
    switch (id) {
      case 'REF':
        if (this.loop === '2000' && first === '0F') this.subscriberId = second;
        return;
      case 'DTP':
        return this.date(elements, position);
      case 'NM1':
        // NM1*IL (or *74, a corrected name) is the member; every other NM1 names someone else (prior name, employer, parent, provider).
        if (this.loop === '2000' && (first === 'IL' || first === '74')) return this.name(elements, position);
        this.loop = this.loop === '2300' || this.loop === 'other coverage' ? 'other coverage' : 'other person';
        return;
      case 'PER':
        if (this.loop === '2100A') this.communications(elements);
        return;
      case 'N3':
        if (this.loop === '2100A') this.street = second === '' ? { line1: first } : { line1: first, line2: second };
        return;
      case 'N4':
        if (this.loop === '2100A') this.place = { city: first, state: second, zip: third };
        return;
      case 'DMG':
        if (this.loop === '2100A') this.demographics(elements, position);
        return;
      case 'HD':
        return this.healthCoverage(elements, position);
      case 'LX':
      case 'COB':
      case 'DSB':
      case 'LS':
        this.loop = this.loop === '2300' || this.loop === 'other coverage' ? 'other coverage' : 'other person';
        return;
    }
  }

  /** The row, once the next INS or the SE closed the loop at `endPosition`. */
  finish(endPosition: number): ImportRow {
    const row = this.row;
    if (this.subscriberId === null || this.subscriberId === '') {
      // Due right after the INS.
      this.log.segment('REF', this.position + 1, '2000', '3');
      this.note(this.position, 'REF*0F', 'the member has no subscriber identifier (REF*0F)');
    } else {
      row.familyKey = this.subscriberId;
    }
    if (!this.named) {
      this.log.segment('NM1', endPosition, '2100A', '3');
      this.note(this.position, 'NM1', 'the member has no name (NM1*IL)');
    }
    row.memberId ??= row.relationship === 'subscriber' && this.subscriberId !== null && memberIdForm.test(this.subscriberId) ? this.subscriberId : null;
    row.hireDate = this.dates.get('336') ?? null;
    // A change takes effect on its maintenance date (DTP*303), or today when the file gives none; the
    // coverage begin date it repeats is when coverage started, not when the change does. An add or a
    // reinstatement starts on its coverage dates (2300 DTP*348) or the eligibility dates (DTP*356).
    row.effectiveDate = row.action === 'change' ? (this.dates.get('303') ?? null) : (this.dates.get('348') ?? this.dates.get('356') ?? null);
    row.terminationDate = this.dates.get('349') ?? this.dates.get('357') ?? null;
    row.address = this.address();
    row.reason = this.ins04 === '' ? null : reasonFromIns04(row.action, this.ins04, row.relationship);
    return row;
  }

  private name(elements: string[], position: number): void {
    const [, , , last = '', first = '', middle = '', , suffix = '', qualifier = '', id = ''] = elements;
    this.loop = '2100A';
    this.named = true;
    Object.assign(this.row, { lastName: last, firstName: first, middleName: middle || null, suffix: suffix || null });
    if (last === '') this.note(position, 'NM103', 'the member has no last name');
    if (first === '') this.note(position, 'NM104', 'the member has no first name');
    // NM108 `34` carries the SSN, `ZZ` the plan's member ID.
    if (qualifier === '34') this.row.ssn = id;
    if (qualifier === 'ZZ') this.row.memberId = id;
  }

  private communications(elements: string[]): void {
    for (let i = 3; i + 1 < elements.length; i += 2) {
      const qualifier = elements[i] ?? '';
      const number = elements[i + 1] ?? '';
      if (qualifier === 'EM') this.row.email ??= number;
      else if (['HP', 'TE', 'CP', 'WP'].includes(qualifier)) this.row.phone ??= phone(number);
    }
  }

  private demographics(elements: string[], position: number): void {
    const [, format = '', birth = '', gender = ''] = elements;
    if (format === 'D8') this.row.dateOfBirth = this.d8('DMG', position, '2100A', 2, birth, 'the birth date');
    if (gender !== '' && this.code('DMG', position, '2100A', 3, 1068, codeLists834.dmg03, gender, 'the gender')) this.row.gender = gender as 'F' | 'M' | 'U';
  }

  private healthCoverage(elements: string[], position: number): void {
    if (this.coverage) {
      // One medical line is what the app enrolls; further lines (dental, vision) are someone else's business.
      this.loop = 'other coverage';
      return;
    }
    const [, maintenance = '', , line = '', plan = '', level = ''] = elements;
    this.loop = '2300';
    this.coverage = true;
    this.code('HD', position, '2300', 1, 875, codeLists834.hd01, maintenance, 'the coverage maintenance type');
    this.code('HD', position, '2300', 3, 1205, codeLists834.hd03, line, 'the insurance line');
    this.row.planCode = plan || null;
    // Only the app's four tiers are read; the check derives the tier from the family anyway.
    if (level !== '' && this.code('HD', position, '2300', 5, 1207, codeLists834.hd05, level, 'the coverage level')) this.row.tier = (coverageTiers as readonly string[]).includes(level) ? (level as CoverageTier) : null;
  }

  private date(elements: string[], position: number): void {
    const [, qualifier = '', format = '', value = ''] = elements;
    const coverage = this.loop === '2300';
    if (!(coverage ? qualifier === '348' || qualifier === '349' : this.loop === '2000' && memberDates.has(qualifier))) return;
    const loopId = coverage ? '2300' : '2000';
    if (format === 'D8') {
      const date = this.d8('DTP', position, loopId, 3, value, `the DTP*${qualifier} date`);
      if (date !== null) this.dates.set(qualifier, date);
    } else if (coverage && format === 'RD8') {
      // A range: the begin qualifier takes its first day, the end qualifier its last.
      const [from = '', to = ''] = value.split('-');
      const date = this.d8('DTP', position, loopId, 3, qualifier === '348' ? from : to, `the DTP*${qualifier} date range`);
      if (date !== null) this.dates.set(qualifier, date);
    } else {
      this.log.element('DTP', position, loopId, { position: 2, dataElement: 1250, code: '7', badValue: format });
      this.note(position, 'DTP02', `date format ${format} is not D8 (CCYYMMDD)`);
    }
  }

  private address(): ImportRow['address'] {
    if (this.street === null && this.place === null) return null;
    const zip = /^(\d{5})(\d{4})?$/.exec(this.place?.zip ?? '');
    if (this.street === null || this.place === null || zip === null || !/^[A-Z]{2}$/.test(this.place.state)) {
      this.note(this.position, 'N3/N4', 'the address needs a street (N3), a city, a two-letter state and a 5- or 9-digit ZIP (N4)');
      return null;
    }
    const [, five = '', four] = zip;
    return { ...this.street, city: this.place.city, state: this.place.state, zip: four === undefined ? five : `${five}-${four}` };
  }

  /** Checks a code against its list; logs an IK4 `7` and a problem when it is not there. */
  private code(segmentId: string, position: number, loopId: string, element: number, dataElement: number, codes: ReadonlySet<string>, value: string, what: string, component?: number): boolean {
    if (codes.has(value)) return true;
    const missing = value === '';
    this.log.element(segmentId, position, loopId, { position: element, component, dataElement, code: missing ? '1' : '7', badValue: missing ? undefined : value });
    this.note(position, `${segmentId}${String(element).padStart(2, '0')}`, missing ? `${what} is missing` : `${what} "${value}" is not a code of the 834 guide`);
    return false;
  }

  /** A CCYYMMDD date; logs an IK4 `8` (without the value: it may be a birth date) and a problem when it is not one. */
  private d8(segmentId: string, position: number, loopId: string, element: number, value: string, what: string): string | null {
    const date = fromD8(value);
    if (date === null) {
      this.log.element(segmentId, position, loopId, { position: element, dataElement: 1251, code: '8' });
      this.note(position, `${segmentId}${String(element).padStart(2, '0')}`, `${what} is not a date (CCYYMMDD)`);
    }
    return date;
  }

  /** A problem with the member, in words, at a segment of its loop. */
  note(position: number, where: string, what: string): void {
    this.row.problems.push(`Segment ${position} (${where}): ${what}`);
  }
}

/** A member whose relationship the app cannot take is refused for that; its row still needs one. */
const placeholderRelationship = (indicator: string): Relationship => (indicator === 'Y' ? 'subscriber' : 'child');

/** Ten digits as the app writes phones, `(217) 555-0123`; anything else as given. */
function phone(number: string): string {
  const digits = number.replace(/\D/g, '');
  const ten = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  return ten.length === 10 ? `(${ten.slice(0, 3)}) ${ten.slice(3, 6)}-${ten.slice(6)}` : number;
}
