import { z } from 'zod';
import { permissions } from '../contract/define';
import type { Tutorial, TutorialStep } from './tutorial-types';

/**
 * The tutorial types (tutorial-types.ts) as a schema, so a test can hold every tutorial to them, plus
 * what Help adds: each step's image alt text and each tutorial's area. See docs/help-and-tutorials.md.
 */

/** Lower-case words joined by hyphens: tutorial and step ids, `data-tour` values. */
export const tutorialSlug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case words joined by hyphens');

export const tutorialAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('read') }),
  z.object({ kind: z.literal('click') }),
  z.object({ kind: z.literal('type'), sample: z.string().min(1) }),
  z.object({ kind: z.literal('choose'), sample: z.string().min(1) }),
]);

export const tutorialStep = z.object({
  id: tutorialSlug,
  /** The `data-tour` value of the control this step highlights. */
  target: tutorialSlug,
  /** A few words: the popover's title and name, and the step's heading in Help. */
  title: z.string().trim().min(1).max(60),
  /** One or two plain sentences naming controls as the screen labels them. */
  body: z.string().trim().min(1).max(400),
  action: tutorialAction,
  /** Alt text of the step's image: what the picture shows, for people who cannot see it. */
  imageAlt: z.string().trim().min(1).max(200),
});

export const tutorialAreas = ['Members', 'Billing', 'Access', 'Activity'] as const;

export const tutorial = z.object({
  id: tutorialSlug,
  title: z.string().trim().min(1).max(60),
  summary: z.string().trim().min(1).max(200),
  /** Shown beside the title in Help's list, and searched. */
  area: z.enum(tutorialAreas),
  keywords: z.array(z.string().trim().min(1).max(40)).max(20),
  article: z.array(z.string().trim().min(1).max(600)).min(1).max(8),
  needs: z.enum(permissions),
  startRoute: z.string().regex(/^\/[a-z0-9/-]*$/),
  /**
   * The task is done with the plan service itself (Access shows only when signed in to it with a user
   * ID), so on the demo data Help says the tour needs that sign-in instead of starting one that would
   * wait for a control that never shows.
   */
  needsPlanSignIn: z.literal(true).optional(),
  steps: z.array(tutorialStep).min(1).max(20),
});

export type HelpTutorialStep = TutorialStep & z.infer<typeof tutorialStep>;
export type HelpTutorial = Omit<Tutorial, 'steps'> & z.infer<typeof tutorial> & { steps: readonly HelpTutorialStep[] };
export type TutorialArea = (typeof tutorialAreas)[number];

export const tutorialThemes = ['light', 'dark'] as const;
export type TutorialTheme = (typeof tutorialThemes)[number];

/**
 * Where a step's image lives, relative to the repository root: `docs/tutorials/<id>/<NN>-<step id>-<theme>.png`,
 * NN the step's 1-based number on two digits. `npm run tutorials` writes it; Help shows it when it exists.
 */
export function stepImagePath(tutorial: Pick<Tutorial, 'id' | 'steps'>, stepIndex: number, theme: TutorialTheme): string {
  return `docs/tutorials/${tutorial.id}/${String(stepIndex + 1).padStart(2, '0')}-${tutorial.steps[stepIndex]?.id ?? 'step'}-${theme}.png`;
}
