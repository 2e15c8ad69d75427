/**
 * Small SVG charts for the examples, as markup strings: pure functions of numbers, so
 * they are tested directly and the islands only insert the result. Only numbers and
 * fixed labels reach the markup (labels are escaped anyway).
 */

export interface Series {
  /** Points in data coordinates. */
  points: { x: number; y: number }[];
  kind: 'line' | 'dots';
  /** CSS class that colours the series (see src/styles/site.css). */
  className: string;
  /** Accessible name of the series. */
  label: string;
}

export interface ChartOptions {
  width?: number;
  height?: number;
  /** Axis titles. */
  xLabel: string;
  yLabel: string;
  /** Accessible title of the whole chart. */
  title: string;
  /** Force the domain (else fitted to the data, padded by 5 %). */
  xDomain?: [number, number];
  yDomain?: [number, number];
}

export function extent(values: number[], pad = 0.05): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (!finite.length) return [0, 1];
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const margin = (hi - lo) * pad;
  return [lo - margin, hi + margin];
}

export function scale([d0, d1]: [number, number], [r0, r1]: [number, number]): (v: number) => number {
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** "Nice" round tick values covering the domain (about `count` of them). */
export function ticks([lo, hi]: [number, number], count = 5): number[] {
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

const escapeText = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const fmt = (v: number) => (Math.abs(v) >= 1000 || (Math.abs(v) < 0.01 && v !== 0) ? v.toExponential(1) : String(Number(v.toPrecision(3))));

export function chart(series: Series[], options: ChartOptions): string {
  const { width = 480, height = 300, xLabel, yLabel, title } = options;
  const margin = { left: 56, right: 12, top: 12, bottom: 40 };
  const all = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const xDomain = options.xDomain ?? extent(all.map((p) => p.x));
  const yDomain = options.yDomain ?? extent(all.map((p) => p.y));
  const sx = scale(xDomain, [margin.left, width - margin.right]);
  const sy = scale(yDomain, [height - margin.bottom, margin.top]);
  const inside = (p: { x: number; y: number }) => Number.isFinite(p.x) && Number.isFinite(p.y);
  const bottom = height - margin.bottom;
  const left = margin.left;
  const xTicks = ticks(xDomain).map((v) => {
    const x = sx(v);
    const label = `<text x="${x}" y="${bottom + 16}" text-anchor="middle">${fmt(v)}</text>`;
    return `<g class="tick"><line x1="${x}" x2="${x}" y1="${bottom}" y2="${bottom + 4}"/>${label}</g>`;
  });
  const yTicks = ticks(yDomain).map((v) => {
    const y = sy(v);
    const label = `<text x="${left - 6}" y="${y + 4}" text-anchor="end">${fmt(v)}</text>`;
    return `<g class="tick"><line x1="${left - 4}" x2="${left}" y1="${y}" y2="${y}"/>${label}</g>`;
  });
  const body = series.map((s) => {
    const pts = s.points.filter(inside);
    if (s.kind === 'line') {
      const d = pts.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join('');
      return `<path class="${s.className}" d="${d}" fill="none"><title>${escapeText(s.label)}</title></path>`;
    }
    const dots = pts.map((p) => `<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="4"/>`).join('');
    return `<g class="${s.className}"><title>${escapeText(s.label)}</title>${dots}</g>`;
  });
  return [
    `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeText(title)}" class="kb-chart">`,
    `<g clip-path="none">`,
    `<line class="axis" x1="${left}" x2="${width - margin.right}" y1="${bottom}" y2="${bottom}"/>`,
    `<line class="axis" x1="${left}" x2="${left}" y1="${margin.top}" y2="${bottom}"/>`,
    ...xTicks,
    ...yTicks,
    `<text class="axis-label" x="${(left + width - margin.right) / 2}" y="${height - 6}" text-anchor="middle">${escapeText(xLabel)}</text>`,
    `<text class="axis-label" transform="translate(14 ${(margin.top + bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeText(yLabel)}</text>`,
    ...body,
    `</g></svg>`,
  ].join('');
}
