import { describe, expect, it } from 'vitest';
import type { Tutorial } from '@shared/tutorials/tutorial-format';
import { expectedImages, staleFolders, staleImages } from './step-images';

const tutorial: Tutorial = {
  id: 'enroll-subscriber',
  title: 'Enroll an employee',
  summary: 'Add a new employee to the plan.',
  area: 'Members',
  keywords: [],
  article: ['Enroll an employee when they become eligible.'],
  startPath: '/members',
  steps: [
    { target: 'roster-enroll', title: 'Start the enrollment', body: 'Choose Enroll an employee.', action: 'do', imageAlt: 'The roster toolbar.' },
    { target: 'enroll-person', title: 'Personal details', body: 'Type the name.', action: 'read', imageAlt: 'Step 1 of the wizard.' },
  ],
};

describe('tutorial step images', () => {
  it('are two per step, light then dark, numbered from 01', () => {
    expect(expectedImages(tutorial)).toEqual(['01-light.png', '01-dark.png', '02-light.png', '02-dark.png']);
  });

  it('of steps the tutorial no longer has are stale; other files are left alone', () => {
    const files = ['01-light.png', '02-dark.png', '03-light.png', '03-dark.png', 'notes.txt'];
    expect(staleImages(files, tutorial)).toEqual(['03-light.png', '03-dark.png']);
  });

  it('of a tutorial that no longer exists are stale as a folder', () => {
    expect(staleFolders(['enroll-subscriber', 'old-tutorial'], [tutorial])).toEqual(['old-tutorial']);
  });
});
