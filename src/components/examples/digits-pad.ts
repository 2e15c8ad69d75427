/**
 * The digit classifier's canvases: painting 28×28 digits, inking a test digit onto the pad, the
 * pad's pointer drawing, and the prediction with its ten probabilities.
 */
import { SIDE, toRgba } from '../../lib/examples/digits.ts';
import { h, type VNode } from '../../lib/examples/element.ts';
import type { Msg } from './messages.ts';
import { num } from './runtime.ts';

/** Draws a 28×28 image (values in [0, 1]) into a canvas context at (x, y), `scale` canvas pixels per image pixel. */
export function paintDigit(ctx: CanvasRenderingContext2D, image: ArrayLike<number>, x = 0, y = 0, scale = 1) {
  const tile = new ImageData(toRgba(image) as Uint8ClampedArray<ArrayBuffer>, SIDE, SIDE);
  if (scale === 1) {
    ctx.putImageData(tile, x, y);
    return;
  }
  const tmp = document.createElement('canvas');
  tmp.width = SIDE;
  tmp.height = SIDE;
  tmp.getContext('2d')!.putImageData(tile, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(tmp, x, y, SIDE * scale, SIDE * scale);
}

/** Puts a test digit on the pad as ink (alpha = grey level), blown up to fill the pad. */
export function inkDigit(pad: HTMLCanvasElement, image: ArrayLike<number>) {
  const ctx = pad.getContext('2d')!;
  ctx.clearRect(0, 0, pad.width, pad.height);
  const scale = Math.floor(Math.min(pad.width, pad.height) / SIDE);
  const rgba = new Uint8ClampedArray(pad.width * pad.height * 4);
  for (let y = 0; y < SIDE * scale; y++) {
    for (let x = 0; x < SIDE * scale; x++) {
      const v = image[Math.floor(y / scale) * SIDE + Math.floor(x / scale)]!;
      rgba[(y * pad.width + x) * 4 + 3] = Math.round(v * 255);
    }
  }
  ctx.putImageData(new ImageData(rgba, pad.width, pad.height), 0, 0);
}

type Point = { x: number; y: number };

/** Lets the reader write on `pad` with a mouse, a finger or a pen; `onLift` runs when a stroke ends. */
export function wireDrawing(pad: HTMLCanvasElement, onLift: () => void) {
  const ctx = pad.getContext('2d')!;
  let last: Point | null = null;
  const at = (e: PointerEvent): Point => {
    const r = pad.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * pad.width) / r.width, y: ((e.clientY - r.top) * pad.height) / r.height };
  };
  const stroke = (from: Point, to: Point) => {
    Object.assign(ctx, { strokeStyle: '#000', fillStyle: '#000', lineWidth: 22, lineCap: 'round', lineJoin: 'round' });
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
  };
  pad.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    pad.setPointerCapture(e.pointerId);
    last = at(e);
    stroke(last, last);
  });
  pad.addEventListener('pointermove', (e) => {
    if (!last) return;
    const p = at(e);
    stroke(last, p);
    last = p;
  });
  const end = () => {
    if (!last) return;
    last = null;
    onLift();
  };
  pad.addEventListener('pointerup', end);
  pad.addEventListener('pointercancel', end);
}

/** The ten probabilities as a table of bars, the predicted digit highlighted. */
export function probabilitiesTable(msg: Msg, result: { digit: number; probabilities: number[] }): VNode {
  return h(
    'table',
    { class: 'kb-digits__probs' },
    h('caption', { class: 'sr-only' }, msg('examples.digit-classifier.probabilities')),
    h(
      'tbody',
      {},
      result.probabilities.map((q, d) =>
        h(
          'tr',
          { class: d === result.digit ? 'kb-digits__top' : undefined },
          h('th', { scope: 'row' }, d),
          h('td', {}, h('span', { class: 'kb-digits__bar', style: `inline-size:${(q * 100).toFixed(1)}%` })),
          h('td', { 'data-prob': d }, `${num(q * 100, 1)}%`),
        ),
      ),
    ),
  );
}
