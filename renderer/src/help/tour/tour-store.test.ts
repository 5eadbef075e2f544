import { beforeEach, describe, expect, it } from 'vitest';
import { useTourStore } from './tour-store';

const stored = () => JSON.parse(localStorage.getItem('groupdesk.tours') ?? '{}') as unknown;

describe('tour progress', () => {
  beforeEach(() => {
    useTourStore.setState({ user: '', active: null, left: {} });
    useTourStore.getState().setUser('pat');
  });

  it('keeps the step a tour was left at, and forgets it once the tour is finished', () => {
    const tours = useTourStore.getState();
    tours.start('enroll-subscriber');
    tours.goTo(3);
    tours.leave();
    expect(stored()).toEqual({ pat: { active: null, left: { 'enroll-subscriber': 3 } } });
    tours.start('enroll-subscriber', 3);
    expect(useTourStore.getState().active).toEqual({ tutorialId: 'enroll-subscriber', step: 3, resumeAt: 3 });
    tours.finish();
    expect(stored()).toEqual({ pat: { active: null, left: {} } });
  });

  it('heads for the step it resumes at until it gets there', () => {
    const tours = useTourStore.getState();
    tours.start('pay-invoice', 4);
    tours.goTo(0);
    expect(useTourStore.getState().active).toEqual({ tutorialId: 'pay-invoice', step: 0, resumeAt: 4 });
    tours.goTo(4);
    expect(useTourStore.getState().active).toEqual({ tutorialId: 'pay-invoice', step: 4 });
  });

  it('leaves the tour on screen where it is when another starts', () => {
    const tours = useTourStore.getState();
    tours.start('read-invoice');
    tours.goTo(2);
    tours.start('go-paperless');
    expect(useTourStore.getState()).toMatchObject({ active: { tutorialId: 'go-paperless', step: 0 }, left: { 'read-invoice': 2 } });
  });

  it('keeps each user’s progress apart', () => {
    useTourStore.getState().start('invite-user');
    useTourStore.getState().setUser('sam');
    expect(useTourStore.getState()).toMatchObject({ user: 'sam', active: null, left: {} });
    useTourStore.getState().setUser('pat');
    expect(useTourStore.getState().active).toEqual({ tutorialId: 'invite-user', step: 0 });
  });
});
