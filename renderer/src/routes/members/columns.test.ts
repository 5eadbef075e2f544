import { describe, expect, it } from 'vitest';
import { rosterColumns, rosterTrack, selectColumnWidth } from './columns';

/** The grid's inside width in a window this wide: less the icon rail (56 px), the page's padding (2 × 24 px) and the grid's border. */
const gridWidthIn = (windowWidth: number) => windowWidth - 56 - 48 - 2;

/** The columns shown whole before any sideways scrolling, with the checkbox column in front. */
function columnsInView(width: number): string[] {
  let used = selectColumnWidth;
  const shown: string[] = [];
  for (const column of rosterColumns) {
    used += column.minWidth;
    if (used > width) break;
    shown.push(column.label);
  }
  return shown;
}

describe('Roster columns', () => {
  it.each([
    ['an 800 px window', 800],
    ['200% zoom on a 1280 px screen', 640],
  ])('keep Name, Member ID and Status in view in %s', (_, windowWidth) => {
    expect(columnsInView(gridWidthIn(windowWidth))).toEqual(expect.arrayContaining(['Name', 'Member ID', 'Status']));
  });

  it('all fit at 1280×720, with the checkbox column too', () => {
    expect(columnsInView(1020)).toHaveLength(rosterColumns.length);
  });

  it('give header and rows one column list', () => {
    expect(rosterTrack(true)).toBe(`${selectColumnWidth}px ${rosterTrack(false)}`);
    expect(rosterTrack(false)).toMatch(/^minmax\(156px, 2\.2fr\) 118px 104px /);
  });
});
