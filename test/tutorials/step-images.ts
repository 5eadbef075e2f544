import path from 'node:path';
import type { Tutorial } from '@shared/help/tutorial-types';
import { stepImagePath, tutorialThemes } from '@shared/help/tutorial-format';

/** Where the images go: `docs/tutorials/`, one folder per tutorial, which the renderer build copies for Help. */
export const imagesRoot = (repoRoot: string): string => path.join(repoRoot, 'docs', 'tutorials');

/** Every image a tutorial should have (file names in its folder), in the order its walk makes them. */
export function expectedImages(tutorial: Tutorial): string[] {
  return tutorial.steps.flatMap((_, index) => tutorialThemes.map((theme) => path.basename(stepImagePath(tutorial, index, theme))));
}

/**
 * The pictures in a tutorial's folder that belong to no step any more (a step removed, renamed or moved):
 * Help would otherwise keep showing a screen the tutorial no longer goes through.
 */
export function staleImages(filesInFolder: readonly string[], tutorial: Tutorial): string[] {
  const expected = new Set(expectedImages(tutorial));
  return filesInFolder.filter((file) => file.endsWith('.png') && !expected.has(file));
}

/** The folders under docs/tutorials/ of tutorials that no longer exist. */
export function staleFolders(folders: readonly string[], tutorials: readonly Tutorial[]): string[] {
  const ids = new Set(tutorials.map((t) => t.id));
  return folders.filter((folder) => !ids.has(folder));
}
