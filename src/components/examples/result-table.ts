/**
 * The result tables of the small formula examples (losses, activations, the update step): a
 * caption, one header row, body rows, and value cells that tests read by `data-value`.
 */
import { h, type Child, type VNode } from '../../lib/examples/element.ts';
import { num } from './runtime.ts';

/** A value as shown: 6 decimals, ∞ for an infinite loss, … while it is not computed yet. */
export const shown = (v: number | undefined) => (v === undefined ? '…' : v === Infinity ? '∞' : num(v, 6));
export const valueCell = (key: string, v: number | undefined) => h('td', { 'data-value': key }, shown(v));
/** A number as typed (no trailing zeros, no float noise). */
export const plain = (v: number) => String(Number(v.toPrecision(12)));
export const code = (text: string) => h('code', {}, text);

export function table(caption: Child, head: readonly Child[], rows: readonly VNode[]): VNode {
  return h(
    'table',
    {},
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        head.map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h('tbody', {}, rows),
  );
}
