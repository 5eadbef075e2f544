import { downloadRoster } from './download-roster';
import { enrollSubscriber } from './enroll-subscriber';
import { terminateCoverage } from './terminate-coverage';
import type { Tutorial } from './tutorial-format';

/** Every tutorial, in the order Help lists them within an area. */
export const tutorials: readonly Tutorial[] = [enrollSubscriber, terminateCoverage, downloadRoster];

export function findTutorial(id: string): Tutorial | undefined {
  return tutorials.find((t) => t.id === id);
}
