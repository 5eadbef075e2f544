import { stepImagePath, type HelpTutorial, type TutorialTheme } from '@shared/help/tutorial-format';

// The step images that exist when the renderer is built, by their path from the repository root
// (docs/tutorials/<id>/<NN>-<step id>-<theme>.png): the bundler copies each one and gives its URL.
const urls = import.meta.glob('../../../docs/tutorials/*/*.png', { eager: true, query: '?url', import: 'default' }) as Record<string, string>;
const byPath = new Map(Object.entries(urls).map(([path, url]) => [path.replace(/^(\.\.\/)+/, ''), url]));

/** The URL of a step's image in `theme`, or null when `npm run tutorials` has not made it. */
export function stepImageUrl(tutorial: HelpTutorial, stepIndex: number, theme: TutorialTheme): string | null {
  return byPath.get(stepImagePath(tutorial, stepIndex, theme)) ?? null;
}
