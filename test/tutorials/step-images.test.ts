import { describe, expect, it } from 'vitest';
import type { Tutorial } from '@shared/help/tutorial-types';
import { expectedImages, staleFolders, staleImages } from './step-images';

const tutorial: Tutorial = {
  id: 'enroll-subscriber',
  title: 'Enroll an employee',
  summary: 'Add a new employee to the plan.',
  keywords: [],
  article: ['Enroll an employee when they become eligible.'],
  needs: 'members.write',
  startRoute: '/members',
  steps: [
    { id: 'start', target: 'roster-enroll', title: 'Start the enrollment', body: 'Choose Enroll an employee.', action: { kind: 'click' } },
    { id: 'person', target: 'enroll-person', title: 'Personal details', body: 'Type the name.', action: { kind: 'read' } },
  ],
};

describe('tutorial step images', () => {
  it('are two per step, light then dark, named by the step number on two digits and the step id', () => {
    expect(expectedImages(tutorial)).toEqual(['01-start-light.png', '01-start-dark.png', '02-person-light.png', '02-person-dark.png']);
  });

  it('of steps removed, renamed or moved are stale; other files are left alone', () => {
    const files = ['01-start-light.png', '02-person-dark.png', '02-contact-light.png', '03-person-light.png', '01-light.png', 'notes.txt'];
    expect(staleImages(files, tutorial)).toEqual(['02-contact-light.png', '03-person-light.png', '01-light.png']);
  });

  it('of a tutorial that no longer exists are stale as a folder', () => {
    expect(staleFolders(['enroll-subscriber', 'old-tutorial'], [tutorial])).toEqual(['old-tutorial']);
  });
});
