import type { HelpTutorial as Tutorial } from '@shared/help/tutorial-format';
import { useTourStore } from './tour/tour-store';

/**
 * Starts a tutorial's guided tour where the user is (each tour's first step is a control of the
 * navigation, so it can start anywhere in the app), or resumes it at the step where they left it.
 */
export function StartTourButton({ tutorial, label, className = 'button button-primary', onStart }: { tutorial: Tutorial; label?: string; className?: string; onStart?: () => void }) {
  const start = useTourStore((s) => s.start);
  const leftAt = useTourStore((s) => s.left[tutorial.id]);
  const resumable = leftAt !== undefined && leftAt > 0 && leftAt < tutorial.steps.length;
  const begin = (step: number) => {
    onStart?.();
    start(tutorial.id, step);
  };
  if (!resumable)
    return (
      <button type="button" className={className} onClick={() => begin(0)}>
        {label ?? 'Start the tour'}
      </button>
    );
  return (
    <span className="tour-start">
      <button type="button" className={className} onClick={() => begin(leftAt)}>
        Resume the tour at step {leftAt + 1}
      </button>
      <button type="button" className="button" onClick={() => begin(0)}>
        Start over
      </button>
    </span>
  );
}
