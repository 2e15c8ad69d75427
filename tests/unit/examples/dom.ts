// Renders element trees of src/lib/examples/element.ts into a linkedom document, as the browser would.
import { parseHTML } from 'linkedom';
import { create, type Node_ } from '../../../src/lib/examples/element.ts';

export const { document } = parseHTML('<!doctype html><html><body></body></html>');

/** The live element of a tree. */
export const render = (node: Node_) => create(document as unknown as Document, node) as Element;
/** Its serialised markup. */
export const markup = (node: Node_) => render(node).outerHTML;
