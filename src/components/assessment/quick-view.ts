/** The result of the quick scan: a provisional band with its range, and the way on to the full assessment. */
import { BAND_LABELS, minutesFor, type QuickScan } from '../../lib/assessment/index.ts';
import { el } from './dom.ts';
import { fmt } from './labels.ts';
import { pick, type ViewContext } from './view-context.ts';

export function renderProvisional(v: ViewContext, scan: QuickScan, openInFull: number): HTMLElement {
  const range =
    scan.bands.low === scan.bands.high
      ? pick(v, BAND_LABELS[scan.band])
      : v.t('assessment.quick.band-range', { low: pick(v, BAND_LABELS[scan.bands.low]), high: pick(v, BAND_LABELS[scan.bands.high]) });
  return el(
    'div',
    { class: `kb-assess__band kb-assess__band--${scan.band}`, 'data-provisional': scan.band },
    el('p', { class: 'kb-assess__band-label' }, v.t('assessment.quick.band'), ' ', el('strong', { 'data-band-label': '' }, pick(v, BAND_LABELS[scan.band]))),
    el(
      'p',
      {},
      v.t('assessment.report.backed'),
      ' ',
      el('strong', { 'data-overall-value': '' }, fmt(scan.overall)),
      ' / 100 ',
      el('span', { 'data-range': '' }, v.t('assessment.report.range', { low: fmt(scan.range.low), high: fmt(scan.range.high) })),
    ),
    el('p', { 'data-band-range': '' }, v.t('assessment.quick.range', { range })),
    el('p', {}, v.t('assessment.quick.what', { answered: scan.answered, total: scan.total, open: openInFull, minutes: minutesFor(openInFull) })),
    el('div', { class: 'kb-assess__buttons' }, el('button', { type: 'button', 'data-continue-full': '' }, v.t('assessment.quick.continue'))),
  );
}
