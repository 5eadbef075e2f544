import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { read834 } from '../readers/x12-834-reader';
import type { X12FileFacts } from '../x12-file-facts';
import { writeAcknowledgment999 } from './x12-999-writer';

const fixture = (name: string) => fileURLToPath(new URL(`../../../test-support/x12/${name}`, import.meta.url));
const createdAt = '2026-12-07T02:20:00Z';

async function factsOf(name: string, edit: (text: string) => string = (text) => text): Promise<X12FileFacts> {
  const read = read834(Readable.from([edit(await readFile(fixture(name), 'utf8'))]));
  for await (const row of read) expect(row.location.kind).toBe('segment');
  return read.facts;
}

const segments = (text: string): string[] =>
  text
    .split('~')
    .map((s) => s.trim())
    .filter((s) => s !== '');
/** A 999's transaction sets without the envelopes, whose ids and dates differ from file to file. */
const body = (text: string): string[] => segments(text).filter((s) => !/^(ISA|GS|GE|IEA)\*/.test(s));

describe('X12 999 acknowledgment', () => {
  it('accepts a clean 834 in the shape of the samples received from other systems', async () => {
    const ack = writeAcknowledgment999(await factsOf('example-834-add-family.x12'), createdAt) ?? '';
    expect(segments(ack).slice(0, 2)).toEqual([
      'ISA*00*          *00*          *ZZ*HLTHPLAN01     *ZZ*ACMEGRP001     *261207*0220*^*00501*796610002*0*T*:',
      'GS*FA*HLTHPLAN01*ACMEGRP001*20261207*0220*796610002*X*005010X231A1',
    ]);
    expect(body(ack)).toEqual(['ST*999*0001*005010X231A1', 'AK1*BE*101*005010X220A1', 'AK2*834*0001*005010X220A1', 'IK5*A', 'AK9*A*1*1*1', 'SE*6*0001']);
    expect(segments(ack).slice(-2)).toEqual(['GE*1*796610002', 'IEA*1*796610002']);

    // The same segments, by id, as the pyx12 sample acknowledging 834_ls_le_ls (whose guide id lacks the A1).
    const sample = await readFile(fixture('834_ls_le_ls_5010.999.txt'), 'utf8');
    const ids = (text: string) => segments(text).map((s) => s.split('*')[0]);
    expect(ids(ack)).toEqual(ids(sample));
    // And each of the four sets of the sample acknowledging two groups of two sets.
    const setIds = (text: string) => body(text).map((s) => s.split('*')[0]);
    expect(setIds(await readFile(fixture('834_lui_id_5010.999.txt'), 'utf8'))).toEqual(Array.from({ length: 4 }, () => setIds(ack)).flat());
    expect(body(writeAcknowledgment999(await factsOf('834_ls_le_ls.txt'), createdAt) ?? '').slice(1)).toEqual(body(sample).slice(1));
  });

  it('rejects a set whose SE count is off and whose birth date is not a date, naming segment and element', async () => {
    const facts = await factsOf('example-834-add-family.x12', (text) => text.replace('SE*37*0001~', 'SE*36*0001~').replace('DMG*D8*19870721*F*M~', 'DMG*D8*19871321*F*M~').replace('INS*N*19*021*28*A~', 'INS*N*99*021*28*A~'));
    expect(body(writeAcknowledgment999(facts, createdAt) ?? '')).toEqual([
      'ST*999*0001*005010X231A1',
      'AK1*BE*101*005010X220A1',
      'AK2*834*0001*005010X220A1',
      'IK3*DMG*26*2100A*8',
      'IK4*2*1251*8',
      'IK3*INS*29*2000*8',
      'IK4*2*1069*7*99',
      'IK5*R*4*5',
      'AK9*R*1*1*0',
      'SE*10*0001',
    ]);
  });

  it('rejects the group when its trailer does not match its header', async () => {
    const facts = await factsOf('example-834-add-family.x12', (text) => text.replace('GE*1*101~', 'GE*1*102~'));
    expect(body(writeAcknowledgment999(facts, createdAt) ?? '').slice(-3)).toEqual(['IK5*A', 'AK9*R*1*1*1*4', 'SE*6*0001']);
  });

  it('acknowledges each group and partly accepts a group with one bad set of two', async () => {
    const facts = await factsOf('example-834-add-family.x12', (text) => {
      const set = text.slice(text.indexOf('ST*834'), text.indexOf('GE*'));
      return text.replace('GE*1*101~', `${set.replace(/\*0001(?=[*~])/g, '*0002').replace('DMG*D8*19850312', 'DMG*D8*1985031')}GE*2*101~`);
    });
    expect(body(writeAcknowledgment999(facts, createdAt) ?? '')).toEqual([
      'ST*999*0001*005010X231A1',
      'AK1*BE*101*005010X220A1',
      'AK2*834*0001*005010X220A1',
      'IK5*A',
      'AK2*834*0002*005010X220A1',
      'IK3*DMG*18*2100A*8',
      'IK4*2*1251*8',
      'IK5*R*5',
      'AK9*P*2*2*1',
      'SE*10*0001',
    ]);
  });

  it('has nothing to acknowledge without an interchange and a group', async () => {
    const read = read834(Readable.from(['not an X12 file at all, but long enough to hold an ISA segment if it were one, which it is not.']));
    for await (const row of read) expect(row).toBeUndefined();
    expect(writeAcknowledgment999(read.facts, createdAt)).toBeNull();
  });
});
