import { useEffect, useRef } from 'react';
import { Link } from '@tanstack/react-router';
import { findTutorial } from '@shared/help/tutorials';
import type { HelpTutorial as Tutorial } from '@shared/help/tutorial-format';
import { EmptyState } from '../components/ErrorState';
import { BackIcon } from '../components/icons';
import { usePermission } from '../state/permissions';
import { useStatusStore } from '../state/status-store';
import { StartTourButton } from './StartTourButton';
import { stepImageUrl } from './step-images';
import './help.css';

/** A step's picture in the theme the app shows (the OS's light or dark), or the one theme there is. */
function StepImage({ tutorial, index }: { tutorial: Tutorial; index: number }) {
  const light = stepImageUrl(tutorial, index, 'light');
  const dark = stepImageUrl(tutorial, index, 'dark');
  if (!light && !dark) return null;
  return (
    <picture className="help-step-image">
      {light && dark && <source srcSet={dark} media="(prefers-color-scheme: dark)" />}
      <img src={light ?? dark ?? undefined} alt={tutorial.steps[index]!.imageAlt} loading="lazy" />
    </picture>
  );
}

/** Said when the user's role in the current group does not allow the task (the plan would refuse it). */
function RoleNote({ tutorial }: { tutorial: Tutorial }) {
  const allowed = usePermission(tutorial.needs);
  if (tutorial.needs === 'none' || allowed) return null;
  return <p className="pending-banner">Your role in this group does not let you do this task. The group’s primary administrator can, or can give you the role.</p>;
}

/**
 * The tour's start, or, for a task done with the plan service (`needsPlanSignIn`) while this computer
 * is not signed in to it (the demo data), why there is no tour: its first control would never show.
 */
function TourStart({ tutorial }: { tutorial: Tutorial }) {
  const signedIn = useStatusStore((s) => s.session?.mode === 'remote' && Boolean(s.session.user));
  if (tutorial.needsPlanSignIn && !signedIn)
    return (
      <div className="help-tour-start">
        <p className="pending-banner">The tour of this task needs a sign-in to the plan service with your own user ID: Access is not there on the demo data. The steps below show how it goes.</p>
      </div>
    );
  return (
    <div className="help-tour-start">
      <StartTourButton tutorial={tutorial} />
      <p className="muted">The tour highlights each control in turn while you do the task. Leave it at any step; it picks up where you left it.</p>
    </div>
  );
}

/** One task: its article, the guided tour, and the steps with their pictures. */
export function TutorialArticle({ tutorialId }: { tutorialId: string }) {
  const tutorial = findTutorial(tutorialId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opening a task from the list starts the reader at its title, as a new page does.
  useEffect(() => headingRef.current?.focus(), [tutorialId]);

  return (
    <div className="page help-page">
      <Link to="/help" className="back-link">
        <BackIcon />
        All tasks
      </Link>
      {!tutorial ? (
        <EmptyState title="There is no such task in Help">
          <p>
            See <Link to="/help">all the tasks</Link>.
          </p>
        </EmptyState>
      ) : (
        <article className="help-article" aria-labelledby="help-article-title">
          <div className="page-header">
            <div>
              <h1 id="help-article-title" className="page-title" tabIndex={-1} ref={headingRef}>
                {tutorial.title}
              </h1>
              <p className="page-meta">{tutorial.area}</p>
            </div>
          </div>
          <div className="card help-article-body">
            {tutorial.article.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
            <RoleNote tutorial={tutorial} />
            <TourStart tutorial={tutorial} />
          </div>
          <h2 className="help-steps-title">Step by step</h2>
          <ol className="help-steps">
            {tutorial.steps.map((step, i) => (
              <li key={step.id} className="card help-step">
                <div className="help-step-text">
                  <h3 className="help-step-title">
                    <span className="help-step-number" aria-hidden="true">
                      {i + 1}
                    </span>
                    <span className="visually-hidden">Step {i + 1}: </span>
                    {step.title}
                  </h3>
                  <p>{step.body}</p>
                </div>
                <StepImage tutorial={tutorial} index={i} />
              </li>
            ))}
          </ol>
        </article>
      )}
    </div>
  );
}
