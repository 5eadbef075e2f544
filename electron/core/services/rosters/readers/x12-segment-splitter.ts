/**
 * Splits X12 text into segments as it arrives, without holding the file: the separators are read
 * from the ISA's fixed offsets, then every segment terminator closes a segment. Line breaks and
 * spaces between segments are tolerated, as most translators do.
 */

export interface X12Delimiters {
  element: string;
  component: string;
  repetition: string;
  segment: string;
}

/** The file cannot be read as X12 at all; `note` is the TA1 note code. */
export class X12EnvelopeError extends Error {
  constructor(
    readonly note: string,
    message: string,
  ) {
    super(message);
    this.name = 'X12EnvelopeError';
  }
}

/** The ISA is 106 characters whatever its content; the offsets of the separators follow from it. */
const isaLength = 106;
/** No 834 segment comes near this; more without a terminator means the terminator is not what the ISA says. */
const longestSegment = 64 * 1024;

export class X12SegmentSplitter {
  private pending = '';
  private found: X12Delimiters | null = null;

  get delimiters(): X12Delimiters | null {
    return this.found;
  }

  /** Takes the next piece of text; returns the segments it completed, each split into its elements (the id first). */
  push(text: string): string[][] {
    this.pending += text;
    if (this.found === null) {
      this.pending = this.pending.replace(/^\uFEFF?\s*/, '');
      if (this.pending.length < isaLength) return [];
      this.found = readDelimiters(this.pending.slice(0, isaLength));
    }
    const { segment, element } = this.found;
    const pieces = this.pending.split(segment);
    this.pending = pieces.pop() ?? '';
    if (this.pending.length > longestSegment) throw new X12EnvelopeError('004', 'A segment runs on without its terminator: the file is not X12 as its ISA describes');
    return pieces.map((piece) => piece.trim()).filter((piece) => piece !== '').map((piece) => piece.split(element));
  }

  /** What is left once the input ended: text after the last terminator, or an ISA cut short. */
  end(): string {
    if (this.found === null && this.pending.trim() !== '') throw new X12EnvelopeError('023', 'The file ends before its ISA segment is complete');
    return this.pending.trim();
  }
}

function readDelimiters(isa: string): X12Delimiters {
  if (!isa.startsWith('ISA')) throw new X12EnvelopeError('024', 'The file does not start with an ISA segment: it is not an X12 file');
  const delimiters = { element: isa.charAt(3), repetition: isa.charAt(82), component: isa.charAt(104), segment: isa.charAt(105) };
  const elements = isa.slice(0, isaLength - 1).split(delimiters.element);
  if (elements.length !== 17) throw new X12EnvelopeError('026', 'The ISA segment is not 16 fixed-width elements: its separators cannot be found');
  const separators = new Set([delimiters.element, delimiters.component, delimiters.segment]);
  if (separators.size !== 3 || [...separators].some((s) => /[0-9A-Za-z ]/.test(s))) throw new X12EnvelopeError('027', 'The ISA names separators that are letters, digits, spaces or the same character twice');
  return delimiters;
}
