/** The difference between two reports (what-if and snapshot comparison). */
import { BAND_LABELS, type Comparison, type FlagHit, type Report } from '../../lib/assessment/index.ts';
import { el, table } from './dom.ts';
import { fmt, signed } from './labels.ts';
import { flagLevelLabel } from './report-view.ts';
import { answerText, pick, questionText, type ViewContext } from './view-context.ts';

function flagList(v: ViewContext, flags: FlagHit[]): string {
  return flags.length ? flags.map((f) => `${flagLevelLabel(v, f.level)} ${pick(v, f.message)}`).join(' · ') : v.t('assessment.list.nothing');
}

export function renderDelta(v: ViewContext, delta: Comparison, before: Report, after: Report): HTMLElement {
  const band =
    delta.band.from === delta.band.to
      ? v.t('assessment.delta.band-same', { band: pick(v, BAND_LABELS[delta.band.to]) })
      : `${pick(v, BAND_LABELS[delta.band.from])} → ${pick(v, BAND_LABELS[delta.band.to])}`;
  return el(
    'div',
    { class: 'kb-assess__delta', 'data-delta': '' },
    el(
      'p',
      {},
      v.t('assessment.delta.overall'),
      ' ',
      el('strong', { 'data-delta-overall': '' }, signed(delta.overall)),
      ` (${fmt(before.overall)} → ${fmt(after.overall)})`,
      v.t('assessment.delta.band'),
      ' ',
      band,
    ),
    table(
      v.t('assessment.delta.dimensions'),
      ['dimension', 'before', 'after', 'change'].map((c) => v.t(`assessment.delta.column.${c}`)),
      after.dimensions.map((d) => [
        pick(v, d.name),
        fmt(before.dimensions.find((x) => x.id === d.id)?.score ?? 0),
        fmt(d.score),
        signed(delta.dimensions[d.id] ?? 0),
      ]),
    ),
    el('p', {}, v.t('assessment.delta.added'), ' ', flagList(v, delta.flagsAdded)),
    el('p', {}, v.t('assessment.delta.removed'), ' ', flagList(v, delta.flagsRemoved)),
    delta.answers.length
      ? table(
          v.t('assessment.delta.answers'),
          ['question', 'before', 'after', 'points'].map((c) => v.t(`assessment.delta.answer-column.${c}`)),
          delta.answers.map((c) => [questionText(v, c.question), answerText(v, c.before), answerText(v, c.after), signed(c.points, 0)]),
          'kb-assess__changes',
        )
      : el('p', {}, v.t('assessment.delta.no-change')),
  );
}
