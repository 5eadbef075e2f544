import { z } from 'zod';

/**
 * The one format of a tutorial: the Help page's article, the guided tour's steps, and the names of
 * the step images that `npm run tutorials` writes. See docs/help-and-tutorials.md.
 */

/** Lower-case words joined by hyphens: tutorial ids, `data-tour` values and image folder names. */
export const tutorialSlug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case words joined by hyphens');

/**
 * - `read`: the step explains what is highlighted; the tour's Next moves on.
 * - `do`: the user acts on the highlighted control (opens it, fills it in and continues); the tour moves
 *   on by itself when the next step's target appears, on the same screen or after a route change.
 */
export const tutorialActions = ['read', 'do'] as const;

export const tutorialStep = z.object({
  /** The `data-tour` value of the control this step highlights. */
  target: tutorialSlug,
  /** A few words, shown as the popover's title and beside the step's image. */
  title: z.string().trim().min(1).max(60),
  /** One or two plain sentences saying what to do, naming controls as the screen labels them. */
  body: z.string().trim().min(1).max(400),
  action: z.enum(tutorialActions),
  /** Alt text of the step's image: what the picture shows, for people who cannot see it. */
  imageAlt: z.string().trim().min(1).max(200),
});
export type TutorialStep = z.infer<typeof tutorialStep>;

export const tutorialAreas = ['Members', 'Billing', 'Access', 'Activity'] as const;
export type TutorialArea = (typeof tutorialAreas)[number];

export const tutorial = z.object({
  id: tutorialSlug,
  /** The task in the user's words: "Enroll an employee". */
  title: z.string().trim().min(1).max(60),
  /** One sentence: what the task does and when to do it (shown in the list and searched). */
  summary: z.string().trim().min(1).max(200),
  area: z.enum(tutorialAreas),
  /** Other words people use for the task, searched too ("new hire", "add employee"). */
  keywords: z.array(z.string().trim().min(1).max(40)).max(20),
  /** The article: short paragraphs in plain words. */
  article: z.array(z.string().trim().min(1).max(600)).min(1).max(8),
  /** The app route the tour (and the image generator) starts from. */
  startPath: z.string().regex(/^\/[a-z0-9/-]*$/),
  steps: z.array(tutorialStep).min(1).max(20),
});
export type Tutorial = z.infer<typeof tutorial>;

export const tutorialThemes = ['light', 'dark'] as const;
export type TutorialTheme = (typeof tutorialThemes)[number];

/**
 * Where a step's image lives, relative to the repository root: `docs/tutorials/<id>/<nn>-<theme>.png`,
 * `nn` the step's 1-based number on two digits. The image generator writes it; Help shows it when it exists.
 */
export function stepImagePath(tutorialId: string, stepIndex: number, theme: TutorialTheme): string {
  return `docs/tutorials/${tutorialId}/${String(stepIndex + 1).padStart(2, '0')}-${theme}.png`;
}
