import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { geSegment, gsSegment, ieaSegment, isaSegment, seSegment } from '@shared/x12/envelope';
import type { ImportRow } from '../import-row';
import { x12FileAccepted } from '../x12-file-facts';
import { headerSegments, memberLoopWriter } from '../writers/x12-834-segments';
import { rosterContext, rosterFamily } from '../../../test-support/roster-records';
import { read834 } from './x12-834-reader';

const fixture = (name: string) => fileURLToPath(new URL(`../../../test-support/x12/${name}`, import.meta.url));

async function readAll(input: NodeJS.ReadableStream | AsyncIterable<string | Uint8Array>) {
  const read = read834(input);
  const rows: ImportRow[] = [];
  for await (const row of read) rows.push(row);
  return { rows, facts: read.facts };
}

/** A fixture's text, edited, as a stream in small pieces so segments straddle chunks. */
async function edited(name: string, edit: (text: string) => string) {
  const text = edit(await readFile(fixture(name), 'utf8'));
  return readAll(Readable.from(text.match(/[\s\S]{1,7}/g) ?? []));
}

const summary = (rows: ImportRow[]) => rows.map((row) => `${row.location.number} ${row.action} ${row.relationship} ${row.familyKey}`);

describe('X12 834 reader', () => {
  it.each([
    ['834_deident_new_enroll.txt', ['6 add subscriber M000001']],
    // The pyx12 family sample gives each dependent an identifier of its own in REF*0F, so they do not share the family key.
    ['834_deident_family.txt', ['5 add subscriber M000002', '15 add spouse M000003', '20 add child M000004']],
    ['834_deident_term.txt', ['5 terminate subscriber M000010', '16 terminate subscriber M000011']],
    ['834_ls_le_ls.txt', ['6 change subscriber REF OF']],
    ['example-834-add-family.x12', ['9 add subscriber 100000001', '21 add spouse 100000001', '29 add child 100000001']],
    ['example-834-terminations.x12', ['6 terminate subscriber 100000002', '14 terminate spouse 100000002', '20 terminate child 100000003']],
    ['example-834-change-address-idcard.x12', ['6 change subscriber 100000001', '16 change child 100000001']],
  ])('reads %s: its members, actions and families, and accepts its envelopes', async (name, expected) => {
    const { rows, facts } = await readAll(createReadStream(fixture(name)));
    expect(summary(rows)).toEqual(expected);
    expect(rows.flatMap((row) => row.problems)).toEqual([]);
    expect(x12FileAccepted(facts)).toBe(true);
  });

  it('reads a new family with the names, SSNs, address, contacts, dates and coverage the file gives', async () => {
    const { rows } = await readAll(createReadStream(fixture('example-834-add-family.x12')));
    expect(rows[0]).toEqual({
      location: { kind: 'segment', number: 9 },
      action: 'add',
      familyKey: '100000001',
      memberId: '100000001',
      relationship: 'subscriber',
      firstName: 'ALEX',
      middleName: 'J',
      lastName: 'SAMPLE',
      suffix: null,
      dateOfBirth: '1985-03-12',
      gender: 'M',
      ssn: '987654320',
      address: { line1: '100 MAIN ST', line2: 'APT 4', city: 'SPRINGFIELD', state: 'IL', zip: '62701' },
      phone: '(555) 555-0100',
      email: 'ALEX.SAMPLE@EXAMPLE.COM',
      hireDate: '2025-01-06',
      employmentStatus: 'FT',
      planCode: 'PPO GOLD 500',
      tier: 'FAM',
      effectiveDate: '2025-02-01',
      terminationDate: null,
      reason: null,
      problems: [],
    });
    expect(rows.slice(1).map((row) => [row.firstName, row.ssn, row.memberId, row.dateOfBirth, row.address])).toEqual([
      ['JORDAN', '987654321', null, '1987-07-21', null],
      ['RILEY', '987654322', null, '2015-09-05', null],
    ]);
  });

  it('takes the termination reason from INS04 and the end date from the coverage', async () => {
    const { rows } = await readAll(createReadStream(fixture('example-834-terminations.x12')));
    expect(rows.map((row) => [row.reason, row.terminationDate])).toEqual([
      ['termination_of_employment', '2025-03-31'],
      ['loss_of_dependent_status', '2025-03-31'],
      ['loss_of_dependent_status', '2025-03-31'],
    ]);
  });

  it('reads the corrected name (NM1*74), not the prior one (NM1*70)', async () => {
    const { rows } = await readAll(createReadStream(fixture('example-834-change-address-idcard.x12')));
    expect(rows.map((row) => [row.firstName, row.dateOfBirth, row.address?.line1 ?? null])).toEqual([
      ['ALEX', null, '742 EVERGREEN TER'],
      ['RILEY', '2015-09-15', null],
    ]);
  });

  it('rejects the messy sample: its INS06 Medicare code is padded with spaces', async () => {
    const { rows, facts } = await readAll(createReadStream(fixture('example834_5010.txt')));
    expect(rows.map((row) => row.problems)).toEqual([['Segment 6 (INS06): the Medicare plan code "C   " is not a code of the 834 guide']]);
    expect(facts.groups[0]?.sets[0]?.segmentErrors).toEqual([{ segmentId: 'INS', position: 6, loopId: '2000', code: '8', elements: [{ position: 6, component: 1, dataElement: 1218, code: '7', badValue: 'C   ' }] }]);
    expect(x12FileAccepted(facts)).toBe(false);
  });

  it('names a bad date and a missing name by segment, for the row and for the 999', async () => {
    const { rows, facts } = await edited('example-834-add-family.x12', (text) => text.replace('DMG*D8*19870721*F*M~', 'DMG*D8*19870231*F*M~').replace('NM1*IL*1*SAMPLE*RILEY****34*987654322~\n', ''));
    expect(rows.map((row) => row.problems)).toEqual([
      [],
      ['Segment 26 (DMG02): the birth date is not a date (CCYYMMDD)'],
      ['Segment 29 (NM1): the member has no name (NM1*IL)'],
    ]);
    expect(rows[1]?.dateOfBirth).toBeNull();
    const set = facts.groups[0]?.sets[0];
    expect(set?.segmentErrors).toEqual([
      { segmentId: 'DMG', position: 26, loopId: '2100A', code: '8', elements: [{ position: 2, dataElement: 1251, code: '8' }] },
      { segmentId: 'NM1', position: 36, loopId: '2100A', code: '3', elements: [] },
    ]);
    // The SE still says 37 segments; one was taken out.
    expect(set?.setErrors).toEqual(['4']);
  });

  it('reports envelope errors: SE count, control numbers, a missing trailer', async () => {
    const mismatched = await edited('example-834-add-family.x12', (text) => text.replace('SE*37*0001~', 'SE*37*0002~').replace('GE*1*101~', 'GE*2*102~').replace('IEA*1*000000101~', 'IEA*1*000000999~'));
    expect(mismatched.facts.groups[0]?.sets[0]?.setErrors).toEqual(['3']);
    expect(mismatched.facts.groups[0]?.groupErrors).toEqual(['5', '4']);
    expect(mismatched.facts.interchangeErrors).toEqual([{ note: '001', message: 'The interchange control numbers of the ISA (ISA13) and the IEA (IEA02) differ' }]);
    expect(mismatched.rows).toHaveLength(3);

    const cut = await edited('example-834-add-family.x12', (text) => text.slice(0, text.indexOf('SE*37')));
    expect(cut.rows).toHaveLength(3);
    expect(cut.facts.groups[0]?.sets[0]?.setErrors).toEqual(['2']);
    expect(cut.facts.groups[0]?.groupErrors).toEqual(['3']);
    expect(cut.facts.interchangeErrors.map((e) => e.note)).toEqual(['023']);
  });

  it('flags codes outside the guide with IK4 7, and codes the app does not cover as problems only', async () => {
    const { rows, facts } = await edited('example-834-add-family.x12', (text) => text.replace('INS*N*01*021*28*A~', 'INS*N*99*021*28*A~').replace('INS*N*19*021*28*A~', 'INS*N*03*021*28*A~'));
    expect(rows.slice(1).map((row) => row.problems)).toEqual([
      ['Segment 21 (INS02): the relationship "99" is not a code of the 834 guide'],
      ['Segment 29 (INS02): relationship code 03 is not one the plan covers (employee, spouse, partner or child)'],
    ]);
    expect(facts.groups[0]?.sets[0]?.segmentErrors).toEqual([{ segmentId: 'INS', position: 21, loopId: '2000', code: '8', elements: [{ position: 2, dataElement: 1069, code: '7', badValue: '99' }] }]);
  });

  it('refuses a file that is not X12, with no rows', async () => {
    const { rows, facts } = await readAll(Readable.from(['Member ID,First name\n', '100000001,Alex\n'.repeat(20)]));
    expect(rows).toEqual([]);
    expect(facts.interchange).toBeNull();
    expect(facts.interchangeErrors).toEqual([{ note: '024', message: 'The file does not start with an ISA segment: it is not an X12 file' }]);
  });

  it('streams a large file: rows arrive while the source is still being read', async () => {
    const families = 17_000;
    let produced = 0;
    const firstRowAt: number[] = [];
    /** An 834 of 51,000 members, made on the fly in pieces of about 16 KB; never whole in memory. */
    function* large(): Generator<string> {
      const envelope = { date: '2026-12-07', time: '0215', controlNumber: 7 };
      let piece = [
        isaSegment({ ...envelope, senderQualifier: 'ZZ', senderId: '4321', receiverQualifier: 'ZZ', receiverId: 'PLAN', usage: 'T' }),
        gsSegment({ ...envelope, functionalId: 'BE', senderId: '4321', receiverId: 'PLAN', version: '005010X220A1' }),
        ...headerSegments(rosterContext, { receiverId: 'PLAN', payerName: 'Plan', payerTaxId: '990000002', usage: 'T' }, '0001', envelope),
      ].join('\n');
      let count = 6;
      const memberSegments = memberLoopWriter('4321');
      for (let i = 0; i < families; i++) {
        const segments = rosterFamily(String(300_000_000 + i)).flatMap(memberSegments);
        count += segments.length;
        piece += '\n' + segments.join('\n');
        if (piece.length > 16_384) {
          produced += 1;
          yield piece;
          piece = '';
        }
      }
      produced += 1;
      yield `${piece}\n${seSegment(count + 1, '0001')}\n${geSegment(1, 7)}\n${ieaSegment(1, 7)}\n`;
    }
    const read = read834(Readable.from(large()));
    let rows = 0;
    for await (const row of read) {
      if (rows === 0) firstRowAt.push(produced);
      rows += 1;
      if (row.problems.length > 0) throw new Error(row.problems.join('; '));
    }
    expect(rows).toBe(families * 3);
    expect(x12FileAccepted(read.facts)).toBe(true);
    // The first row came while at most a few dozen of the file's ~740 pieces (12 MB) had been made.
    expect(produced).toBeGreaterThan(700);
    expect(firstRowAt[0]).toBeLessThan(40);
  });
});
