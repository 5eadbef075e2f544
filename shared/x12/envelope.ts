/**
 * The pieces every X12 file this project writes shares (820 remittances from the plan service, 834
 * rosters and 999 acknowledgments from the desktop app): the separators, the segment and its text
 * elements, and the interchange, group and transaction-set envelopes with their control numbers.
 * Pure text: no I/O, so both the server and the core's worker import it.
 */

export const x12Separators = { element: '*', component: ':', repetition: '^', segment: '~' } as const;

/**
 * Free text as an AN element: accents folded, upper case (receivers match names in capitals), the
 * separators and anything outside printable ASCII turned into spaces, since a separator inside data
 * would split the element.
 */
export function x12Text(value: string): string {
  return x12Plain(value.toUpperCase());
}

/**
 * Latin letters that are not a base letter plus accents, so decomposing them leaves them whole: their
 * usual ASCII spelling (Jørgensen as JORGENSEN, Strauß as STRAUSS), not a space inside the name.
 */
const latinLetters: Record<string, string> = { ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ß: 'ss', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH', ı: 'i' };

/** Printable ASCII but the separators: text the folding below would leave as it is, but for spaces. */
const plainAscii = /^[\x20-\x29\x2B-\x39\x3B-\x5D\x5F-\x7D]*$/;

/** As x12Text but keeping the case, for values whose case matters (an e-mail address). */
export function x12Plain(value: string): string {
  // Most names and addresses need no folding: a roster's 834 holds millions of elements, and
  // decomposing each costs more than the rest of its segment.
  if (plainAscii.test(value) && !value.includes('  ')) return value.trim();
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øØæÆœŒßłŁđĐðÐþÞı]/g, (letter) => latinLetters[letter] ?? letter)
    .replace(/[^\x20-\x7E]|[*~:^]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** `YYYY-MM-DD` as X12's CCYYMMDD (type DT). */
export const x12Date = (isoDate: string): string => isoDate.replaceAll('-', '');

/** One segment and its terminator; an undefined element is written empty. */
export function x12Segment(id: string, ...elements: (string | undefined)[]): string {
  // Trailing empty elements are dropped, as X12 requires.
  let last = elements.length - 1;
  while (last >= 0 && (elements[last] ?? '') === '') last -= 1;
  // Concatenated in one pass: an 834 of a large group builds millions of segments, and copying the
  // elements into arrays to join them cost as much as the rest of each member's loop.
  let segment = id;
  for (let index = 0; index <= last; index += 1) segment += x12Separators.element + (elements[index] ?? '');
  return segment + x12Separators.segment;
}

export interface InterchangeHeader {
  /** ISA05/ISA07: `ZZ` mutually defined, `30` federal tax id, `01` DUNS, … */
  senderQualifier: string;
  senderId: string;
  receiverQualifier: string;
  receiverId: string;
  /** `YYYY-MM-DD`; ISA09 keeps its last six digits. */
  date: string;
  /** HHMM. */
  time: string;
  /** ISA13 = IEA02, 1 to 999 999 999. */
  controlNumber: number;
  usage: 'P' | 'T';
}

/** The one fixed-width segment (106 characters): every element padded to its size, so readers find the separators at fixed offsets. */
export function isaSegment(header: InterchangeHeader): string {
  return x12Segment(
    'ISA',
    '00',
    ' '.repeat(10),
    '00',
    ' '.repeat(10),
    header.senderQualifier,
    header.senderId.toUpperCase().padEnd(15, ' '),
    header.receiverQualifier,
    header.receiverId.toUpperCase().padEnd(15, ' '),
    x12Date(header.date).slice(2),
    header.time,
    x12Separators.repetition,
    '00501',
    interchangeControlNumber(header.controlNumber),
    '0',
    header.usage,
    x12Separators.component,
  );
}

/** ISA13/IEA02: nine digits, zero-padded. */
export const interchangeControlNumber = (controlNumber: number): string => String(controlNumber).padStart(9, '0');

export interface GroupHeader {
  /** GS01: `BE` enrollment, `RA` remittance, `FA` acknowledgment. */
  functionalId: string;
  senderId: string;
  receiverId: string;
  date: string;
  time: string;
  /** GS06 = GE02. */
  controlNumber: number;
  /** GS08: the implementation guide, e.g. `005010X220A1`. */
  version: string;
}

export function gsSegment(group: GroupHeader): string {
  return x12Segment('GS', group.functionalId, group.senderId, group.receiverId, x12Date(group.date), group.time, String(group.controlNumber), 'X', group.version);
}

export const geSegment = (transactionSets: number, controlNumber: number): string => x12Segment('GE', String(transactionSets), String(controlNumber));

export const ieaSegment = (groups: number, controlNumber: number): string => x12Segment('IEA', String(groups), interchangeControlNumber(controlNumber));

/** ST02/SE02 of the n-th set in a group: four digits at least, as the guides' examples. */
export const transactionSetControlNumber = (ordinal: number): string => String(ordinal).padStart(4, '0');

export const stSegment = (setId: string, controlNumber: string, version: string): string => x12Segment('ST', setId, controlNumber, version);

/** SE01 counts every segment of the set, ST and SE included. */
export const seSegment = (segmentCount: number, controlNumber: string): string => x12Segment('SE', String(segmentCount), controlNumber);

/**
 * A control number (ISA13, GS06) from the instant a file is made: the seconds since the epoch, kept
 * to nine digits. Files made in different seconds get different numbers (the sequence wraps after
 * about 31 years), and the same instant always gives the same number, so a file is reproducible
 * under a fixed clock.
 */
export function controlNumberAt(instant: string): number {
  const millis = Date.parse(instant);
  if (Number.isNaN(millis)) throw new RangeError('Not an instant');
  return (Math.floor(millis / 1000) % 999_999_999) + 1;
}

/** An instant's UTC day and HHMM, as ISA09/ISA10, GS04/GS05 and BGN03/BGN04 carry them. */
export function utcDateTime(instant: string): { date: string; time: string } {
  const iso = new Date(Date.parse(instant)).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 13) + iso.slice(14, 16) };
}
