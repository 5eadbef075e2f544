/**
 * What reading an X12 file learned about its envelopes and its syntax: the 834 reader fills it as
 * it streams, and the 999 writer acknowledges from it. The codes are the 999's own code lists
 * (docs/x12-834.md lists the ones the reader reports).
 */

/** One element in error: the 999's IK4. */
export interface X12ElementError {
  /** The element's position in its segment (1 = the first after the id), and its component in a composite. */
  position: number;
  component?: number;
  /** The X12 data element reference number (e.g. 1251 for a DTP date). */
  dataElement: number;
  /** IK403: `7` invalid code value, `8` invalid date, `1` required element missing, … */
  code: string;
  /** IK404, only for code values: dates and names are not copied into a file sent back. */
  badValue?: string;
}

/** One segment in error: the 999's IK3 with its IK4s. */
export interface X12SegmentError {
  segmentId: string;
  /** The segment's position in its transaction set, ST = 1. */
  position: number;
  /** IK303: the loop the segment belongs (or belonged) to, e.g. `2000`, `2100A`. */
  loopId?: string;
  /** IK304: `8` has element errors, `3` required segment missing, `1` unrecognized, … */
  code: string;
  elements: X12ElementError[];
}

export interface X12TransactionSetFacts {
  /** ST01, ST02, ST03 as received. */
  setId: string;
  controlNumber: string;
  version: string;
  segmentErrors: X12SegmentError[];
  /** IK502–IK506 besides `5` (segments in error): `2` trailer missing, `3` control numbers differ, `4` segment count wrong. */
  setErrors: string[];
}

export interface X12GroupFacts {
  /** GS01, GS06, GS08 as received. */
  functionalId: string;
  controlNumber: string;
  version: string;
  /** GE01 as received; null when the GE is missing. */
  declaredSets: number | null;
  sets: X12TransactionSetFacts[];
  /** AK905–AK909: `3` trailer missing, `4` control numbers differ, `5` set count wrong. */
  groupErrors: string[];
}

/** An envelope error at the interchange level, which a 999 cannot carry (a TA1 would): shown to the user instead. */
export interface X12InterchangeError {
  /** The TA1 note code: `001` ISA13 and IEA02 differ, `021` IEA01 wrong, `023` file ends early, `024` invalid content, … */
  note: string;
  message: string;
}

export interface X12FileFacts {
  /** ISA05–ISA08 and ISA13, ISA15 as received; null until a valid ISA was read. */
  interchange: { senderQualifier: string; senderId: string; receiverQualifier: string; receiverId: string; controlNumber: string; usage: string } | null;
  groups: X12GroupFacts[];
  interchangeErrors: X12InterchangeError[];
}

/** True when the file has no envelope or syntax error at any level. */
export function x12FileAccepted(facts: X12FileFacts): boolean {
  return (
    facts.interchange !== null &&
    facts.interchangeErrors.length === 0 &&
    facts.groups.every((group) => group.groupErrors.length === 0 && group.sets.every((set) => set.setErrors.length === 0 && set.segmentErrors.length === 0))
  );
}
