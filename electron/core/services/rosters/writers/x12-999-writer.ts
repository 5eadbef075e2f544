import {
  controlNumberAt,
  geSegment,
  gsSegment,
  ieaSegment,
  isaSegment,
  seSegment,
  stSegment,
  transactionSetControlNumber,
  utcDateTime,
  x12Plain,
  x12Segment,
  x12Separators,
} from '@shared/x12/envelope';
import type { X12ElementError, X12FileFacts, X12GroupFacts, X12TransactionSetFacts } from '../x12-file-facts';

const implementationGuide999 = '005010X231A1';
/** IK502–IK506 and AK905–AK909: at most five codes each. */
const maxCodes = 5;

/**
 * The 005010X231A1 999 implementation acknowledgment of a read 834: back to its sender, one 999
 * transaction set per functional group received, each set accepted (`IK5*A`) or rejected
 * (`IK5*R` with its IK3 segment and IK4 element errors), and the group's verdict in AK9. Pure: the
 * control number, date and time come from `createdAt`, so the same facts at the same instant give
 * the same text. Null when there is nothing a 999 can acknowledge (no readable ISA or GS): the
 * interchange errors then speak for the file.
 */
export function writeAcknowledgment999(facts: X12FileFacts, createdAt: string): string | null {
  const received = facts.interchange;
  if (received === null || facts.groups.length === 0) return null;
  const controlNumber = controlNumberAt(createdAt);
  const created = utcDateTime(createdAt);
  // The acknowledgment goes back: the 834's receiver sends it to the 834's sender.
  const senderId = received.receiverId;
  const receiverId = received.senderId;
  const envelope = { date: created.date, time: created.time, controlNumber };
  const lines = [
    isaSegment({ ...envelope, senderQualifier: received.receiverQualifier, senderId, receiverQualifier: received.senderQualifier, receiverId, usage: received.usage === 'P' ? 'P' : 'T' }),
    gsSegment({ ...envelope, functionalId: 'FA', senderId, receiverId, version: implementationGuide999 }),
  ];
  facts.groups.forEach((group, index) => lines.push(...acknowledgmentSet(group, transactionSetControlNumber(index + 1))));
  lines.push(geSegment(facts.groups.length, controlNumber), ieaSegment(1, controlNumber));
  return lines.join('\n') + '\n';
}

function acknowledgmentSet(group: X12GroupFacts, setControl: string): string[] {
  const body = [stSegment('999', setControl, implementationGuide999), x12Segment('AK1', group.functionalId, group.controlNumber, group.version)];
  let accepted = 0;
  for (const set of group.sets) {
    const errors = setErrorCodes(set);
    if (errors.length === 0) accepted += 1;
    body.push(x12Segment('AK2', set.setId, set.controlNumber, set.version));
    for (const error of set.segmentErrors) {
      body.push(x12Segment('IK3', error.segmentId, String(error.position), error.loopId, error.code));
      for (const element of error.elements) body.push(ik4(element));
    }
    body.push(x12Segment('IK5', errors.length === 0 ? 'A' : 'R', ...errors));
  }
  const received = group.sets.length;
  const verdict = group.groupErrors.length > 0 || accepted === 0 ? 'R' : accepted === received ? 'A' : 'P';
  body.push(x12Segment('AK9', verdict, String(group.declaredSets ?? received), String(received), String(accepted), ...unique(group.groupErrors)));
  body.push(seSegment(body.length + 1, setControl));
  return body;
}

/** IK502…: the set's own errors, then `5` when any segment is in error. */
function setErrorCodes(set: X12TransactionSetFacts): string[] {
  return unique(set.segmentErrors.length > 0 ? [...set.setErrors, '5'] : set.setErrors);
}

/** IK401 is the element's position, `position:component` inside a composite. */
function ik4(element: X12ElementError): string {
  const position = element.component === undefined ? String(element.position) : `${element.position}${x12Separators.component}${element.component}`;
  return x12Segment('IK4', position, String(element.dataElement), element.code, element.badValue === undefined ? undefined : x12Plain(element.badValue).slice(0, 99));
}

const unique = (codes: string[]): string[] => [...new Set(codes)].slice(0, maxCodes);
