import type { HelpTutorial as Tutorial } from '@shared/help/tutorial-format';

/** Lower case without accents, so "reinstate" finds "Réinstate" and "e-mail" matches "E-mail". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();

/**
 * The tutorials that match every word of `query` in their title, summary, keywords or area, best
 * first: a word found in the title counts most, then in a keyword, then in the summary. An empty
 * query lists every tutorial in its own order.
 */
export function searchTutorials(all: readonly Tutorial[], query: string): Tutorial[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...all];
  const scored = all.flatMap((t, order) => {
    const title = fold(t.title);
    const keywords = fold(t.keywords.join(' | '));
    const summary = fold(`${t.summary} ${t.area}`);
    let score = 0;
    for (const word of words) {
      const weight = title.includes(word) ? 3 : keywords.includes(word) ? 2 : summary.includes(word) ? 1 : 0;
      if (weight === 0) return [];
      score += weight;
    }
    return [{ t, score, order }];
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((s) => s.t);
}
