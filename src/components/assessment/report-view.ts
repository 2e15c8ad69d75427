/**
 * The report: what the engine computed, worded for the reader. Leads with the band, the
 * evidence-backed and the claimed score and — when something blocks — "Blocked by N issues"
 * with the three actions that matter most; everything else follows, the long lists collapsed.
 */
import {
  BAND_LABELS,
  EVIDENCE_LABELS,
  HYPE_LEVEL_LABELS,
  PROFIT_STATUS_LABELS,
  RISK_IMPACT_LABELS,
  RISK_RESPONSE_LABELS,
  RISK_TYPE_LABELS,
  STRATEGY_LABELS,
  UNKNOWN_LABEL,
  type FlagHit,
  type NextAction,
  type Report,
} from '../../lib/assessment/index.ts';
import { radarChart } from '../../lib/radar.ts';
import { el, table, type Child } from './dom.ts';
import { fmt } from './labels.ts';
import { answerText, cite, optionText, pick, questionText, type ViewContext } from './view-context.ts';

/** How many next actions are shown before the rest collapse. */
export const TOP_ACTIONS = 3;

export interface ReportMeta {
  /** When the report was made (shown in the reader's locale). */
  date: Date;
  /** Version of the questionnaire the answers were scored against. */
  version: string;
}

const heading = (text: string) => el('h4', {}, text);
const pct = (share: number) => `${Math.round(share * 100)}%`;

export function flagLevelLabel(v: ViewContext, level: FlagHit['level']): string {
  return v.t(`assessment.flag.level.${level}`);
}

function actionItem(v: ViewContext, a: NextAction): HTMLElement {
  const target = optionText(v, a.question, a.target.length === 1 ? a.target[0] : a.target);
  const what =
    a.kind === 'evidence'
      ? v.t('assessment.action.evidence', { answer: target })
      : a.kind === 'lever'
        ? v.t('assessment.action.lever', { answer: target })
        : v.t('assessment.action.raise', { answer: target });
  const effect = [
    a.gain > 0.05 ? v.t('assessment.action.gain', { points: fmt(a.gain) }) : '',
    a.clears.length ? v.t('assessment.action.clears', { count: a.clears.length }) : '',
  ].filter(Boolean);
  return el(
    'li',
    { 'data-action': a.question, 'data-kind': a.kind },
    el('strong', {}, questionText(v, a.question)),
    ' — ',
    what,
    effect.length ? ` (${effect.join(v.t('assessment.list.separator'))})` : '',
    a.together.length ? el('br') : '',
    a.together.length
      ? v.t('assessment.action.together', { questions: a.together.map((id) => questionText(v, id)).join(v.t('assessment.list.separator')) })
      : '',
    ' ',
    cite(v, a.citation),
  );
}

function actions(v: ViewContext, report: Report): Child[] {
  const list = report.nextActions;
  if (!list.length) return [heading(v.t('assessment.actions.title')), el('p', {}, v.t('assessment.actions.none'))];
  const rest = list.slice(TOP_ACTIONS);
  return [
    heading(v.t('assessment.actions.title')),
    el('ol', { class: 'kb-assess__actions', 'data-top-actions': '' }, ...list.slice(0, TOP_ACTIONS).map((a) => actionItem(v, a))),
    rest.length > 0 &&
      el(
        'details',
        { class: 'kb-assess__more', 'data-more-actions': '' },
        el('summary', {}, v.t('assessment.actions.more', { count: rest.length })),
        el('ol', { class: 'kb-assess__actions', start: String(TOP_ACTIONS + 1) }, ...rest.map((a) => actionItem(v, a))),
      ),
  ];
}

function headline(v: ViewContext, report: Report, meta: ReportMeta): HTMLElement {
  const { counts } = report;
  const reds = report.flags.filter((f) => f.level === 'red').length;
  return el(
    'div',
    { class: `kb-assess__band kb-assess__band--${report.band}`, 'data-band': report.band, 'data-overall': fmt(report.overall) },
    el(
      'p',
      { class: 'kb-assess__meta', 'data-report-meta': '' },
      v.t('assessment.report.meta', { date: meta.date.toLocaleDateString(v.lang), version: meta.version }),
    ),
    el('p', { class: 'kb-assess__band-label' }, v.t('assessment.report.band'), ' ', el('strong', { 'data-band-label': '' }, pick(v, BAND_LABELS[report.band]))),
    reds > 0 &&
      el(
        'p',
        { class: 'kb-assess__blocked', 'data-blocked': String(reds) },
        v.t(reds === 1 ? 'assessment.report.blocked-one' : 'assessment.report.blocked', { count: reds }),
      ),
    el(
      'p',
      { class: 'kb-assess__overall' },
      v.t('assessment.report.backed'),
      ' ',
      el('strong', { 'data-overall-value': '' }, fmt(report.overall)),
      ' / 100 ',
      el('span', { 'data-range': '' }, v.t('assessment.report.range', { low: fmt(report.range.low), high: fmt(report.range.high) })),
    ),
    el(
      'p',
      { 'data-claimed': '' },
      v.t('assessment.report.claimed'),
      ' ',
      el('strong', { 'data-claimed-value': '' }, fmt(report.claimed)),
      ' / 100 ',
      v.t('assessment.report.claimed-why'),
    ),
    el(
      'p',
      { 'data-counts': '' },
      v.t('assessment.report.counts', { answered: counts.answered, unknown: counts.unknown + counts.unanswered, visible: counts.visible }),
    ),
    report.capped &&
      el('p', {}, v.t('assessment.report.capped', { fromScore: pick(v, BAND_LABELS[report.bandFromScore]), band: pick(v, BAND_LABELS[report.band]) })),
    el(
      'p',
      { 'data-evidence-share': '' },
      v.t('assessment.report.evidence'),
      ' ',
      (['measured', 'some', 'belief', 'unstated'] as const)
        .map((k) => `${pick(v, EVIDENCE_LABELS[k])} ${pct(report.evidence[k])}`)
        .join(v.t('assessment.list.separator')),
    ),
  );
}

function dimensions(v: ViewContext, report: Report): Child[] {
  const radar = el('figure', { class: 'kb-assess__radar' });
  const title = v.t('assessment.dimensions.chart');
  radar.innerHTML = radarChart(
    report.dimensions.map((d) => ({ label: pick(v, d.name), value: d.score, high: d.range.high })),
    { title: `${title}: ${report.dimensions.map((d) => `${pick(v, d.name)} ${fmt(d.score)}`).join(', ')}` },
  ); // Only numbers and questionnaire data (escaped by radarChart), never user input.
  return [
    heading(v.t('assessment.dimensions.title')),
    radar,
    table(
      title,
      ['dimension', 'backed', 'claimed', 'range', 'weight', 'unknown'].map((c) => v.t(`assessment.dimensions.column.${c}`)),
      report.dimensions.map((d) => [
        pick(v, d.name),
        fmt(d.score),
        fmt(d.claimed),
        `[${fmt(d.range.low)}, ${fmt(d.range.high)}]`,
        pct(d.weight),
        String(d.unknown),
      ]),
      'kb-assess__dims',
    ),
  ];
}

function flags(v: ViewContext, report: Report): Child[] {
  if (!report.flags.length) return [heading(v.t('assessment.flags.title')), el('p', {}, v.t('assessment.flags.none'))];
  return [
    heading(v.t('assessment.flags.title')),
    el(
      'ul',
      { class: 'kb-assess__flags' },
      ...report.flags.map((f) =>
        el(
          'li',
          { class: `kb-assess__flag kb-assess__flag--${f.level}`, 'data-flag': f.id, 'data-level': f.level },
          el('strong', {}, flagLevelLabel(v, f.level)),
          ' ',
          pick(v, f.message),
          el('br'),
          el('span', {}, v.t('assessment.flags.action'), ' ', pick(v, f.action)),
          ' ',
          cite(v, f.citation),
        ),
      ),
    ),
  ];
}

function hype(v: ViewContext, report: Report): Child[] {
  const h = report.hype;
  return [
    heading(v.t('assessment.hype.title')),
    el(
      'p',
      {},
      el('label', { for: 'kb-assess-hype' }, v.t('assessment.hype.value', { value: h.value, max: h.max, level: pick(v, HYPE_LEVEL_LABELS[h.level]) })),
      ' ',
      el('meter', { id: 'kb-assess-hype', min: '0', max: String(h.max), low: '2', high: '4', optimum: '0', value: String(h.value) }),
    ),
    el('ul', {}, ...h.indicators.filter((i) => i.on).map((i) => el('li', {}, pick(v, i.message), ' ', cite(v, i.citation)))),
  ];
}

function strategy(v: ViewContext, report: Report): Child[] {
  const s = report.strategy;
  if (!s) return [];
  const name = (id: string) => pick(v, STRATEGY_LABELS[id as keyof typeof STRATEGY_LABELS] ?? UNKNOWN_LABEL);
  const verdict = s.matches === null ? '' : v.t(s.matches ? 'assessment.strategy.matches' : 'assessment.strategy.differs');
  return [
    heading(v.t('assessment.strategy.title')),
    el('p', {}, pick(v, s.message), ' ', cite(v, s.citation)),
    el(
      'p',
      { 'data-strategy': s.matches === null ? 'open' : String(s.matches) },
      v.t('assessment.strategy.recommended', { strategies: s.recommended.map(name).join(v.t('assessment.list.separator')) }),
      ' ',
      v.t('assessment.strategy.current', { strategy: name(s.current) }),
      verdict && ` ${verdict}`,
    ),
    s.missing.length > 0 &&
      el(
        'div',
        {},
        el('p', {}, v.t('assessment.strategy.missing', { strategy: name(s.current) })),
        el('ul', { 'data-missing': '' }, ...s.missing.map((m) => el('li', {}, pick(v, m.message), ' ', cite(v, m.citation)))),
      ),
    s.excluded.length > 0 && el('p', {}, v.t('assessment.strategy.excluded', { strategies: s.excluded.map(name).join(v.t('assessment.list.separator')) })),
  ];
}

function risks(v: ViewContext, report: Report): Child[] {
  return [
    heading(v.t('assessment.risks.title')),
    table(
      v.t('assessment.risks.caption'),
      ['risk', 'type', 'impact', 'response', 'review', 'status'].map((c) => v.t(`assessment.risks.column.${c}`)),
      report.riskRegister.map((r) => [
        pick(v, r.risk),
        pick(v, RISK_TYPE_LABELS[r.type]),
        pick(v, RISK_IMPACT_LABELS[r.impact]),
        pick(v, RISK_RESPONSE_LABELS[r.response]),
        r.review === 'unknown' ? pick(v, UNKNOWN_LABEL) : optionText(v, r.questions.review, r.review),
        v.t(r.open ? 'assessment.risks.open' : 'assessment.risks.handled'),
      ]),
    ),
  ];
}

function profit(v: ViewContext, report: Report): Child[] {
  const pm = report.profitModel;
  const models = v.q.groups.flatMap((g) => g.questions).find((x) => x.role === 'revenue-models');
  return [
    heading(v.t('assessment.profit.title')),
    el(
      'p',
      { 'data-profit': pm.status },
      v.t('assessment.profit.status'),
      ' ',
      el('strong', {}, pick(v, PROFIT_STATUS_LABELS[pm.status])),
      ' ',
      v.t('assessment.profit.detail', {
        maturity: pm.maturity ?? '?',
        max: pm.maturityMax,
        models: pm.models.length && models ? optionText(v, models.id, pm.models) : v.t('assessment.list.nothing'),
      }),
      ' ',
      cite(v, pm.citation),
    ),
  ];
}

function outOfStep(v: ViewContext, report: Report): Child[] {
  if (!report.outOfStep.length) return [];
  const name = (id: string) => pick(v, report.dimensions.find((d) => d.id === id)?.name ?? { 'zh-CN': id, en: id });
  return [
    heading(v.t('assessment.out-of-step.title')),
    el(
      'ul',
      {},
      ...report.outOfStep.map((o) =>
        el(
          'li',
          {},
          v.t('assessment.out-of-step.item', { ahead: name(o.ahead), behind: name(o.behind), gap: fmt(o.gap) }),
          o.againstReference ? ` ${v.t('assessment.out-of-step.reference')}` : '',
        ),
      ),
    ),
  ];
}

function recommendations(v: ViewContext, report: Report): Child[] {
  if (!report.recommendations.length) return [];
  return [
    heading(v.t('assessment.recommendations.title')),
    el('ul', {}, ...report.recommendations.map((r) => el('li', {}, pick(v, r.message), ' ', pick(v, r.action), ' ', cite(v, r.citation)))),
  ];
}

function why(v: ViewContext, report: Report): Child[] {
  return [
    heading(v.t('assessment.why.title')),
    ...report.dimensions.map((d) =>
      el(
        'details',
        { class: 'kb-assess__why' },
        el('summary', {}, `${pick(v, d.name)}: ${fmt(d.score)} (${d.points}/${d.max})`),
        el(
          'ul',
          {},
          ...d.why.map((c) =>
            el(
              'li',
              {},
              `${c.points}/${c.max} · `,
              questionText(v, c.question),
              ' — ',
              answerText(v, c),
              c.evidence ? ` (${pick(v, EVIDENCE_LABELS[c.evidence])})` : '',
            ),
          ),
        ),
        el('p', {}, cite(v, d.citation)),
      ),
    ),
  ];
}

export function renderReport(v: ViewContext, report: Report, meta: ReportMeta): HTMLElement {
  return el(
    'div',
    { class: 'kb-assess__report' },
    headline(v, report, meta),
    ...actions(v, report),
    ...flags(v, report),
    ...dimensions(v, report),
    ...strategy(v, report),
    ...hype(v, report),
    ...risks(v, report),
    ...profit(v, report),
    ...outOfStep(v, report),
    ...recommendations(v, report),
    ...why(v, report),
  );
}
