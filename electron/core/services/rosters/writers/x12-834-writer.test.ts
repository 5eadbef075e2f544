import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Address } from '@shared/contract/schemas/group';
import type { ImportRow } from '../import-row';
import { read834 } from '../readers/x12-834-reader';
import { codeLists834 } from '../readers/x12-834-codes';
import type { RosterRecord } from '../roster-record';
import { x12FileAccepted } from '../x12-file-facts';
import { loneSubscriber, manyFamilies, rosterContext, rosterFamily } from '../../../test-support/roster-records';
import { x12834Writer, type X12834Partners } from './x12-834-writer';

const partners: X12834Partners = { receiverId: 'GROUPDESKPLAN', payerName: 'GroupDesk Health Plan', payerTaxId: '990000002', usage: 'T' };
const write834 = x12834Writer(partners);
const records = (): RosterRecord[] => [...rosterFamily('100000001'), loneSubscriber];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'x12-834-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeFile(input: Iterable<RosterRecord>, signal = new AbortController().signal, progress: (done: number, total: number | null) => void = () => undefined) {
  const target = path.join(dir, 'roster.834');
  const rows = await write834(input, target, ['memberId'], rosterContext, {}, signal, progress);
  return { rows, target, text: await readFile(target, 'utf8') };
}

const split = (text: string): string[][] =>
  text
    .split('~')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => s.split('*'));

/** The structure a 005010X220A1 reader checks, written out: envelope, counts, control numbers, loop order and code lists. */
function validate834(text: string): void {
  const isa = text.slice(0, 106);
  expect(isa).toHaveLength(106);
  expect([isa[3], isa[82], isa[104], isa[105]]).toEqual(['*', '^', ':', '~']);
  const segments = split(text);
  const ids = segments.map((s) => s[0]);
  const find = (id: string) => segments.find((s) => s[0] === id) ?? [];
  const [ISA, GS, ST, SE, GE, IEA] = ['ISA', 'GS', 'ST', 'SE', 'GE', 'IEA'].map(find);
  expect(ISA?.[13]).toBe(IEA?.[2]);
  expect(GS?.[6]).toBe(GE?.[2]);
  expect(ST?.[2]).toBe(SE?.[2]);
  expect([GS?.[1], GS?.[8], ST?.[1], ST?.[3]]).toEqual(['BE', '005010X220A1', '834', '005010X220A1']);
  expect([GE?.[1], IEA?.[1]]).toEqual(['1', '1']);
  const set = ids.slice(ids.indexOf('ST'), ids.indexOf('SE') + 1);
  expect(SE?.[1]).toBe(String(set.length));
  expect(ids.slice(0, 8).join(' ')).toBe('ISA GS ST BGN REF DTP N1 N1');
  expect(ids.slice(-3).join(' ')).toBe('SE GE IEA');

  // Every member: 2000 INS, REF*0F, REF*1L, DTP*336 (subscribers with a hire date), 2100A NM1, PER, N3, N4, DMG, then 2300 HD and its dates.
  // Faults are gathered and compared once: an expect per element would take seconds on a large file.
  const faults: string[] = [];
  const members = set.slice(set.indexOf('INS'), -1).join(' ').split(/ (?=INS)/);
  for (const loop of members) if (!/^INS REF REF( DTP)? NM1( PER)? N3 N4 DMG HD DTP( DTP)?$/.test(loop)) faults.push(`loop order: ${loop}`);
  segments.slice(1).forEach((segment, index) => {
    const [id, ...elements] = segment;
    const fault = (what: string) => faults.push(`segment ${index + 2} ${id ?? ''}: ${what}`);
    if (elements.some((element) => /[~^:]/.test(element))) fault('a separator inside an element');
    if (id === 'INS') {
      const [indicator = '', relationship = '', maintenance, reason, status, , , employment] = elements;
      if (!codeLists834.ins01.has(indicator) || !codeLists834.ins02.has(relationship)) fault('INS01/INS02 not in the guide');
      if ((indicator === 'Y') !== (relationship === '18')) fault('INS01 is Y exactly for INS02 18');
      if ([maintenance, reason, status].join() !== '030,XN,A') fault('not an audit');
      if (employment !== undefined && !codeLists834.ins08.has(employment)) fault('INS08 not in the guide');
    }
    if (id === 'HD' && [elements[0], elements[2], codeLists834.hd05.has(elements[4] ?? '')].join() !== '030,HLT,true') fault('HD codes');
    if (id === 'DMG' && !codeLists834.dmg03.has(elements[2] ?? '')) fault('DMG03 not in the guide');
    const names = elements.slice(2, 7).join('');
    if (id === 'NM1' && names !== names.toUpperCase()) fault('names not in capitals');
  });
  expect(faults).toEqual([]);
}

async function readRows(target: string) {
  const read = read834(createReadStream(target));
  const rows: ImportRow[] = [];
  for await (const row of read) rows.push(row);
  return { rows, facts: read.facts };
}

describe('X12 834 writer', () => {
  it('writes a full-file audit a 005010X220A1 reader accepts', async () => {
    const { rows, text, target } = await writeFile(records());
    expect(rows).toBe(4);
    validate834(text);
    const { facts } = await readRows(target);
    expect(x12FileAccepted(facts)).toBe(true);
  });

  it('names the interchange, the group and the insurer, dated from the context instant only', async () => {
    const { text } = await writeFile(records());
    const lines = text.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      'ISA*00*          *00*          *ZZ*4321           *ZZ*GROUPDESKPLAN  *261207*0215*^*00501*796609732*0*T*:~',
      'GS*BE*4321*GROUPDESKPLAN*20261207*0215*796609732*X*005010X220A1~',
      'ST*834*0001*005010X220A1~',
      'BGN*00*4321-202612070215*20261207*0215*UT***4~',
      'REF*38*4321~',
      'DTP*007*D8*20261201~',
      'N1*P5*FIXTURE FABRICATION, LLC*94*4321~',
      'N1*IN*GROUPDESK HEALTH PLAN*FI*990000002~',
    ]);
    expect(lines.slice(-4)).toEqual(['SE*46*0001~', 'GE*1*796609732~', 'IEA*1*796609732~', '']);
  });

  it('writes each member loop with the guide codes, the member ID in NM109 and no SSN', async () => {
    const { text } = await writeFile(records());
    const lines = text.split('\n');
    const subscriber = lines.indexOf('INS*Y*18*030*XN*A***FT~');
    expect(lines.slice(subscriber, subscriber + 12)).toEqual([
      'INS*Y*18*030*XN*A***FT~',
      'REF*0F*100000001~',
      'REF*1L*4321~',
      'DTP*336*D8*20240108~',
      "NM1*IL*1*O'BRIEN-SMITH*ZOE*ANNE**JR*ZZ*100000001~",
      'PER*IP**HP*9375550100*EM*zoe.obrien@example.com~',
      'N3*100 MAIN ST*APT 4~',
      'N4*DAYTON*OH*454021234~',
      'DMG*D8*19850312*F~',
      'HD*030**HLT*PPO-A*FAM~',
      'DTP*348*D8*20240201~',
      'INS*N*01*030*XN*A~',
    ]);
    const child = lines.indexOf('INS*N*19*030*XN*A~');
    expect(lines.slice(child + 3, child + 4)).toEqual(['NM1*IL*1*O\'BRIEN-SMITH*RILEY*K***ZZ*100000001-02~']);
    expect(lines.slice(child + 7, child + 10)).toEqual(['HD*030**HLT*PPO-A*FAM~', 'DTP*348*D8*20240201~', 'DTP*349*D8*20261130~']);
    expect(text).not.toContain('*34*');
    expect(text).toContain('INS*Y*18*030*XN*A***PT~');
  });

  it('reads back as the records it wrote, field by field', async () => {
    const input = records();
    const { target } = await writeFile(input);
    const { rows } = await readRows(target);
    // The writer's normalisation: names and addresses in capitals, accents folded.
    const upper = (value: string | null) => (value === null ? null : value.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase());
    const inCapitals = ({ line1, line2, city, state, zip }: Address) => ({ line1: upper(line1), ...(line2 === undefined ? {} : { line2: upper(line2) }), city: upper(city), state, zip });
    expect(rows).toEqual(
      input.map((record, index) => ({
        location: { kind: 'segment', number: rows[index]?.location.number },
        action: 'change',
        familyKey: record.subscriberId,
        memberId: record.memberId,
        relationship: record.relationship,
        firstName: upper(record.firstName),
        middleName: upper(record.middleName),
        lastName: upper(record.lastName),
        suffix: upper(record.suffix),
        dateOfBirth: record.dateOfBirth,
        gender: record.gender,
        ssn: null,
        address: inCapitals(record.address),
        phone: record.phone,
        email: record.email,
        hireDate: record.relationship === 'subscriber' ? record.hireDate : null,
        employmentStatus: record.relationship === 'subscriber' ? record.employmentStatus : null,
        planCode: record.planCode,
        tier: record.tier,
        // An audit's members are changes: their coverage begin is not when a change takes effect.
        effectiveDate: null,
        terminationDate: record.terminationDate,
        reason: null,
        problems: [],
      })),
    );
    expect(rows.map((row) => row.location.number)).toEqual([7, 18, 27, 37]);
  });

  it('writes the same bytes for the same roster at the same instant', async () => {
    const first = (await writeFile(records())).text;
    const second = (await writeFile(records())).text;
    expect(second).toBe(first);
  });

  it('streams a large roster in chunks, reporting progress, and counts every segment', async () => {
    const calls: [number, number | null][] = [];
    const { rows, text } = await writeFile(manyFamilies(5_000), undefined, (done, total) => calls.push([done, total]));
    expect(rows).toBe(15_000);
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.at(-1)).toEqual([15_000, 15_000]);
    expect(calls.slice(0, -1).every(([done, total], i) => total === null && done > (calls[i - 1]?.[0] ?? 0))).toBe(true);
    validate834(text);
  });

  it('stops when cancelled and leaves no partial file', async () => {
    const controller = new AbortController();
    const target = path.join(dir, 'roster.834');
    const cancelling = function* () {
      let n = 0;
      for (const record of manyFamilies(5_000)) {
        if (++n === 3_000) controller.abort(new Error('cancelled'));
        yield record;
      }
    };
    await expect(write834(cancelling(), target, [], rosterContext, {}, controller.signal, () => undefined)).rejects.toThrow('cancelled');
    await expect(stat(target)).rejects.toThrow(/ENOENT/);
  });

  it('fails, leaving nothing behind, when the file cannot be created', async () => {
    const target = path.join(dir, 'missing-folder', 'roster.834');
    await expect(write834(records(), target, [], rosterContext, {}, new AbortController().signal, () => undefined)).rejects.toThrow(/ENOENT/);
  });

  it('refuses partner ids a receiver would reject', () => {
    expect(() => x12834Writer({ ...partners, receiverId: 'plan*1' })).toThrow(RangeError);
    expect(() => x12834Writer({ ...partners, payerTaxId: '99-0000002' })).toThrow(RangeError);
  });

  it('refuses a roster without members, since an 834 needs one', async () => {
    const target = path.join(dir, 'roster.834');
    await expect(write834([], target, [], rosterContext, {}, new AbortController().signal, () => undefined)).rejects.toThrow('at least one member');
    await expect(stat(target)).rejects.toThrow(/ENOENT/);
  });
});
