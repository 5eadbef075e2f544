import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { HelpTutorial as Tutorial } from '@shared/help/tutorial-format';
import { findTutorial } from '@shared/help/tutorials';
import { useAnnouncer } from '../../state/announcer';
import { useStatusStore } from '../../state/status-store';
import { endTourStep, focusTourTarget, refitTourStep, showTourStep } from './tour-driver';
import { installTourTabbing } from './tour-tabbing';
import { useTourStore } from './tour-store';
import { findTourTarget, subscribeToPage, useTourTarget } from './use-tour-target';

/**
 * The guided tour on screen, if one runs: one step at a time, for the signed-in user (their tours
 * are their own). Mounted once around the whole app, so a tour carries on across routes.
 */
export function TourRunner() {
  const user = useStatusStore((s) => s.session?.user?.userId ?? 'demo');
  const setUser = useTourStore((s) => s.setUser);
  useEffect(() => setUser(user), [user, setUser]);
  const active = useTourStore((s) => s.active);
  const tutorial = active ? findTutorial(active.tutorialId) : undefined;
  if (!active || !tutorial) return null;
  const index = Math.min(active.step, tutorial.steps.length - 1);
  return <TourStep key={`${tutorial.id}/${index}`} tutorial={tutorial} index={index} />;
}

/** The furthest step up to `index` whose control is on screen now, or `index` itself when none is. */
function resumableStep(tutorial: Tutorial, index: number): number {
  for (let i = index; i >= 0; i--) if (findTourTarget(tutorial.steps[i]!.target)) return i;
  return index;
}

/** The furthest step after `index`, up to `goal`, whose control is on screen now; null when none is. */
function furthestAhead(tutorial: Tutorial, index: number, goal: number | undefined): number | null {
  if (goal === undefined) return null;
  for (let i = Math.min(goal, tutorial.steps.length - 1); i > index; i--) if (findTourTarget(tutorial.steps[i]!.target)) return i;
  return null;
}

function TourStep({ tutorial, index }: { tutorial: Tutorial; index: number }) {
  const step = tutorial.steps[index]!;
  const next = tutorial.steps[index + 1];
  const goTo = useTourStore((s) => s.goTo);
  const leave = useTourStore((s) => s.leave);
  const finish = useTourStore((s) => s.finish);
  // The log of changes of context, not the status region: a new screen's own load announcement would replace it there.
  const announce = useAnnouncer((s) => s.announceContext);
  const target = useTourTarget(step.target);
  const isClick = step.action.kind === 'click';
  // A "click" step is done when its control is used and the next step's control is on screen (on this
  // screen or the next route's), or when the next control appears by itself.
  const nextTarget = useTourTarget(isClick && next ? next.target : null);
  const nextWasAbsent = useRef(!(isClick && next && findTourTarget(next.target)));
  const [used, setUsed] = useState(false);
  const progress = `Step ${index + 1} of ${tutorial.steps.length}`;
  const [opening] = useState(() => resumableStep(tutorial, index));
  // A resumed tour on its way back to the step it was left at: it jumps there once that screen shows.
  const resumeAt = useTourStore((s) => s.active?.resumeAt);
  const ahead = useSyncExternalStore(subscribeToPage, () => furthestAhead(tutorial, index, resumeAt));

  // A step opened away from its screen (a resumed tour, Back, a restart) starts from the furthest
  // earlier step the user can take here; one that loses its control later waits for it instead.
  useEffect(() => {
    if (opening !== index) goTo(opening);
  }, [opening, index, goTo]);

  useEffect(() => {
    if (!target || !isClick) return;
    const onUse = () => setUsed(true);
    target.addEventListener('click', onUse, true);
    return () => target.removeEventListener('click', onUse, true);
  }, [target, isClick]);

  useEffect(() => {
    if (ahead !== null) goTo(ahead);
    else if (!nextTarget) nextWasAbsent.current = true;
    else if (used || nextWasAbsent.current) goTo(index + 1);
  }, [ahead, nextTarget, used, index, goTo]);

  useEffect(() => {
    announce(`${tutorial.title}. ${progress}: ${step.title}`);
  }, [announce, tutorial.title, progress, step.title]);

  useEffect(() => {
    if (!target || ahead !== null || opening !== index) return;
    const isLast = index === tutorial.steps.length - 1;
    showTourStep(target, {
      title: step.title,
      body: step.body,
      progress,
      // A click step has no Next: using the control moves on. "Go to it" puts the focus there.
      primaryLabel: isClick ? 'Go to it' : isLast ? 'Done' : 'Next',
      onPrimary: isClick ? () => focusTourTarget(target) : isLast ? finish : () => goTo(index + 1),
      onBack: index > 0 ? () => goTo(index - 1) : undefined,
      onLeave: leave,
    });
    const uninstall = installTourTabbing(() => document.querySelector('.tour-popover'), () => target);
    // driver.js fits the highlight on window resize and scroll only; a form grows as errors show.
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(refitTourStep);
    resize?.observe(target);
    return () => {
      resize?.disconnect();
      uninstall();
      endTourStep();
    };
  }, [target, isClick, ahead, opening, index, tutorial, step, progress, goTo, leave, finish]);

  if (target || ahead !== null || opening !== index) return null;
  return (
    <section className="tour-bar" aria-label="Guided tour">
      <p>
        <strong>{tutorial.title}</strong> · {progress}: {step.title}
      </p>
      <p className="tour-bar-note">This step’s control is not on the screen yet. Open its screen to carry on, or go back a step.</p>
      <div className="tour-bar-actions">
        {index > 0 && (
          <button type="button" className="button" onClick={() => goTo(index - 1)}>
            Back
          </button>
        )}
        <button type="button" className="button button-ghost" onClick={leave}>
          Leave the tour
        </button>
      </div>
    </section>
  );
}
