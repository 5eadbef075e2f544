import { describe, expect, it } from 'vitest';
import { tutorials } from '@shared/help/tutorials';
import { tutorial as tutorialSchema } from '@shared/help/tutorial-format';

// Every renderer source file as text (tests left out: a target only a test names is no target).
const sources = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** The `data-tour` values the source gives controls: `data-tour="…"` literals, and wizard steps' `tour: '…'`. */
function tourTargets(): Set<string> {
  const found = new Set<string>();
  for (const text of Object.values(sources)) {
    for (const m of text.matchAll(/data-tour="([a-z0-9-]+)"/g)) found.add(m[1]!);
    for (const m of text.matchAll(/\btour: '([a-z0-9-]+)'/g)) found.add(m[1]!);
  }
  return found;
}

describe('tutorial definitions', () => {
  it('reads the renderer’s sources (the check below would pass on nothing otherwise)', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(100);
    expect(tourTargets().size).toBeGreaterThan(5);
  });

  it('follow the tutorial format', () => {
    for (const t of tutorials) expect(() => tutorialSchema.parse(t), t.id).not.toThrow();
  });

  it('have unique ids, and steps to take with ids unique in their tutorial', () => {
    const ids = tutorials.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of tutorials) {
      expect(t.steps.length, t.id).toBeGreaterThan(0);
      expect(new Set(t.steps.map((s) => s.id)).size, t.id).toBe(t.steps.length);
    }
  });

  it('point every step at a control the renderer marks with that data-tour value', () => {
    const targets = tourTargets();
    const missing = tutorials.flatMap((t) => t.steps.filter((s) => !targets.has(s.target)).map((s) => `${t.id}: ${s.target}`));
    expect(missing).toEqual([]);
  });

  it('follow a "click" step with another control, whose appearance is what moves the tour on', () => {
    const stuck = tutorials.flatMap((t) => t.steps.filter((s, i) => s.action.kind === 'click' && t.steps[i + 1]?.target === s.target).map((s) => `${t.id}: ${s.target}`));
    expect(stuck).toEqual([]);
    // A last step has no next control to wait for: Done ends the tour.
    for (const t of tutorials) expect(t.steps.at(-1)?.action.kind, t.id).not.toBe('click');
  });
});
