/**
 * Lays a Mermaid flowchart out with dagre, the layered layout Mermaid itself uses: ranks follow
 * the declared direction from the start node, edges that close a cycle are drawn back as loops,
 * edge labels get room of their own. Pure (no DOM): label widths are estimated (text-width.ts).
 */
import { parseMermaid, type MermaidGraph } from 'beautiful-mermaid';
import { layout } from 'dagre-d3-es/src/dagre/index.js';
import { Graph } from 'dagre-d3-es/src/graphlib/index.js';
import { textWidthEm } from './text-width.ts';

/** Label sizes in px; the drawing is never shrunk (site.css), so they are the sizes readers see. */
export const FONT_SIZE = 16;
export const EDGE_FONT_SIZE = 15;
/** Mermaid's node shapes (rectangle, diamond, circle, …), as beautiful-mermaid's parser names them. */
type NodeShape = (MermaidGraph['nodes'] extends Map<string, infer N> ? N : never)['shape'];

const LINE_HEIGHT = 1.3;
const MAX_LABEL_WIDTH = 9 * FONT_SIZE;
const PAD = { x: 14, y: 10 };

export interface Point {
  x: number;
  y: number;
}
export interface Box extends Point {
  /** Centre x, y (as dagre gives them), width and height. */
  width: number;
  height: number;
}
export interface LaidNode extends Box {
  id: string;
  lines: string[];
  shape: NodeShape;
}
export interface LaidEdge {
  source: string;
  target: string;
  points: Point[];
  label?: { lines: string[]; box: Box };
}
export interface LaidGroup extends Box {
  id: string;
  label: string;
}
export interface DiagramLayout {
  width: number;
  height: number;
  nodes: LaidNode[];
  edges: LaidEdge[];
  groups: LaidGroup[];
}

/** Greedy word wrap at `max` px; text without spaces (Chinese labels are short) stays on one line. */
export function wrapLabel(text: string, fontSize: number, max = MAX_LABEL_WIDTH): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && textWidthEm(`${last} ${word}`) * fontSize <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}

function labelSize(lines: string[], fontSize: number) {
  return { width: Math.max(...lines.map((l) => textWidthEm(l))) * fontSize, height: lines.length * fontSize * LINE_HEIGHT };
}

/** A box around the label, shaped: a decision's rhombus is 1.6 × as wide and twice as tall as its text. */
function nodeSize(lines: string[], shape: NodeShape) {
  const text = labelSize(lines, FONT_SIZE);
  const width = text.width + 2 * PAD.x;
  const height = text.height + 2 * PAD.y;
  if (shape === 'diamond') return { width: text.width * 1.6 + 2 * PAD.x, height: text.height * 2 + 2 * PAD.y };
  if (shape === 'circle' || shape === 'doublecircle') return { width: Math.max(width, height), height: Math.max(width, height) };
  return { width, height };
}

/** Where the line from a node's centre towards `toward` leaves its outline. */
export function outlinePoint(node: LaidNode, toward: Point): Point {
  const dx = toward.x - node.x;
  const dy = toward.y - node.y;
  if (!dx && !dy) return { x: node.x, y: node.y };
  const a = node.width / 2;
  const b = node.height / 2;
  const t = node.shape === 'diamond' ? 1 / (Math.abs(dx) / a + Math.abs(dy) / b) : Math.min(dx ? a / Math.abs(dx) : Infinity, dy ? b / Math.abs(dy) : Infinity);
  return { x: node.x + dx * t, y: node.y + dy * t };
}

/** Room above a group's boxes for its name. */
const GROUP_LABEL = FONT_SIZE * LINE_HEIGHT + 8;
const MARGIN = 4;

/**
 * An edge back to the node just before it (M → N → M) would run beside its twin: it leaves and
 * re-enters on the side instead, as a loop, so the two arrows stay distinct.
 */
function sideLoop(source: LaidNode, target: LaidNode, horizontal: boolean): Point[] {
  if (horizontal) {
    const y = Math.max(source.y + source.height / 2, target.y + target.height / 2) + 24;
    return [outlinePoint(source, { x: source.x, y }), { x: source.x, y }, { x: target.x, y }, outlinePoint(target, { x: target.x, y })];
  }
  const x = Math.max(source.x + source.width / 2, target.x + target.width / 2) + 24;
  return [outlinePoint(source, { x, y: source.y }), { x, y: source.y }, { x, y: target.y }, outlinePoint(target, { x, y: target.y })];
}

/** Moves everything so the drawing starts at the margin, and measures it. */
function normalise(laid: Omit<DiagramLayout, 'width' | 'height'>): DiagramLayout {
  const boxes: Box[] = [...laid.nodes, ...laid.groups, ...laid.edges.flatMap((e) => (e.label ? [e.label.box] : []))];
  const points = [
    ...boxes.flatMap((b) => [
      { x: b.x - b.width / 2, y: b.y - b.height / 2 },
      { x: b.x + b.width / 2, y: b.y + b.height / 2 },
    ]),
    ...laid.edges.flatMap((e) => e.points),
  ];
  const minX = Math.min(...points.map((p) => p.x)) - MARGIN;
  const minY = Math.min(...points.map((p) => p.y)) - MARGIN;
  const move = <T extends Point>(p: T): T => ({ ...p, x: p.x - minX, y: p.y - minY });
  const nodes = laid.nodes.map(move);
  const groups = laid.groups.map(move);
  const edges = laid.edges.map((e) => ({ ...e, points: e.points.map(move), ...(e.label && { label: { ...e.label, box: move(e.label.box) } }) }));
  const width = Math.ceil(Math.max(...points.map((p) => p.x)) - minX + MARGIN);
  const height = Math.ceil(Math.max(...points.map((p) => p.y)) - minY + MARGIN);
  return { width, height, nodes, edges, groups };
}

const RANKDIR = { TD: 'TB', TB: 'TB', BT: 'BT', LR: 'LR', RL: 'RL' } as const;

interface DagreBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Parses and lays out a flowchart. */
export function layoutDiagram(source: string): DiagramLayout {
  const graph: MermaidGraph = parseMermaid(source);
  const g = new Graph({ multigraph: true, compound: graph.subgraphs.length > 0 });
  g.setGraph({ rankdir: RANKDIR[graph.direction], nodesep: 28, ranksep: 44, edgesep: 20, marginx: 4, marginy: 4 });
  g.setDefaultEdgeLabel(() => ({}));
  const lines = new Map([...graph.nodes.values()].map((n) => [n.id, wrapLabel(n.label, FONT_SIZE)]));
  for (const node of graph.nodes.values()) g.setNode(node.id, nodeSize(lines.get(node.id)!, node.shape));
  const groups = graph.subgraphs.flatMap(function flat(s): MermaidGraph['subgraphs'] {
    return [s, ...s.children.flatMap(flat)];
  });
  for (const group of groups) {
    g.setNode(group.id, {});
    for (const id of group.nodeIds) g.setParent(id, group.id);
    for (const child of group.children) g.setParent(child.id, group.id);
  }
  const edgeLines = graph.edges.map((e) => (e.label ? wrapLabel(e.label, EDGE_FONT_SIZE) : undefined));
  graph.edges.forEach((edge, i) => {
    const label = edgeLines[i] && labelSize(edgeLines[i], EDGE_FONT_SIZE);
    g.setEdge(edge.source, edge.target, label ? { width: label.width + 8, height: label.height + 4, labelpos: 'c' } : {}, String(i));
  });
  layout(g, {});

  const nodes: LaidNode[] = [...graph.nodes.values()].map((n) => ({
    id: n.id,
    shape: n.shape,
    lines: lines.get(n.id)!,
    ...(g.node(n.id) as DagreBox),
  }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const horizontal = graph.direction === 'LR' || graph.direction === 'RL';
  const edges: LaidEdge[] = graph.edges.map((edge, i) => {
    const source = byId.get(edge.source)!;
    const target = byId.get(edge.target)!;
    const twin = graph.edges.findIndex((e) => e.source === edge.target && e.target === edge.source);
    if (twin >= 0 && !edge.label && !graph.edges[twin]!.label) {
      // The first of the pair runs straight, the second loops round the side.
      const points = twin < i ? sideLoop(source, target, horizontal) : [outlinePoint(source, target), outlinePoint(target, source)];
      return { source: edge.source, target: edge.target, points };
    }
    const laid = g.edge(edge.source, edge.target, String(i)) as { points: Point[]; x?: number; y?: number; width?: number; height?: number };
    const inner = laid.points.slice(1, -1);
    const points = [outlinePoint(source, inner[0] ?? target), ...inner, outlinePoint(target, inner.at(-1) ?? source)];
    const lines = edgeLines[i];
    const label = lines && laid.x !== undefined ? { lines, box: { x: laid.x, y: laid.y!, width: laid.width!, height: laid.height! } } : undefined;
    return { source: edge.source, target: edge.target, points, ...(label && { label }) };
  });
  const laidGroups: LaidGroup[] = groups.map((s) => {
    const box = g.node(s.id) as DagreBox;
    return { id: s.id, label: s.label, ...box, y: box.y - GROUP_LABEL / 2, height: box.height + GROUP_LABEL };
  });
  return normalise({ nodes, edges, groups: laidGroups });
}
