// Every article's Mermaid diagram is drawn at build time, faithfully: each forward arrow runs from
// its source box to its target box in the declared direction, no arrow crosses another box (the
// start node included), boxes and labels never overlap, labels are large enough to read, and the
// same labels are in a text version that opens from the keyboard.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';

const slugs = readdirSync('content/docs/articles').map((f) => f.replace(/\.mdx?$/, ''));

/** The declared direction of each diagram of a page, in order. */
const directions = (file: string) => [...readFileSync(file, 'utf8').matchAll(/```mermaid\s+(?:graph|flowchart)\s+(TD|TB|BT|LR|RL)/g)].map((m) => m[1]!);

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Drawn {
  nodes: Record<string, Rect>;
  edges: { from: string; to: string; start: { x: number; y: number }; end: { x: number; y: number }; samples: { x: number; y: number }[] }[];
  labels: { text: string; box: Rect }[];
  texts: { text: string; inView: boolean; inFrame: boolean; px: number }[];
}

/** Boxes, arrows (sampled along their paths) and labels of one drawn diagram, in SVG units; label sizes in CSS px as rendered. */
function measure(figure: Locator): Promise<Drawn> {
  return figure.locator('svg').evaluate((svg: SVGSVGElement) => {
    const box = (el: SVGGraphicsElement) => {
      const b = el.getBBox();
      return { x: b.x, y: b.y, width: b.width, height: b.height };
    };
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const nodes = Object.fromEntries(
      [...svg.querySelectorAll<SVGGElement>('[data-node]')].map((g) => [g.dataset.node!, box(g.firstElementChild as SVGGraphicsElement)]),
    );
    const edges = [...svg.querySelectorAll<SVGGElement>('[data-from]')].map((g) => {
      const path = g.querySelector('path')!;
      const length = path.getTotalLength();
      const samples = Array.from({ length: 41 }, (_, i) => path.getPointAtLength((length * i) / 40)).map(({ x, y }) => ({ x, y }));
      return { from: g.dataset.from!, to: g.dataset.to!, start: samples[0]!, end: samples.at(-1)!, samples };
    });
    const labels = [...svg.querySelectorAll<SVGGraphicsElement>('.kb-diagram__edge-label rect, .kb-diagram__group-label')].map((el) => ({
      text: el.closest('g')?.textContent ?? '',
      box: box(el),
    }));
    const view = svg.viewBox.baseVal;
    const inside = (b: Rect, o: Rect) => b.x >= o.x - 1 && b.y >= o.y - 1 && b.x + b.width <= o.x + o.width + 1 && b.y + b.height <= o.y + o.height + 1;
    const texts = [...svg.querySelectorAll<SVGTextElement>('text')].map((t) => {
      const frame = t.parentElement?.querySelector<SVGGraphicsElement>(':scope > rect, :scope > polygon, :scope > circle');
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      const lines = [...t.querySelectorAll('tspan')].map((s) => s.textContent ?? '');
      return {
        text: lines.length ? lines.join(' ') : (t.textContent ?? ''),
        inView: inside(box(t), view),
        inFrame: frame ? inside(box(t), box(frame)) : true,
        px,
      };
    });
    return { nodes, edges, labels, texts };
  });
}

/** Edges that close a cycle, found by a depth-first walk from the start nodes (no incoming edge), in source order. */
function backEdges(edges: Drawn['edges']): Set<number> {
  const back = new Set<number>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string) => {
    state.set(id, 'open');
    edges.forEach((e, i) => {
      if (e.from !== id) return;
      if (state.get(e.to) === 'open') back.add(i);
      else if (!state.has(e.to)) visit(e.to);
    });
    state.set(id, 'done');
  };
  const starts = [...new Set(edges.map((e) => e.from))].filter((id) => !edges.some((e) => e.to === id));
  for (const id of starts) if (!state.has(id)) visit(id);
  return back;
}

const near = (p: { x: number; y: number }, r: Rect, slack = 2) =>
  p.x >= r.x - slack && p.x <= r.x + r.width + slack && p.y >= r.y - slack && p.y <= r.y + r.height + slack;
const within = (p: { x: number; y: number }, r: Rect) => near(p, r, -2);
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether `b` lies wholly past `a` in the declared direction. */
function follows(a: Rect, b: Rect, direction: string): boolean {
  if (direction === 'LR') return b.x >= a.x + a.width - 1;
  if (direction === 'RL') return b.x + b.width <= a.x + 1;
  if (direction === 'BT') return b.y + b.height <= a.y + 1;
  return b.y >= a.y + a.height - 1; // TD / TB
}

/** Everything wrong with one drawn diagram, as readable lines (empty when it is right). */
function problems(drawn: Drawn, direction: string): string[] {
  const found: string[] = [];
  const back = backEdges(drawn.edges);
  drawn.edges.forEach((edge, i) => {
    const [from, to] = [drawn.nodes[edge.from]!, drawn.nodes[edge.to]!];
    const name = `${edge.from} → ${edge.to}`;
    if (!near(edge.start, from) || !near(edge.end, to)) found.push(`${name} does not run from its source box to its target box`);
    if (!back.has(i) && !follows(from, to, direction)) found.push(`${name} does not run ${direction}`);
    for (const [id, rect] of Object.entries(drawn.nodes)) {
      if (id !== edge.from && id !== edge.to && edge.samples.some((p) => within(p, rect))) found.push(`${name} runs over ${id}`);
    }
  });
  const boxes = [...Object.entries(drawn.nodes).map(([id, box]) => ({ text: id, box })), ...drawn.labels];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) if (overlaps(a.box, b.box)) found.push(`"${a.text}" overlaps "${b.text}"`);
  });
  for (const t of drawn.texts) if (!t.inView || !t.inFrame) found.push(`"${t.text}" is not inside its box`);
  return found;
}

async function openOutline(page: Page, figure: Locator): Promise<string> {
  await figure.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(figure.locator('li').first()).toBeVisible();
  return (await figure.locator('li').allTextContents()).join('\n');
}

for (const prefix of ['', '/en']) {
  for (const slug of slugs) {
    test(`diagram of ${prefix}/articles/${slug}/ flows the declared way, nothing overlaps, labels ≥ 14 px, text version`, async ({ page }) => {
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.goto(`${prefix}/articles/${slug}/`);
      const declared = directions(`content/docs${prefix}/articles/${slug}.mdx`);
      const figures = await page.locator('figure.kb-diagram').all();
      expect(figures.length).toBe(declared.length);
      expect(figures.length).toBeGreaterThan(0);
      for (const [n, figure] of figures.entries()) {
        await figure.scrollIntoViewIfNeeded();
        const drawn = await measure(figure);
        expect(drawn.edges.length).toBeGreaterThan(3);
        expect(problems(drawn, declared[n]!)).toEqual([]);
        expect(Math.min(...drawn.texts.map((t) => t.px))).toBeGreaterThanOrEqual(14);
        const words = await openOutline(page, figure);
        for (const { text } of drawn.texts) expect(words).toContain(text);
      }
    });
  }
}

test('the check finds a flow drawn upwards, an arrow over a box and overlapping boxes', () => {
  const box = (x: number, y: number): Rect => ({ x, y, width: 100, height: 40 });
  const edge = (from: string, to: string, a: { x: number; y: number }, b: { x: number; y: number }) => ({
    from,
    to,
    start: a,
    end: b,
    samples: Array.from({ length: 11 }, (_, i) => ({ x: a.x + ((b.x - a.x) * i) / 10, y: a.y + ((b.y - a.y) * i) / 10 })),
  });
  const upwards: Drawn = {
    nodes: { A: box(0, 200), B: box(0, 100), C: box(0, 0) },
    edges: [edge('A', 'B', { x: 50, y: 200 }, { x: 50, y: 140 }), edge('A', 'C', { x: 50, y: 200 }, { x: 50, y: 40 })],
    labels: [{ text: 'yes', box: box(30, 210) }],
    texts: [],
  };
  expect(problems(upwards, 'TD')).toEqual(['A → B does not run TD', 'A → C does not run TD', 'A → C runs over B', '"A" overlaps "yes"']);
});

test('on a phone the diagram keeps labels ≥ 12 px and scrolls sideways from the keyboard instead of shrinking', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // The widest diagram (≈ 770 px drawn): it cannot fit a phone, so it must scroll rather than shrink.
  await page.goto('/en/articles/challenges-and-opportunities/');
  const figure = page.locator('figure.kb-diagram').first();
  await figure.scrollIntoViewIfNeeded();
  const { texts } = await measure(figure);
  expect(Math.min(...texts.map((t) => t.px))).toBeGreaterThanOrEqual(12);
  const canvas = figure.locator('.kb-diagram__scroll');
  await expect.poll(() => canvas.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await expect(canvas).toHaveAttribute('tabindex', '0');
  await canvas.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => canvas.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});
