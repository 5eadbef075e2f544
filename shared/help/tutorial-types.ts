import type { Permission } from '@shared/contract/define';

/*
 * How tutorials fit together (the Help page, the guided tour and the image generator all build on
 * these types):
 * - The list of tutorials is `shared/help/tutorials.ts`, `export const tutorials: readonly Tutorial[]`
 *   (one file per tutorial under `shared/help/tutorials/` is fine, re-exported as that list).
 * - A step points at a real control by its `data-tour` attribute, unique on its screen.
 * - Step images: `docs/tutorials/<tutorial-id>/<NN>-<step-id>-<light|dark>.png`, NN the 1-based step
 *   number in two digits, 1280x720, made by `npm run tutorials`. The renderer build copies
 *   `docs/tutorials/` into the built renderer so Help can show them; a missing image is not shown.
 * - The tour: the article has a button "Start the tour" (and "Resume the tour at step N" when the
 *   user left one earlier). Each open step is a non-modal `role="dialog"` whose accessible name is the
 *   step's title, showing the body and "Step N of M", with buttons "Back" (not on step 1), "Next" (not
 *   on `click` steps, which go on when the highlighted control is used; on the last step it reads
 *   "Done") and "Leave the tour" (Escape too; progress is kept so it can be resumed). The highlighted
 *   control stays usable by mouse and keyboard while its step is open. End-to-end tests drive tours by
 *   exactly these names.
 */

/** What the user does at a step. On the demo data a tour is done for real, so each action is one a person takes. */
export type TutorialAction =
  /** Look, then press Next. */
  | { kind: 'read' }
  /** Use the highlighted control itself; the tour moves on when it is used (it may open a dialog or a new screen). */
  | { kind: 'click' }
  /** Type into the highlighted field, then press Next; the sample is what the demo walk-through and the images use. */
  | { kind: 'type'; sample: string }
  /** Pick the option with this visible label in the highlighted select, listbox or radio group, then press Next. */
  | { kind: 'choose'; sample: string };

export interface TutorialStep {
  /** Stable within its tutorial, kebab-case; names the step's images. */
  id: string;
  /** The `data-tour` attribute value of the real control this step highlights, unique on its screen. */
  target: string;
  title: string;
  body: string;
  action: TutorialAction;
}

export interface Tutorial {
  /** kebab-case; names the tutorial's folder of images, docs/tutorials/<id>/. */
  id: string;
  title: string;
  summary: string;
  /** Words Help search matches besides the title and summary (what a user might type: "new hire", "add employee"). */
  keywords: readonly string[];
  /** The short article, as paragraphs of plain text. */
  article: readonly string[];
  /** What the task needs; Help says so when the signed-in role lacks it. */
  needs: Permission;
  /** Where the tour starts: a route of the app, on the demo group. */
  startRoute: string;
  steps: readonly TutorialStep[];
}
