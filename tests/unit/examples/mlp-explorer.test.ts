import { describe, expect, it } from 'vitest';
import { mlpBatchDetails, mlpExampleData, parameterNames, plotBox } from '../../../src/lib/examples/mlp-explorer.ts';
import { createMlpTrainer, initMlp, mlpBatchGradients, predictGrid, XOR_DATA, type MlpParams } from '../../../src/lib/examples/mlp.ts';
import { grayImage, probabilityColour, regionChart } from '../../../src/lib/examples/region-chart.ts';
import { render } from './dom.ts';
import { expectAllClose } from './helpers.ts';

describe('mlpExampleData', () => {
  it('gives the XOR points (a copy) or 200 seeded moons', () => {
    const xor = mlpExampleData('xor');
    expect(xor).toEqual(XOR_DATA);
    xor.points[0]![0] = 9;
    expect(XOR_DATA.points[0]![0]).toBe(0);
    const moons = mlpExampleData('moons', { noise: 0.2, seed: 4 });
    expect(moons.points).toHaveLength(200);
    expect(mlpExampleData('moons', { noise: 0.2, seed: 4 })).toEqual(moons);
  });
});

describe('mlpBatchDetails (article 001 §3.2–3.3 for one batch)', () => {
  const data = mlpExampleData('moons', { seed: 2 });
  const params = initMlp(3, [2, 5, 1]);
  const indices = [4, 17, 80, 81, 150];

  it('forward values are a hand-written 2-5-1 tanh network', () => {
    const d = mlpBatchDetails(params, data, 'tanh', indices);
    d.samples.forEach((s, k) => {
      const x = data.points[indices[k]!]!;
      const [L1, L2] = params as [MlpParams[0], MlpParams[0]];
      const z1 = L1.W.map((row, j) => row[0]! * x[0]! + row[1]! * x[1]! + L1.b[j]!);
      const a1 = z1.map(Math.tanh);
      const z2 = L2.W[0]!.reduce((s2, w, j) => s2 + w * a1[j]!, L2.b[0]!);
      const yHat = 1 / (1 + Math.exp(-z2));
      const y = data.labels[indices[k]!]!;
      expect(s.index).toBe(indices[k]);
      expect(s.y).toBe(y);
      expectAllClose(s.zs[0]!, z1, 1e-14);
      expectAllClose(s.activations[0]!, a1, 1e-14);
      expect(s.yHat).toBeCloseTo(yHat, 14);
      expect(s.loss).toBeCloseTo(-(y * Math.log(yHat) + (1 - y) * Math.log(1 - yHat)), 12);
    });
    expect(d.loss).toBeCloseTo(d.samples.reduce((s, v) => s + v.loss, 0) / indices.length, 14);
  });

  it('the gradients are the batch mean of mlpBatchGradients and match finite differences', () => {
    const d = mlpBatchDetails(params, data, 'sigmoid', indices);
    const ref = mlpBatchGradients(params, data, 'sigmoid', indices);
    expect(d.grads).toEqual(ref.grads);
    const h = 1e-6;
    const loss = (p: MlpParams) => mlpBatchGradients(p, data, 'sigmoid', indices).loss;
    let i = 0;
    params.forEach((layer, l) => {
      const bump = (mutate: (p: MlpParams, dlt: number) => void) => {
        const plus = structuredClone(params);
        const minus = structuredClone(params);
        mutate(plus, h);
        mutate(minus, -h);
        return (loss(plus) - loss(minus)) / (2 * h);
      };
      layer.W.forEach((row, j) =>
        row.forEach((_, k) =>
          expect(d.flat[i++]!).toBeCloseTo(
            bump((p, dl) => (p[l]!.W[j]![k]! += dl)),
            8,
          ),
        ),
      );
      layer.b.forEach((_, j) =>
        expect(d.flat[i++]!).toBeCloseTo(
          bump((p, dl) => (p[l]!.b[j]! += dl)),
          8,
        ),
      );
    });
    expect(i).toBe(d.flat.length);
  });

  it('the first trainer step uses exactly these gradients', () => {
    const trainer = createMlpTrainer({ data, sizes: [2, 4, 1], lr: 0.5, batchSize: 32, seed: 1 });
    const before = trainer.params();
    const step = trainer.step();
    const d = mlpBatchDetails(before, data, 'tanh', step.indices);
    expect(d.loss).toBeCloseTo(step.batchLoss, 14);
    expectAllClose(
      step.params[0]!.b,
      before[0]!.b.map((b, j) => b - 0.5 * d.grads[0]!.b[j]!),
      1e-15,
    );
  });
});

describe('parameterNames / plotBox', () => {
  it('names the 17 parameters of a 2-4-1 network in flattenLayers order', () => {
    const names = parameterNames(initMlp(1, [2, 4, 1]));
    expect(names).toHaveLength(17);
    expect(names.slice(0, 3)).toEqual(['W¹[1,1]', 'W¹[1,2]', 'W¹[2,1]']);
    expect(names.slice(8, 12)).toEqual(['b¹[1]', 'b¹[2]', 'b¹[3]', 'b¹[4]']);
    expect(names.slice(12)).toEqual(['W²[1,1]', 'W²[1,2]', 'W²[1,3]', 'W²[1,4]', 'b²[1]']);
  });
  it('pads the data range', () => {
    expect(plotBox(XOR_DATA, 0.25)).toEqual({ xMin: -0.25, xMax: 1.25, yMin: -0.25, yMax: 1.25 });
  });
});

describe('regionChart', () => {
  it('colours 0 blue, 0.5 light and 1 orange, clamping the rest', () => {
    expect(probabilityColour(0)).toBe('rgb(37,99,235)');
    expect(probabilityColour(0.5)).toBe('rgb(236,236,236)');
    expect(probabilityColour(1)).toBe('rgb(234,88,12)');
    expect(probabilityColour(2)).toBe(probabilityColour(1));
    expect(probabilityColour(Number.NaN)).toBe(probabilityColour(0.5));
  });
  it('draws one cell per grid value and one dot per point, at the size it is shown', () => {
    const params = initMlp(1);
    const box = plotBox(XOR_DATA);
    const grid = predictGrid(params, box, 12);
    const el = render(regionChart({ grid, box, points: XOR_DATA.points, labels: XOR_DATA.labels, xLabel: 'x₁ <&>', yLabel: 'x₂', width: 320 }));
    // 144 cells (one sub-path each), grouped into one path per colour level.
    const svg = el.outerHTML;
    expect(svg.match(/M[\d.]+,[\d.]+h/g)).toHaveLength(144);
    const fills = [...el.querySelectorAll('.kb-region-cells path')].map((p) => p.getAttribute('fill'));
    expect(new Set(fills).size).toBe(fills.length);
    expect(fills.length).toBeLessThanOrEqual(21);
    const expected = new Set(grid.flat().map((p) => probabilityColour(Math.round(p * 20) / 20)));
    expect(new Set(fills)).toEqual(expected);
    expect(el.querySelectorAll('circle')).toHaveLength(4);
    expect(el.getAttribute('width')).toBe('320');
    expect(el.getAttribute('viewBox')).toBe(`0 0 320 ${el.getAttribute('height')}`);
    expect(el.querySelector('.axis-label')!.textContent).toBe('x₁ <&>');
    expect(svg).not.toMatch(/NaN|undefined/);
  });
});

describe('grayImage', () => {
  it('draws each non-black pixel once, grouped by grey level', () => {
    const rows = [
      [0, 1, 0.5],
      [1, 0, 0.52],
    ];
    const el = render(grayImage(rows, { pixel: 2, levels: 4 }));
    expect(el.getAttribute('viewBox')).toBe('0 0 6 4');
    expect(el.outerHTML.match(/M\d+,\d+h/g)).toHaveLength(4);
    const paths = Object.fromEntries([...el.querySelectorAll('path')].map((p) => [p.getAttribute('fill'), p.getAttribute('d')]));
    // 0.5 and 0.52 both round to level 2 of 4 (grey 128); 1 is white.
    expect(paths).toEqual({ 'rgb(128,128,128)': 'M4,0h2v2h-2zM4,2h2v2h-2z', 'rgb(255,255,255)': 'M2,0h2v2h-2zM0,2h2v2h-2z' });
  });
});
