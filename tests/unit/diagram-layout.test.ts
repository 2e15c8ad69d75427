import { describe, expect, it } from 'vitest';
import { layoutDiagram, outlinePoint, wrapLabel, type Box, type DiagramLayout } from '../../src/lib/diagram-layout.ts';

const overlap = (a: Box, b: Box) => Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;
const node = (laid: DiagramLayout, id: string) => laid.nodes.find((n) => n.id === id)!;

describe('diagram layout', () => {
  const cyclic = 'graph TB\nA[start] --> B{ok?}\nB -->|yes| C[ship]\nB -->|no| D[retry]\nD --> B\nC --> E[use]\nE --> F[tune]\nF --> E';

  it('ranks top-down from the start, drawing the edges that close a cycle back as loops', () => {
    const laid = layoutDiagram(cyclic);
    for (const [from, to] of ['AB', 'BC', 'BD', 'CE', 'EF']) expect(node(laid, to!).y).toBeGreaterThan(node(laid, from!).y);
    expect(Math.min(...laid.nodes.map((n) => n.y))).toBe(node(laid, 'A').y);
    // F → E loops round the side of its twin E → F instead of running beside it.
    const back = laid.edges.find((e) => e.source === 'F' && e.target === 'E')!;
    expect(Math.max(...back.points.map((p) => p.x))).toBeGreaterThan(node(laid, 'E').x + node(laid, 'E').width / 2);
  });

  it('keeps boxes and edge labels apart, and everything inside the drawing', () => {
    const laid = layoutDiagram(cyclic);
    const boxes: Box[] = [...laid.nodes, ...laid.edges.flatMap((e) => (e.label ? [e.label.box] : []))];
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
    for (const b of boxes) {
      expect(b.x - b.width / 2).toBeGreaterThanOrEqual(0);
      expect(b.y + b.height / 2).toBeLessThanOrEqual(laid.height);
    }
  });

  it('runs left to right when declared LR, with room for group names', () => {
    const laid = layoutDiagram('flowchart LR\nsubgraph g["Group"]\nA --> B\nend\nB --> C');
    expect(node(laid, 'B').x).toBeGreaterThan(node(laid, 'A').x);
    expect(node(laid, 'C').x).toBeGreaterThan(node(laid, 'B').x);
    const group = laid.groups[0]!;
    expect(group.y - group.height / 2).toBeLessThan(node(laid, 'A').y - node(laid, 'A').height / 2 - 20);
  });

  it('starts and ends edges on the outline of a decision rhombus', () => {
    const rhombus = { id: 'X', lines: ['?'], shape: 'diamond' as const, x: 0, y: 0, width: 100, height: 40 };
    expect(outlinePoint(rhombus, { x: 0, y: 100 })).toEqual({ x: 0, y: 20 });
    expect(outlinePoint(rhombus, { x: 100, y: 100 }).x).toBeCloseTo(100 / 7); // |x|/50 + |y|/20 = 1 on the diagonal
  });

  it('wraps long English labels at spaces and leaves Chinese ones whole', () => {
    expect(wrapLabel('Collect and clean the data used to train the model', 16).length).toBeGreaterThan(1);
    expect(wrapLabel('是否具备数据资源？', 16)).toEqual(['是否具备数据资源？']);
  });
});
