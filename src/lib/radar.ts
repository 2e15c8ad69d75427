/**
 * A small radar (spider) chart as an SVG string: one axis per value (0…max), grid rings,
 * the value polygon and optional range polygon. Pure: no DOM; labels are escaped.
 */

export interface RadarAxis {
  /** Axis label, shown at the tip of the axis. */
  label: string;
  /** Value on the axis, clamped to 0…max. */
  value: number;
  /** Optional upper end of an uncertainty range (drawn as a second, dashed polygon). */
  high?: number;
}

export interface RadarOptions {
  /** Accessible name of the chart (aria-label). */
  title: string;
  max?: number;
  /** Width and height of the drawing area in SVG units (the SVG scales to its container). */
  size?: number;
  /** Values where grid rings are drawn. */
  rings?: number[];
}

const escapeText = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const r1 = (v: number) => Math.round(v * 10) / 10;

/** Point of axis `i` of `n` at distance `r` from the centre; axis 0 points straight up, clockwise. */
export function radarPoint(i: number, n: number, r: number, cx: number, cy: number): { x: number; y: number } {
  const angle = (2 * Math.PI * i) / n - Math.PI / 2;
  return { x: r1(cx + r * Math.cos(angle)), y: r1(cy + r * Math.sin(angle)) };
}

/** Splits a label at spaces into lines of about `width` characters (CJK labels stay whole). */
export function labelLines(label: string, width = 11): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [label];
}

const clamp = (v: number, max: number) => (Number.isFinite(v) ? Math.min(max, Math.max(0, v)) : 0);

/** The chart as an SVG string with role="img" and an aria-label. Needs at least three axes. */
export function radarChart(axes: RadarAxis[], options: RadarOptions): string {
  if (axes.length < 3) throw new Error('a radar chart needs at least three axes');
  const { title, max = 100, size = 320, rings = [25, 50, 75, 100] } = options;
  // Room for the labels (up to two lines, large on phones: site.css): wide at the sides.
  const padX = 150;
  const padY = 72;
  const width = size + 2 * padX;
  const height = size + 2 * padY;
  const cx = width / 2;
  const c = height / 2;
  const radius = size / 2;
  const n = axes.length;
  const at = (i: number, v: number) => radarPoint(i, n, (clamp(v, max) / max) * radius, cx, c);
  const polygon = (values: number[]) =>
    values
      .map((v, i) => at(i, v))
      .map((p) => `${p.x},${p.y}`)
      .join(' ');
  const grid = rings
    .filter((ring) => ring > 0 && ring <= max)
    .map((ring) => `<polygon class="kb-radar__ring" points="${polygon(axes.map(() => ring))}" fill="none"/>`);
  const spokes = axes.map((_, i) => {
    const p = at(i, max);
    return `<line class="kb-radar__spoke" x1="${cx}" y1="${c}" x2="${p.x}" y2="${p.y}"/>`;
  });
  const labels = axes.map((axis, i) => {
    const p = radarPoint(i, n, radius + 14, cx, c);
    const anchor = Math.abs(p.x - cx) < 1 ? 'middle' : p.x > cx ? 'start' : 'end';
    const lines = labelLines(axis.label);
    // Line offsets in em so they follow the font size: labels above the chart grow upwards,
    // below it downwards, at the sides around the tip of the axis.
    const place = p.y < c - radius / 2 ? 'above' : p.y > c + radius / 2 ? 'below' : 'side';
    const first = place === 'above' ? -0.3 - 1.2 * (lines.length - 1) : place === 'below' ? 1 : 0.35 - 0.6 * (lines.length - 1);
    const spans = lines.map((line, k) => `<tspan x="${p.x}" dy="${r1(k === 0 ? first : 1.2)}em">${escapeText(line)}</tspan>`).join('');
    return `<text class="kb-radar__label" x="${p.x}" y="${p.y}" text-anchor="${anchor}">${spans}</text>`;
  });
  const hasRange = axes.some((a) => a.high !== undefined && a.high > a.value);
  const range = hasRange ? `<polygon class="kb-radar__range" points="${polygon(axes.map((a) => Math.max(a.value, a.high ?? a.value)))}"/>` : '';
  const dots = axes.map((a, i) => {
    const p = at(i, a.value);
    return `<circle class="kb-radar__dot" cx="${p.x}" cy="${p.y}" r="4"/>`;
  });
  return [
    `<svg class="kb-radar" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeText(title)}">`,
    ...grid,
    ...spokes,
    range,
    `<polygon class="kb-radar__value" points="${polygon(axes.map((a) => a.value))}"/>`,
    ...dots,
    ...labels,
    '</svg>',
  ].join('');
}
