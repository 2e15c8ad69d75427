/**
 * The one element builder of the examples: views describe HTML and SVG as plain trees (`h`), which
 * pure modules (charts) return and tests inspect without a DOM; `patch` brings a live element in
 * line with a tree, reusing the elements already there, so a chart redrawn every frame only
 * changes the attributes and text that moved. Text always becomes text nodes and attributes are
 * set one by one: nothing is parsed as markup.
 */

export type AttrValue = string | number | boolean | undefined;
export type Attrs = Readonly<Record<string, AttrValue>>;
export interface VNode {
  readonly tag: string;
  readonly attrs: Attrs;
  readonly children: readonly Node_[];
}
/** A child in a tree: an element or text. */
export type Node_ = VNode | string;
/** What `h` accepts as children: falsy values are dropped, numbers become text, arrays are flattened. */
export type Child = Node_ | number | null | undefined | false | readonly Child[];

const SVG_NS = 'http://www.w3.org/2000/svg';

function flatten(children: readonly Child[], out: Node_[] = []): Node_[] {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) flatten(child as readonly Child[], out);
    else out.push(typeof child === 'number' ? String(child) : (child as Node_));
  }
  return out;
}

/** An element of the tree. Attributes that are `undefined` or `false` are left out, `true` is present and empty. */
export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): VNode {
  return { tag, attrs, children: flatten(children) };
}

/** The text of a tree (what a screen reader would read), for tests and table captions. */
export function textOf(node: Node_): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

/** Every element of the tree (depth first) matching the predicate, for tests. */
export function findAll(node: Node_, test: (n: VNode) => boolean, out: VNode[] = []): VNode[] {
  if (typeof node === 'string') return out;
  if (test(node)) out.push(node);
  for (const child of node.children) findAll(child, test, out);
  return out;
}

function setAttrs(el: Element, attrs: Attrs): void {
  for (const name of [...el.getAttributeNames()]) {
    const v = attrs[name];
    if (v === undefined || v === false) el.removeAttribute(name);
  }
  for (const [name, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    const text = v === true ? '' : String(v);
    if (el.getAttribute(name) !== text) el.setAttribute(name, text);
  }
}

/** A live element (or text node) for a tree; SVG elements get the SVG namespace. */
export function create(doc: Document, node: Node_, svg = false): ChildNode {
  if (typeof node === 'string') return doc.createTextNode(node);
  const inSvg = svg || node.tag === 'svg';
  const el = inSvg ? doc.createElementNS(SVG_NS, node.tag) : doc.createElement(node.tag);
  setAttrs(el, node.attrs);
  for (const child of node.children) el.append(create(doc, child, inSvg && node.tag !== 'foreignObject'));
  return el;
}

/** Makes the children of `parent` equal to `nodes`, reusing existing elements of the same tag in the same place. */
export function patch(parent: Element, nodes: readonly Node_[]): void {
  const doc = parent.ownerDocument;
  const svg = parent.namespaceURI === SVG_NS && parent.localName !== 'foreignObject';
  nodes.forEach((node, i) => {
    const existing = parent.childNodes[i];
    if (typeof node === 'string') {
      if (existing?.nodeType === 3) {
        if (existing.nodeValue !== node) existing.nodeValue = node;
      } else if (existing) existing.replaceWith(doc.createTextNode(node));
      else parent.append(doc.createTextNode(node));
      return;
    }
    if (existing?.nodeType === 1 && (existing as Element).localName === node.tag) {
      setAttrs(existing as Element, node.attrs);
      patch(existing as Element, node.children);
    } else if (existing) existing.replaceWith(create(doc, node, svg));
    else parent.append(create(doc, node, svg));
  });
  while (parent.childNodes.length > nodes.length) parent.lastChild!.remove();
}
