import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIDEBAR_WINDOW, windowLinks, type WindowLink } from '../../src/lib/sidebar-window.ts';

const links = (n: number, current = -1): WindowLink[] =>
  Array.from({ length: n }, (_, i) => ({
    type: 'link',
    href: i === 0 ? '/articles/' : `/articles/a${i}/`,
    label: i === 0 ? 'All' : `A${i}`,
    isCurrent: i === current,
  }));
const more = (index: WindowLink, total: number): WindowLink => ({ ...index, label: `all ${total}`, isCurrent: false });

describe('sidebar window', () => {
  it('leaves a group that fits untouched (today: the index and five articles)', () => {
    const group = links(6, 3);
    expect(windowLinks(group, more)).toEqual(group);
  });

  it('keeps the index, the current article with its neighbours, and a link naming the total', () => {
    const shown = windowLinks(links(201, 100), more);
    expect(shown).toHaveLength(SIDEBAR_WINDOW);
    expect(shown[0]!.label).toBe('All');
    expect(shown.at(-1)).toMatchObject({ href: '/articles/', label: 'all 200', isCurrent: false });
    const articles = shown.slice(1, -1).map((l) => l.label);
    expect(articles).toEqual(Array.from({ length: SIDEBAR_WINDOW - 2 }, (_, i) => `A${95 + i}`));
  });

  it('shows the first articles on pages outside the group', () => {
    const shown = windowLinks(links(50), more);
    expect(shown.slice(1, 4).map((l) => l.label)).toEqual(['A1', 'A2', 'A3']);
  });

  it('always shows the current article, in order, at the size of the window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.nat(), (n, pick) => {
        const current = 1 + (pick % n);
        const shown = windowLinks(links(n + 1, current), more);
        expect(shown.length).toBe(Math.min(n + 1, SIDEBAR_WINDOW));
        expect(shown.filter((l) => l.isCurrent)).toHaveLength(1);
        const numbers = shown
          .slice(1)
          .map((l) => Number(l.label.slice(1)))
          .filter((x) => !Number.isNaN(x));
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      }),
    );
  });
});
