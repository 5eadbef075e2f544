import type { CoverageTier } from '@shared/contract/schemas/group';
import { relationshipCode, subscriberIndicator } from '@shared/domain/relationships';
import { stSegment, x12Date, x12Plain, x12Segment, x12Text } from '@shared/x12/envelope';
import type { RosterFileContext, RosterRecord } from '../roster-record';

/**
 * The segments of a 005010X220A1 full-file audit (BGN08 `4`, INS03/HD01 `030`): the transaction
 * set's header and one 2000 loop per member. docs/x12-834.md explains every segment and what is
 * left out.
 */

export const implementationGuide834 = '005010X220A1';

/** Who the file is for; the receiver assigns these ids, so they come from the app's settings, not the roster. */
export interface X12834Partners {
  /** ISA08/GS03: the plan's interchange id (qualifier ZZ). */
  receiverId: string;
  /** N1*IN: the insurer's name and its federal tax id (N103 `FI`). */
  payerName: string;
  payerTaxId: string;
  usage: 'P' | 'T';
}

/** HD05 coverage level: the app's tiers are codes of the guide's list (element 1207) under the same names. */
export const coverageLevelCodes = { EMP: 'EMP', ESP: 'ESP', ECH: 'ECH', FAM: 'FAM' } as const satisfies Record<CoverageTier, string>;

/** The transaction set's header: ST, BGN, REF*38, DTP*007, N1*P5 (the group), N1*IN (the insurer). */
export function headerSegments(context: RosterFileContext, partners: X12834Partners, setControl: string, created: { date: string; time: string }): string[] {
  return [
    stSegment('834', setControl, implementationGuide834),
    // BGN05 `UT`: the creation time is the instant in UTC, whatever the user's zone.
    x12Segment('BGN', '00', bgnReference(context.groupNumber, created), x12Date(created.date), created.time, 'UT', '', '', '4'),
    x12Segment('REF', '38', x12Text(context.groupNumber)),
    x12Segment('DTP', '007', 'D8', x12Date(context.asOf)),
    // N103 `94`: the plan assigned the group its number; the app does not hold the employer's FEIN.
    x12Segment('N1', 'P5', cut(x12Text(context.groupName), 60), '94', x12Text(context.groupNumber)),
    x12Segment('N1', 'IN', cut(x12Text(partners.payerName), 60), 'FI', partners.payerTaxId),
  ];
}

/** BGN02: the group and the minute the file was made, so a reader can trace the file back to its export. */
const bgnReference = (groupNumber: string, created: { date: string; time: string }): string => `${x12Text(groupNumber)}-${x12Date(created.date)}${created.time}`;

/**
 * What writes one member's 2000 loop with its 2100A name and 2300 coverage, for one group's file.
 * The segments that repeat across members (REF*1L, INS per relationship and employment, HD per
 * plan and tier) are built once per file rather than once per member: a large group's 834 is two
 * million segments, and folding the same group number and plan code 250,000 times cost more than
 * the members' own names.
 */
export function memberLoopWriter(groupNumber: string): (record: RosterRecord) => string[] {
  const groupReference = x12Segment('REF', '1L', x12Text(groupNumber));
  const insSegments = new Map<string, string>();
  const hdSegments = new Map<string, string>();
  return (record) => {
    const subscriber = record.relationship === 'subscriber';
    const employment = subscriber ? (record.employmentStatus ?? undefined) : undefined;
    const insKey = `${record.relationship}*${employment ?? ''}`;
    let ins = insSegments.get(insKey);
    if (ins === undefined) {
      ins = x12Segment('INS', subscriberIndicator(record.relationship), relationshipCode(record.relationship), '030', 'XN', 'A', '', '', employment);
      insSegments.set(insKey, ins);
    }
    const hdKey = `${record.planCode}*${record.tier}`;
    let hd = hdSegments.get(hdKey);
    if (hd === undefined) {
      hd = x12Segment('HD', '030', '', 'HLT', cut(x12Text(record.planCode), 50), coverageLevelCodes[record.tier]);
      hdSegments.set(hdKey, hd);
    }
    const segments = [ins, x12Segment('REF', '0F', record.subscriberId), groupReference];
    if (subscriber && record.hireDate !== null) segments.push(x12Segment('DTP', '336', 'D8', x12Date(record.hireDate)));
    segments.push(
      // NM108 `ZZ`: the plan's member ID. The SSN (`34`) is left out: the replica keeps its last four only.
      x12Segment('NM1', 'IL', '1', cut(x12Text(record.lastName), 60), cut(x12Text(record.firstName), 35), cut(x12Text(record.middleName ?? ''), 25), '', cut(x12Text(record.suffix ?? ''), 10), 'ZZ', record.memberId),
    );
    const per = communications(record);
    if (per.length > 0) segments.push(x12Segment('PER', 'IP', '', ...per));
    const address = record.address;
    segments.push(
      x12Segment('N3', x12Text(address.line1), x12Text(address.line2 ?? '')),
      x12Segment('N4', x12Text(address.city), address.state, address.zip.replace('-', '')),
      x12Segment('DMG', 'D8', x12Date(record.dateOfBirth), record.gender),
      hd,
      x12Segment('DTP', '348', 'D8', x12Date(record.effectiveDate)),
    );
    if (record.terminationDate !== null) segments.push(x12Segment('DTP', '349', 'D8', x12Date(record.terminationDate)));
    return segments;
  };
}

/** PER03–PER06: the home phone (digits only) and the e-mail, whichever the member has. */
function communications(record: RosterRecord): string[] {
  const pairs: string[] = [];
  const digits = record.phone?.replace(/\D/g, '') ?? '';
  if (digits.length > 0) pairs.push('HP', digits);
  const email = x12Plain(record.email ?? '');
  if (email.length > 0) pairs.push('EM', email);
  return pairs;
}

const cut = (value: string, max: number): string => value.slice(0, max).trimEnd();
