/**
 * Letters that carry no accent Unicode can strip, written as the letters the locale files them under:
 * Ødegaard among the O's, Æbelø among the A's, Łukasz among the L's, Strauß as Strauss.
 */
const unaccented: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't' };
const unaccentedLetters = new RegExp(`[${Object.keys(unaccented).join('')}]`, 'g');

/**
 * The key a name sorts by, so that SQLite's plain binary order of keys is the order of a person's
 * list: Álvarez before Wu, Ødegaard among the O's, "de la Cruz" among the D's. Compatibility
 * decomposition splits accented letters and ligatures, the accents are dropped and the case folded.
 * Spaces, apostrophes and hyphens stay: their codes are below every letter's, so "O'Brien" comes before
 * "Obama" as in the locale's own collation. Names equal under this key keep a stable order by member ID.
 * Deterministic and locale-independent: the same name gives the same key on every computer.
 */
export function nameSortKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(unaccentedLetters, (letter) => unaccented[letter] ?? letter)
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .trim();
}
