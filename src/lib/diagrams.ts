/**
 * Mermaid diagrams drawn at build time: the page ships an SVG and a text version, no script.
 *
 * Mermaid's own parser checks the source (contributors get Mermaid's error message and line);
 * beautiful-mermaid's parser reads the graph, dagre — Mermaid's own layout — places it
 * (diagram-layout.ts) and the SVG is built here, without a browser. Drawing in the reader's
 * browser (astro-mermaid) cost every article ≈ 200 KB of JavaScript gzip; beautiful-mermaid's
 * own layout (ELK) drew the cycles of the hype-to-rationality diagram upwards, above its start.
 */
import { parseMermaid } from 'beautiful-mermaid';
import type { Element, ElementContent, Properties } from 'hast';
import { EDGE_FONT_SIZE, FONT_SIZE, layoutDiagram, type Box, type LaidEdge, type LaidGroup, type LaidNode } from './diagram-layout.ts';

export type DiagramLanguage = 'zh-CN' | 'en';

const TEXT = {
  'zh-CN': { figure: '流程图（文字版见下方）', summary: '流程图文字版', group: '分组' },
  en: { figure: 'Flowchart (text version below)', summary: 'Flowchart as text', group: 'Group' },
} as const;

/**
 * Mermaid sanitises labels with DOMPurify, which binds to `window` when it is first loaded:
 * Node has none, so a linkedom window stands in while Mermaid loads and is removed again so
 * nothing else mistakes Node for a browser. Loaded once, when the site's config imports this
 * module (top-level await), before any page is built, so no other work can see that window.
 */
async function loadMermaid() {
  const { parseHTML } = await import('linkedom');
  const scope = globalThis as { window?: unknown };
  const hadWindow = 'window' in scope;
  if (!hadWindow) scope.window = parseHTML('<!doctype html><html><body></body></html>');
  try {
    return (await import('mermaid')).default;
  } finally {
    if (!hadWindow) delete scope.window;
  }
}
const mermaid = await loadMermaid();

/** Mermaid's diagram types the site draws: flowcharts (`graph` / `flowchart`), with their text version. */
const DRAWN_TYPES = new Set(['flowchart', 'flowchart-v2', 'flowchart-elk']);

/**
 * Throws Mermaid's own error (its message, and the line in `hash.loc`) when the source is not a
 * valid diagram, and a plain one for a valid diagram of a type the site does not draw.
 */
export async function checkMermaid(source: string): Promise<void> {
  const { diagramType } = (await mermaid.parse(source)) as { diagramType: string };
  if (!DRAWN_TYPES.has(diagramType)) {
    throw new Error(`this is a "${diagramType}" diagram; the site draws flowcharts only (graph TD, flowchart LR, …)`);
  }
}

/** One line per arrow, in source order: "A → B", "A →（是）B" / "A → (yes) B", then the groups. */
export function diagramOutline(source: string, lang: DiagramLanguage): string[] {
  const graph = parseMermaid(source);
  const label = (id: string) => graph.nodes.get(id)?.label ?? id;
  const { group } = TEXT[lang];
  const edges = graph.edges.map((edge) => {
    const via = edge.label ? (lang === 'zh-CN' ? `（${edge.label}）` : ` (${edge.label}) `) : ' ';
    return `${label(edge.source)} →${via}${label(edge.target)}`.replace(/ +/g, ' ');
  });
  const [colon, comma] = lang === 'zh-CN' ? ['：', '、'] : [': ', ', '];
  const groups = graph.subgraphs.map((sub) => `${group} ${sub.label}${colon}${sub.nodeIds.map(label).join(comma)}`);
  return [...edges, ...groups];
}

const el = (tagName: string, properties: Properties, children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties, children });
/** Coordinates to one decimal, as attribute text. */
const round = (n: number) => String(Math.round(n * 10) / 10);

/** Lines of text centred on (x, y). */
function label(lines: string[], x: number, y: number, size: number, className: string): Element {
  const first = y - ((lines.length - 1) * size * 1.3) / 2;
  return el(
    'text',
    { className: [className], x: round(x), y: round(first), fontSize: String(size), textAnchor: 'middle', dominantBaseline: 'central' },
    lines.map((line, i) => el('tspan', { x: round(x), dy: i ? `${1.3}em` : '0' }, [{ type: 'text', value: line }])),
  );
}

function shape(node: LaidNode): Element {
  const { x, y, width: w, height: h } = node;
  if (node.shape === 'diamond') {
    const corners = [
      [x, y - h / 2],
      [x + w / 2, y],
      [x, y + h / 2],
      [x - w / 2, y],
    ];
    return el('polygon', { points: corners.map(([px, py]) => `${round(px!)},${round(py!)}`).join(' ') });
  }
  if (node.shape === 'circle' || node.shape === 'doublecircle') return el('circle', { cx: round(x), cy: round(y), r: round(w / 2) });
  const radius = node.shape === 'stadium' ? h / 2 : node.shape === 'rounded' ? 10 : 4;
  return el('rect', { x: round(x - w / 2), y: round(y - h / 2), width: round(w), height: round(h), rx: round(radius) });
}

const boxRect = (b: Box, rx: string) =>
  el('rect', { x: round(b.x - b.width / 2), y: round(b.y - b.height / 2), width: round(b.width), height: round(b.height), rx });

function nodeElement(node: LaidNode): Element {
  return el('g', { className: ['kb-diagram__node'], dataNode: node.id }, [shape(node), label(node.lines, node.x, node.y, FONT_SIZE, 'kb-diagram__label')]);
}

function edgeElement(edge: LaidEdge, marker: string): Element {
  const d = edge.points.map((p, i) => `${i ? 'L' : 'M'}${round(p.x)} ${round(p.y)}`).join(' ');
  const children: Element[] = [el('path', { d, markerEnd: `url(#${marker})` })];
  if (edge.label) {
    const { box, lines } = edge.label;
    children.push(el('g', { className: ['kb-diagram__edge-label'] }, [boxRect(box, '3'), label(lines, box.x, box.y, EDGE_FONT_SIZE, 'kb-diagram__label')]));
  }
  return el('g', { className: ['kb-diagram__edge'], dataFrom: edge.source, dataTo: edge.target }, children);
}

function groupElement(group: LaidGroup): Element {
  const top = group.y - group.height / 2;
  const name = el(
    'text',
    {
      className: ['kb-diagram__group-label'],
      x: round(group.x - group.width / 2 + 10),
      y: round(top + 6),
      fontSize: String(FONT_SIZE),
      dominantBaseline: 'hanging',
    },
    [{ type: 'text', value: group.label }],
  );
  return el('g', { className: ['kb-diagram__group'] }, [boxRect(group, '6'), name]);
}

/** The flowchart as an SVG element; colours come from the site's theme (site.css). */
export function diagramSvg(source: string, lang: DiagramLanguage, idPrefix: string): Element {
  const laid = layoutDiagram(source);
  const marker = `${idPrefix}-arrow`;
  const arrow = el('marker', { id: marker, viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '8', markerHeight: '8', orient: 'auto-start-reverse' }, [
    el('path', { d: 'M0 0 L10 5 L0 10 z', className: ['kb-diagram__arrow'] }),
  ]);
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${laid.width} ${laid.height}`,
      width: laid.width,
      height: laid.height,
      role: 'img',
      ariaLabel: TEXT[lang].figure,
      dataPagefindIgnore: '',
    },
    [el('defs', {}, [arrow]), ...laid.groups.map(groupElement), ...laid.edges.map((e) => edgeElement(e, marker)), ...laid.nodes.map(nodeElement)],
  );
}

/**
 * The diagram as a `<figure>`: the SVG (ids prefixed so several diagrams can share a page) and a collapsible text version
 * for screen readers, search and readers who prefer words.
 */
export function renderDiagram(source: string, lang: DiagramLanguage, idPrefix: string): Element {
  const svg = diagramSvg(source, lang, idPrefix);
  const { width } = svg.properties;
  // Narrow screens scroll the drawing sideways rather than shrink its labels out of reach (site.css).
  const canvas: Element = {
    type: 'element',
    tagName: 'div',
    properties: { className: ['kb-diagram__scroll'], style: `--kb-diagram-width: ${width}px` },
    children: [svg],
  };

  const items: ElementContent[] = diagramOutline(source, lang).map((line) => ({
    type: 'element',
    tagName: 'li',
    properties: {},
    children: [{ type: 'text', value: line }],
  }));
  const details: Element = {
    type: 'element',
    tagName: 'details',
    properties: {},
    children: [
      { type: 'element', tagName: 'summary', properties: {}, children: [{ type: 'text', value: TEXT[lang].summary }] },
      { type: 'element', tagName: 'ul', properties: {}, children: items },
    ],
  };
  return { type: 'element', tagName: 'figure', properties: { className: ['kb-diagram'] }, children: [canvas, details] };
}
