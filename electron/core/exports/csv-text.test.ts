import { describe, expect, it } from 'vitest';
import { csvStringifier } from './csv-stringifier';
import { csvField, csvFraming } from './csv-text';

const tricky = ['', 'plain', 'a,b', 'say "hi"', '"', 'line\nbreak', 'cr\rhere', 'crlf\r\nhere', "'=1+2", ' spaced ', 'Núñez, "Tess"', ';tab\there'];

async function viaStringifier(records: string[][], crlf: boolean): Promise<string> {
  const csv = csvStringifier({ bom: true, crlf });
  const parts: string[] = [];
  csv.on('data', (chunk: Buffer) => parts.push(chunk.toString('utf8')));
  const ended = new Promise((resolve) => csv.on('end', resolve));
  for (const record of records) csv.write(record);
  csv.end();
  await ended;
  return parts.join('');
}

describe('csv text', () => {
  it.each([true, false])('writes what the csv stringifier writes (CRLF %s)', async (crlf) => {
    const records = [tricky, [...tricky].reverse(), ['only']];
    const { start, recordEnd } = csvFraming({ bom: true, crlf });
    const fast = start + records.map((record) => record.map(csvField).join(',') + recordEnd).join('');
    expect(fast).toBe(await viaStringifier(records, crlf));
  });

  it('quotes a field only for a delimiter, a quote or a line break, doubling its quotes', () => {
    expect(['plain', "'=1", 'a,b', 'say "hi"', 'two\nlines', ''].map(csvField)).toEqual(['plain', "'=1", '"a,b"', '"say ""hi"""', '"two\nlines"', '']);
  });
});
