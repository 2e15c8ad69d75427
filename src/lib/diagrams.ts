/**
 * Mermaid diagrams drawn at build time: the page ships an SVG and a text version, no script.
 *
 * Mermaid's own parser checks the source (contributors get Mermaid's error message and line);
 * beautiful-mermaid lays the flowchart out and writes the SVG without a browser. Drawing in the
 * reader's browser (astro-mermaid) cost every article ≈ 200 KB of JavaScript gzip.
 */
import { parseMermaid, renderMermaidSVG } from 'beautiful-mermaid';
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent, Root } from 'hast';

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
  const groups = graph.subgraphs.map((sub) => `${group} ${sub.label}: ${sub.nodeIds.map(label).join(lang === 'zh-CN' ? '、' : ', ')}`);
  return [...edges, ...groups];
}

function prefixIds(node: Element | Root, prefix: string) {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const props = child.properties;
    if (typeof props.id === 'string') props.id = `${prefix}-${props.id}`;
    for (const [key, value] of Object.entries(props)) {
      if (typeof value === 'string' && value.includes('url(#')) props[key] = value.replaceAll('url(#', `url(#${prefix}-`);
    }
    prefixIds(child, prefix);
  }
}

/**
 * The diagram as a `<figure>`: the SVG (colours from the site's theme via CSS variables in
 * site.css, ids prefixed so several diagrams can share a page) and a collapsible text version
 * for screen readers, search and readers who prefer words.
 */
export function renderDiagram(source: string, lang: DiagramLanguage, idPrefix: string): Element {
  const tree = fromHtml(renderMermaidSVG(source), { fragment: true, space: 'svg' });
  const svg = tree.children.find((c): c is Element => c.type === 'element' && c.tagName === 'svg');
  if (!svg) throw new Error('Mermaid: the renderer returned no SVG');
  // The renderer's <style> would load Inter from Google Fonts and style every <svg> on the page.
  svg.children = svg.children.filter((c) => !(c.type === 'element' && c.tagName === 'style'));
  prefixIds(svg, idPrefix);
  const { width, height, viewBox } = svg.properties;
  svg.properties = { viewBox, width, height, role: 'img', ariaLabel: TEXT[lang].figure, dataPagefindIgnore: '' };
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
