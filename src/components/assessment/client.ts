/**
 * Browser side of the readiness assessment: reads the answers from the build-time form, keeps
 * them in localStorage, shows one group at a time, and renders the report, what-if, export /
 * import / share and snapshots. All scoring is done by src/lib/assessment/ (pure).
 *
 * Safety: nothing is sent anywhere; user-controlled strings (file contents, link fragments,
 * snapshot names) only ever reach the page through textContent, never innerHTML.
 */
import {
  BAND_LABELS,
  EVIDENCE_LABELS,
  HYPE_LEVEL_LABELS,
  MAX_INPUT_BYTES,
  PROFIT_STATUS_LABELS,
  RISK_IMPACT_LABELS,
  RISK_RESPONSE_LABELS,
  RISK_TYPE_LABELS,
  STRATEGY_LABELS,
  UNKNOWN_LABEL,
  compare,
  decodeFragment,
  encodeFragment,
  exportAnswers,
  importAnswers,
  score,
  whatIf,
  type Answer,
  type Answers,
  type Bilingual,
  type Citation,
  type Comparison,
  type Contribution,
  type EvidenceLevel,
  type FlagHit,
  type Question,
  type Questionnaire,
  type Report,
} from '../../lib/assessment/index.ts';
import { resolve } from '../../lib/assessment/state.ts';
import { radarChart } from '../../lib/radar.ts';
import { NONE, SNAPSHOT_KEY, STORAGE_KEY, citationHref, citationText, fmt, signed } from './labels.ts';

type Lang = 'zh-CN' | 'en';
interface Snapshot {
  name: string;
  date: string;
  answers: Answers;
}
type Child = Node | string | null | undefined | false;

/** Builds an element; strings become text nodes (never parsed as HTML). */
function el(tag: string, attrs: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined) node.setAttribute(key, value);
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

export function mountAssessment(root: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'zh-CN';
  const t = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const L = (text: Bilingual) => text[lang];
  const q = JSON.parse(root.querySelector('[data-questionnaire]')!.textContent!) as Questionnaire;
  const titles = JSON.parse(root.querySelector('[data-titles]')!.textContent!) as Record<string, string>;
  const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const app = $('[data-app]');
  const form = $<HTMLFormElement>('[data-form]');
  const groups = [...root.querySelectorAll<HTMLElement>('[data-group]')];
  const resultsView = $('[data-results]');
  const reportEl = $('[data-report]');
  const messageEl = $('[data-message]');
  const questions = new Map<string, Question>(q.groups.flatMap((g) => g.questions.map((question) => [question.id, question] as const)));

  let answers: Answers = {};
  let current = 0;

  // ─── Messages ────────────────────────────────────────────────────────────────────────────
  const say = (text: string, kind: 'ok' | 'error' = 'ok') => {
    messageEl.textContent = text;
    messageEl.dataset.kind = kind;
    messageEl.classList.toggle('is-error', kind === 'error');
  };

  // ─── Storage ─────────────────────────────────────────────────────────────────────────────
  const storage = (() => {
    try {
      return window.localStorage;
    } catch {
      return undefined;
    }
  })();
  const save = () => {
    try {
      storage?.setItem(STORAGE_KEY, exportAnswers(answers));
    } catch {
      say(t('无法在这台设备上保存答案（存储已满或被禁用）。', 'Could not save the answers on this device (storage is full or disabled).'), 'error');
    }
  };
  const restore = () => {
    const text = storage?.getItem(STORAGE_KEY);
    if (!text) return;
    const result = importAnswers(q, text);
    if (result.ok) answers = result.answers;
    else say(t('保存的答案无法读取，已忽略：', 'The saved answers could not be read and were ignored: ') + L(result.error.message), 'error');
  };
  const loadSnapshots = (): Snapshot[] => {
    try {
      const list = JSON.parse(storage?.getItem(SNAPSHOT_KEY) ?? '[]') as unknown;
      if (!Array.isArray(list)) return [];
      return list.flatMap((item) => {
        if (!item || typeof item !== 'object') return [];
        const { name, date, answers: saved } = item as Record<string, unknown>;
        if (typeof name !== 'string' || typeof date !== 'string') return [];
        const result = importAnswers(q, JSON.stringify({ version: 1, answers: saved }));
        return result.ok ? [{ name, date, answers: result.answers }] : [];
      });
    } catch {
      return [];
    }
  };
  const saveSnapshots = (list: Snapshot[]) => storage?.setItem(SNAPSHOT_KEY, JSON.stringify(list));

  // ─── Form ↔ answers ──────────────────────────────────────────────────────────────────────
  const fieldsetOf = (id: string) => root.querySelector<HTMLFieldSetElement>(`fieldset[data-question="${id}"]`)!;
  const inputsOf = (id: string) => [...fieldsetOf(id).querySelectorAll<HTMLInputElement>('input')];
  const evidenceOf = (id: string) => fieldsetOf(id).querySelector<HTMLSelectElement>('[data-evidence]');

  const readAnswer = (id: string): Answer | undefined => {
    const fs = fieldsetOf(id);
    const checked = inputsOf(id).filter((input) => input.checked).map((input) => input.value);
    let value: string | string[];
    if (fs.hasAttribute('data-multiple')) {
      if (checked.includes('unknown')) value = 'unknown';
      else if (checked.includes(NONE)) value = [];
      else if (checked.length) value = checked;
      else return undefined;
    } else {
      if (!checked.length) return undefined;
      value = checked[0];
    }
    const evidence = evidenceOf(id)?.value as EvidenceLevel | '' | undefined;
    return evidence ? { value, evidence } : { value };
  };

  const writeForm = () => {
    for (const [id, question] of questions) {
      const answer = Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : undefined;
      const multiple = question.type === 'multi' || (question.type === 'choice' && Boolean(question.multiple));
      for (const input of inputsOf(id)) {
        if (!answer) input.checked = false;
        else if (answer.value === 'unknown') input.checked = input.value === 'unknown';
        else if (multiple) input.checked = Array.isArray(answer.value) && (answer.value.length ? answer.value.includes(input.value) : input.value === NONE);
        else input.checked = input.value === answer.value;
      }
      const select = evidenceOf(id);
      if (select) select.value = answer?.evidence ?? '';
    }
    updateVisibility();
  };

  const updateVisibility = () => {
    const { states } = resolve(q, answers);
    for (const id of questions.keys()) fieldsetOf(id).hidden = states.get(id)?.kind === 'hidden';
  };

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const fs = target.closest<HTMLFieldSetElement>('fieldset[data-question]');
    if (!fs) return;
    const id = fs.dataset.question!;
    // Multi-select: "don't know" and "none of these" exclude the options and each other.
    if (fs.hasAttribute('data-multiple') && target instanceof HTMLInputElement && target.checked) {
      const exclusive = target.value === 'unknown' || target.value === NONE;
      for (const input of inputsOf(id))
        if (input !== target && (exclusive || input.value === 'unknown' || input.value === NONE)) input.checked = false;
    }
    const answer = readAnswer(id);
    if (answer) answers = { ...answers, [id]: answer };
    else {
      const { [id]: _removed, ...rest } = answers;
      answers = rest;
    }
    save();
    updateVisibility();
  });

  // ─── Navigation ──────────────────────────────────────────────────────────────────────────
  const showGroup = (index: number, focus = true) => {
    current = Math.max(0, Math.min(groups.length - 1, index));
    resultsView.hidden = true;
    form.hidden = false;
    groups.forEach((section, i) => (section.hidden = i !== current));
    if (focus) groups[current].querySelector<HTMLElement>('h3')!.focus();
  };
  root.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('button');
    if (!button || !root.contains(button)) return;
    if (button.hasAttribute('data-prev')) showGroup(current - 1);
    else if (button.hasAttribute('data-next')) current === groups.length - 1 ? showResults() : showGroup(current + 1);
  });
  $('[data-show-results]').addEventListener('click', () => showResults());
  $('[data-back-to-questions]').addEventListener('click', () => showGroup(current));
  $('[data-print]').addEventListener('click', () => {
    if (resultsView.hidden) showResults(false);
    window.print();
  });
  $('[data-reset]').addEventListener('click', () => {
    if (!window.confirm(t('清空所有答案？这无法撤销（快照不受影响）。', 'Clear all answers? This cannot be undone (snapshots are kept).'))) return;
    answers = {};
    storage?.removeItem(STORAGE_KEY);
    writeForm();
    showGroup(0);
    say(t('答案已清空。', 'The answers were cleared.'));
  });

  // ─── Helpers for the report ──────────────────────────────────────────────────────────────
  const cite = (citation: Citation) =>
    el('a', { href: citationHref(citation, lang) }, citationText(citation, titles));
  const questionText = (id: string) => (questions.get(id) ? L(questions.get(id)!.text) : id);
  const optionText = (id: string, value: string | string[] | undefined): string => {
    const question = questions.get(id);
    if (value === undefined) return t('未回答', 'Not answered');
    if (value === 'unknown') return L(UNKNOWN_LABEL);
    if (Array.isArray(value)) return value.length ? value.map((v) => optionText(id, v)).join(t('；', '; ')) : t('以上都没有', 'None of these');
    const option = question?.options.find((o) => o.id === value);
    return option ? L(option.text) : value;
  };
  const answerText = (c: Contribution | undefined): string =>
    !c ? t('（问题未显示）', '(question not shown)') : c.state === 'answered' ? optionText(c.question, c.value) : c.state === 'unknown' ? L(UNKNOWN_LABEL) : t('未回答', 'Not answered');
  const dimName = (report: Report, id: string) => L(report.dimensions.find((d) => d.id === id)?.name ?? { 'zh-CN': id, en: id });
  const pct = (share: number) => `${Math.round(share * 100)}%`;
  const heading = (text: string, level = 4) => el(`h${level}`, {}, text);
  const flagLevel = (level: FlagHit['level']) => ({ red: t('阻碍', 'Blocker'), orange: t('注意', 'Watch'), info: t('提示', 'Note') })[level];
  const table = (caption: string, head: string[], rows: Child[][], className = '') =>
    el(
      'div',
      { class: 'kb-assess__table' },
      el(
        'table',
        { class: className },
        el('caption', {}, caption),
        el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, c) : el('td', {}, c)))))),
      ),
    );

  // ─── Report ──────────────────────────────────────────────────────────────────────────────
  const renderReport = (report: Report): HTMLElement => {
    const out = el('div', { class: 'kb-assess__report' });
    const { counts } = report;
    const unknownCount = counts.unknown + counts.unanswered;

    // Band and overall score.
    out.append(
      el(
        'div',
        { class: `kb-assess__band kb-assess__band--${report.band}`, 'data-band': report.band, 'data-overall': fmt(report.overall) },
        el('p', { class: 'kb-assess__band-label' }, t('就绪程度：', 'Readiness: '), el('strong', { 'data-band-label': '' }, L(BAND_LABELS[report.band]))),
        el(
          'p',
          { class: 'kb-assess__overall' },
          t('总分 ', 'Overall score '),
          el('strong', { 'data-overall-value': '' }, fmt(report.overall)),
          ' / 100 ',
          el('span', { 'data-range': '' }, t(`（范围 [${fmt(report.range.low)}, ${fmt(report.range.high)}]）`, `(range [${fmt(report.range.low)}, ${fmt(report.range.high)}])`)),
        ),
        el(
          'p',
          { 'data-counts': '' },
          t(
            `已回答 ${counts.answered} 题，${unknownCount} 题不知道或未回答（共 ${counts.visible} 题适用）。范围显示这些未知项全部取最低分和最高分时的总分。`,
            `${counts.answered} answered, ${unknownCount} unknown or unanswered (${counts.visible} questions apply). The range is the overall score with every unknown at its lowest and at its highest.`,
          ),
        ),
        report.capped &&
          el('p', {}, t(`仅按分数应为“${L(BAND_LABELS[report.bandFromScore])}”，但有红色警示，因此最高只能是“${L(BAND_LABELS[report.band])}”。`, `The score alone gives “${L(BAND_LABELS[report.bandFromScore])}”, but a red flag caps the band at “${L(BAND_LABELS[report.band])}”.`)),
        el(
          'p',
          { 'data-evidence-share': '' },
          t('得分的证据构成：', 'Evidence behind the points earned: '),
          (['measured', 'some', 'belief', 'unstated'] as const).map((k) => `${L(EVIDENCE_LABELS[k])} ${pct(report.evidence[k])}`).join(t('，', ', ')),
        ),
      ),
    );

    // Radar chart and table.
    const radar = el('figure', { class: 'kb-assess__radar' });
    const title = t('五个维度的得分（0–100）', 'Scores of the five dimensions (0–100)');
    radar.innerHTML = radarChart(
      report.dimensions.map((d) => ({ label: L(d.name), value: d.score, high: d.range.high })),
      { title: `${title}: ${report.dimensions.map((d) => `${L(d.name)} ${fmt(d.score)}`).join(', ')}` },
    ); // Only numbers and questionnaire data (escaped by radarChart), never user input.
    out.append(
      heading(t('维度', 'Dimensions')),
      radar,
      table(
        title,
        [t('维度', 'Dimension'), t('得分', 'Score'), t('范围', 'Range'), t('权重', 'Weight'), t('未知', 'Unknown')],
        report.dimensions.map((d) => [L(d.name), fmt(d.score), `[${fmt(d.range.low)}, ${fmt(d.range.high)}]`, pct(d.weight), String(d.unknown)]),
        'kb-assess__dims',
      ),
    );

    // Flags.
    out.append(heading(t('警示', 'Flags')));
    if (!report.flags.length) out.append(el('p', {}, t('没有警示。', 'No flags.')));
    else
      out.append(
        el(
          'ul',
          { class: 'kb-assess__flags' },
          ...report.flags.map((f) =>
            el(
              'li',
              { class: `kb-assess__flag kb-assess__flag--${f.level}`, 'data-flag': f.id },
              el('strong', {}, flagLevel(f.level)),
              ' ',
              L(f.message),
              el('br'),
              el('span', {}, t('行动：', 'Action: '), L(f.action)),
              ' ',
              cite(f.citation),
            ),
          ),
        ),
      );

    // Hype gauge.
    const hype = report.hype;
    out.append(
      heading(t('狂热 → 理性', 'Hype → rationality')),
      el(
        'p',
        {},
        el('label', { for: 'kb-assess-hype' }, t(`狂热指标：${hype.value} / ${hype.max}（${L(HYPE_LEVEL_LABELS[hype.level])}）`, `Hype indicators: ${hype.value} of ${hype.max} (${L(HYPE_LEVEL_LABELS[hype.level])})`)),
        ' ',
        el('meter', { id: 'kb-assess-hype', min: '0', max: String(hype.max), low: '2', high: '4', optimum: '0', value: String(hype.value) }),
      ),
      el('ul', {}, ...hype.indicators.filter((i) => i.on).map((i) => el('li', {}, L(i.message), ' ', cite(i.citation)))),
    );

    // Model strategy.
    out.append(heading(t('模型策略', 'Model strategy')));
    if (report.strategy) {
      const s = report.strategy;
      out.append(
        el('p', {}, L(s.message), ' ', cite(s.citation)),
        el(
          'p',
          {},
          t('建议：', 'Recommended: '),
          s.recommended.map((r) => L(STRATEGY_LABELS[r])).join(t('，', ', ')),
          t('。当前：', '. Current: '),
          s.current === 'unknown' ? L(UNKNOWN_LABEL) : L(STRATEGY_LABELS[s.current as keyof typeof STRATEGY_LABELS] ?? UNKNOWN_LABEL),
          s.matches === null ? '' : s.matches ? t('（符合建议）', ' (matches the advice)') : t('（不在建议之列）', ' (not among the recommended)'),
        ),
      );
    }

    // Risk register.
    out.append(
      heading(t('风险登记表', 'Risk register')),
      table(
        t('风险登记表', 'Risk register'),
        [t('风险', 'Risk'), t('类型', 'Type'), t('影响', 'Impact'), t('应对', 'Response'), t('复查', 'Review'), t('状态', 'Status')],
        report.riskRegister.map((r) => [
          L(r.risk),
          L(RISK_TYPE_LABELS[r.type]),
          L(RISK_IMPACT_LABELS[r.impact]),
          L(RISK_RESPONSE_LABELS[r.response]),
          r.review === 'unknown' ? L(UNKNOWN_LABEL) : optionText(r.questions.review, r.review),
          r.open ? t('⚠ 未应对', '⚠ Open') : t('已处理', 'Handled'),
        ]),
      ),
    );

    // Profit-model fit.
    const pm = report.profitModel;
    const modelsQuestion = q.groups.flatMap((g) => g.questions).find((x) => x.role === 'revenue-models');
    out.append(
      heading(t('盈利模式', 'Profit model')),
      el(
        'p',
        { 'data-profit': pm.status },
        t('状态：', 'Status: '),
        el('strong', {}, L(PROFIT_STATUS_LABELS[pm.status])),
        t(`。成熟度 ${pm.maturity ?? '?'} / ${pm.maturityMax}。模式：`, `. Maturity ${pm.maturity ?? '?'} of ${pm.maturityMax}. Models: `),
        pm.models.length && modelsQuestion ? optionText(modelsQuestion.id, pm.models) : t('无', 'none'),
        ' ',
        cite(pm.citation),
      ),
    );

    // Out of step.
    if (report.outOfStep.length)
      out.append(
        heading(t('发展不同步', 'Out of step')),
        el(
          'ul',
          {},
          ...report.outOfStep.map((o) =>
            el('li', {}, t(`“${dimName(report, o.ahead)}”比“${dimName(report, o.behind)}”领先 ${fmt(o.gap)} 分。`, `“${dimName(report, o.ahead)}” is ${fmt(o.gap)} points ahead of “${dimName(report, o.behind)}”.`), o.againstReference ? t(' 先验证需求和商业模式，再继续投入。', ' Validate demand and the business model before investing further.') : ''),
          ),
        ),
      );

    // Next actions.
    const actions = report.nextActions.slice(0, 10);
    out.append(heading(t('下一步（按影响排序）', 'Next actions, by impact')));
    if (!actions.length) out.append(el('p', {}, t('所有问题都已达到最高分。', 'Every question is at its highest level.')));
    else
      out.append(
        el(
          'ol',
          { class: 'kb-assess__actions' },
          ...actions.map((a) =>
            el(
              'li',
              { 'data-action': a.question },
              el('strong', {}, questionText(a.question)),
              ' ',
              t(`（总分 +${fmt(a.gain)}`, `(overall +${fmt(a.gain)}`),
              a.clears.length ? t(`，消除 ${a.clears.length} 个警示）`, `, clears ${a.clears.length} flag${a.clears.length > 1 ? 's' : ''})`) : t('）', ')'),
              el('br'),
              t('目标：', 'Target: '),
              optionText(a.question, a.target.length === 1 ? a.target[0] : a.target),
              ' ',
              cite(a.citation),
            ),
          ),
        ),
      );

    // Recommendations.
    if (report.recommendations.length)
      out.append(
        heading(t('建议', 'Recommendations')),
        el('ul', {}, ...report.recommendations.map((r) => el('li', {}, L(r.message), ' ', L(r.action), ' ', cite(r.citation)))),
      );

    // Why this score.
    out.append(
      heading(t('为什么是这个分数', 'Why this score')),
      ...report.dimensions.map((d) =>
        el(
          'details',
          { class: 'kb-assess__why' },
          el('summary', {}, `${L(d.name)}: ${fmt(d.score)} (${d.points}/${d.max})`),
          el(
            'ul',
            {},
            ...d.why.map((c) =>
              el(
                'li',
                {},
                `${c.points}/${c.max} · `,
                questionText(c.question),
                ' — ',
                answerText(c),
                c.evidence ? ` (${L(EVIDENCE_LABELS[c.evidence])})` : '',
              ),
            ),
          ),
          el('p', {}, cite(d.citation)),
        ),
      ),
    );
    return out;
  };

  const showResults = (focus = true) => {
    const report = score(q, answers);
    reportEl.replaceChildren(renderReport(report));
    fillWhatIf();
    fillCompare();
    form.hidden = true;
    resultsView.hidden = false;
    if (focus) $('#kb-assess-results-title').focus();
  };

  // ─── Deltas (what-if and compare) ────────────────────────────────────────────────────────
  const renderDelta = (delta: Comparison, before: Report, after: Report): HTMLElement =>
    el(
      'div',
      { class: 'kb-assess__delta', 'data-delta': '' },
      el(
        'p',
        {},
        t('总分：', 'Overall: '),
        el('strong', { 'data-delta-overall': '' }, signed(delta.overall)),
        ` (${fmt(before.overall)} → ${fmt(after.overall)})`,
        t('；就绪程度：', '; readiness: '),
        delta.band.from === delta.band.to ? L(BAND_LABELS[delta.band.to]) + t('（不变）', ' (unchanged)') : `${L(BAND_LABELS[delta.band.from])} → ${L(BAND_LABELS[delta.band.to])}`,
      ),
      table(
        t('各维度的变化', 'Change per dimension'),
        [t('维度', 'Dimension'), t('之前', 'Before'), t('之后', 'After'), t('变化', 'Change')],
        after.dimensions.map((d) => [L(d.name), fmt(before.dimensions.find((x) => x.id === d.id)?.score ?? 0), fmt(d.score), signed(delta.dimensions[d.id] ?? 0)]),
      ),
      el('p', {}, t('新增警示：', 'Flags added: '), delta.flagsAdded.length ? delta.flagsAdded.map((f) => `${flagLevel(f.level)} ${L(f.message)}`).join(' · ') : t('无', 'none')),
      el('p', {}, t('消除的警示：', 'Flags removed: '), delta.flagsRemoved.length ? delta.flagsRemoved.map((f) => `${flagLevel(f.level)} ${L(f.message)}`).join(' · ') : t('无', 'none')),
      delta.answers.length
        ? table(
            t('改变的答案（按得分变化排序）', 'Answers that changed (largest change in points first)'),
            [t('问题', 'Question'), t('之前', 'Before'), t('之后', 'After'), t('得分变化', 'Points')],
            delta.answers.map((c) => [questionText(c.question), answerText(c.before), answerText(c.after), signed(c.points, 0)]),
            'kb-assess__changes',
          )
        : el('p', {}, t('计分的答案没有变化。', 'No scored answer changed.')),
    );

  // ─── What-if ─────────────────────────────────────────────────────────────────────────────
  const whatIfQuestion = $<HTMLSelectElement>('[data-whatif-question]');
  const whatIfValue = $<HTMLSelectElement>('[data-whatif-value]');
  const whatIfOutput = $('[data-whatif-output]');
  const fillWhatIf = () => {
    const previous = whatIfQuestion.value;
    const { states } = resolve(q, answers);
    whatIfQuestion.replaceChildren(
      ...q.groups.map((g) =>
        el('optgroup', { label: L(g.title) }, ...g.questions.filter((x) => states.get(x.id)?.kind !== 'hidden').map((x) => el('option', { value: x.id }, L(x.text)))),
      ),
    );
    if (previous && questions.has(previous)) whatIfQuestion.value = previous;
    fillWhatIfValues();
  };
  const fillWhatIfValues = () => {
    const question = questions.get(whatIfQuestion.value);
    if (!question) return whatIfValue.replaceChildren();
    const multiple = question.type === 'multi' || (question.type === 'choice' && Boolean(question.multiple));
    const options: [string, string][] = multiple
      ? [
          ...question.options.map((o): [string, string] => [JSON.stringify([o.id]), t(`只选：${L(o.text)}`, `Only: ${L(o.text)}`)]),
          [JSON.stringify(question.options.map((o) => o.id)), t('全部选上', 'All of these')],
          [JSON.stringify([]), t('以上都没有', 'None of these')],
        ]
      : question.options.map((o): [string, string] => [JSON.stringify(o.id), L(o.text)]);
    options.push([JSON.stringify('unknown'), L(UNKNOWN_LABEL)]);
    whatIfValue.replaceChildren(...options.map(([value, label]) => el('option', { value }, label)));
  };
  whatIfQuestion.addEventListener('change', fillWhatIfValues);
  $('[data-whatif-run]').addEventListener('click', () => {
    const id = whatIfQuestion.value;
    if (!questions.has(id) || !whatIfValue.value) return;
    const result = whatIf(q, answers, id, JSON.parse(whatIfValue.value) as string | string[]);
    whatIfOutput.replaceChildren(
      el('p', {}, t('如果“', 'If “'), questionText(id), t('”的答案是“', '” were “'), whatIfValue.selectedOptions[0]?.textContent ?? '', t('”：', '”:')),
      renderDelta(result.delta, result.base, result.report),
    );
  });

  // ─── Export, import, share ───────────────────────────────────────────────────────────────
  $('[data-export]').addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([exportAnswers(answers)], { type: 'application/json' }));
    const link = el('a', { href: url, download: 'readiness-assessment.json' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    say(t('答案已导出为 JSON 文件。', 'The answers were exported as a JSON file.'));
  });
  const importInput = $<HTMLInputElement>('[data-import]');
  importInput.addEventListener('change', async () => {
    const file = importInput.files?.[0];
    if (!file) return;
    // Read at most one byte more than allowed: the decoder then reports "too large".
    const text = await (file.size > MAX_INPUT_BYTES ? file.slice(0, MAX_INPUT_BYTES + 1) : file).text();
    importInput.value = '';
    const result = importAnswers(q, text);
    if (!result.ok) return say(t('导入失败，保存的答案没有改变：', 'Import failed; your saved answers are unchanged: ') + L(result.error.message), 'error');
    answers = result.answers;
    save();
    writeForm();
    showResults(false);
    say(t(`已导入 ${Object.keys(answers).length} 个答案，替换了之前的答案。`, `Imported ${Object.keys(answers).length} answers; they replace the previous ones.`));
  });
  const shareRow = $('[data-share-row]');
  const shareUrl = $<HTMLInputElement>('[data-share-url]');
  $('[data-share]').addEventListener('click', () => {
    shareUrl.value = `${location.origin}${location.pathname}#a=${encodeFragment(answers)}`;
    shareRow.hidden = false;
    shareUrl.focus();
    shareUrl.select();
  });
  $('[data-copy]').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(shareUrl.value);
      say(t('链接已复制。', 'The link was copied.'));
    } catch {
      shareUrl.select();
      say(t('无法自动复制，请手动复制选中的链接。', 'Could not copy automatically; copy the selected link by hand.'), 'error');
    }
  });

  // ─── Snapshots and compare ───────────────────────────────────────────────────────────────
  const snapshotName = $<HTMLInputElement>('[data-snapshot-name]');
  const snapshotList = $('[data-snapshot-list]');
  const compareA = $<HTMLSelectElement>('[data-compare-a]');
  const compareB = $<HTMLSelectElement>('[data-compare-b]');
  const compareOutput = $('[data-compare-output]');
  const formatDate = (iso: string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(lang);
  };
  const fillCompare = () => {
    const list = loadSnapshots();
    snapshotList.replaceChildren(
      ...list.map((s, i) =>
        el(
          'li',
          { 'data-snapshot': String(i) },
          el('span', {}, `${s.name} — ${formatDate(s.date)}`),
          ' ',
          el('button', { type: 'button', 'data-snapshot-delete': String(i), 'aria-label': t(`删除快照 ${s.name}`, `Delete snapshot ${s.name}`) }, t('删除', 'Delete')),
        ),
      ),
    );
    const options = () => [
      el('option', { value: 'current' }, t('当前答案', 'Current answers')),
      ...list.map((s, i) => el('option', { value: String(i) }, `${s.name} — ${formatDate(s.date)}`)),
    ];
    const [a, b] = [compareA.value, compareB.value];
    compareA.replaceChildren(...options());
    compareB.replaceChildren(...options());
    compareA.value = a && (a === 'current' || Number(a) < list.length) ? a : list.length ? '0' : 'current';
    compareB.value = b && (b === 'current' || Number(b) < list.length) ? b : 'current';
  };
  /** Saves a snapshot and returns its index, or reports why it could not be saved. */
  const addSnapshot = (name: string, saved: Answers): number | undefined => {
    const list = loadSnapshots();
    list.push({ name, date: new Date().toISOString(), answers: saved });
    try {
      saveSnapshots(list);
    } catch {
      say(t('无法保存快照（存储已满或被禁用）。', 'Could not save the snapshot (storage is full or disabled).'), 'error');
      return undefined;
    }
    fillCompare();
    say(t(`已保存快照“${name}”。`, `Saved the snapshot “${name}”.`));
    return list.length - 1;
  };
  $('[data-snapshot-save]').addEventListener('click', () => {
    const next = loadSnapshots().length + 1;
    const name = snapshotName.value.trim() || t(`快照 ${next}`, `Snapshot ${next}`);
    if (addSnapshot(name, answers) !== undefined) snapshotName.value = '';
  });
  snapshotList.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-snapshot-delete]');
    if (!button) return;
    const list = loadSnapshots();
    list.splice(Number(button.dataset.snapshotDelete), 1);
    saveSnapshots(list);
    fillCompare();
    say(t('快照已删除。', 'The snapshot was deleted.'));
  });
  const runCompare = () => {
    const list = loadSnapshots();
    const pick = (value: string) => (value === 'current' ? answers : list[Number(value)]?.answers ?? answers);
    const label = (select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '';
    const before = score(q, pick(compareA.value));
    const after = score(q, pick(compareB.value));
    compareOutput.replaceChildren(el('p', {}, `${label(compareA)} → ${label(compareB)}`), renderDelta(compare(before, after), before, after));
  };
  $('[data-compare-run]').addEventListener('click', runCompare);

  // ─── Shared answers in the URL fragment ──────────────────────────────────────────────────
  const sharedBox = $('[data-shared]');
  let shared: Answers | undefined;
  const clearFragment = () => history.replaceState(history.state, '', location.pathname + location.search);
  const checkFragment = () => {
    const match = /^#a=(.*)$/s.exec(location.hash);
    if (!match) return;
    const result = decodeFragment(q, match[1]);
    if (!result.ok) {
      say(t('分享链接中的答案无法读取，保存的答案没有改变：', 'The answers in the shared link could not be read; your saved answers are unchanged: ') + L(result.error.message), 'error');
      return;
    }
    shared = result.answers;
    $('[data-shared-text]').textContent = t(
      `这个链接包含一份分享的答案（${Object.keys(shared).length} 个）。载入后会替换你在这台设备上保存的答案；保存为快照则保留你的答案，并把两者对比。`,
      `This link contains shared answers (${Object.keys(shared).length} of them). Loading them replaces the answers saved on this device; keeping them as a snapshot keeps yours and compares the two.`,
    );
    sharedBox.hidden = false;
  };
  $('[data-load-shared]').addEventListener('click', () => {
    if (!shared) return;
    answers = shared;
    shared = undefined;
    save();
    writeForm();
    sharedBox.hidden = true;
    clearFragment();
    showResults();
    say(t('已载入分享的答案。', 'The shared answers were loaded.'));
  });
  $('[data-compare-shared]').addEventListener('click', () => {
    if (!shared) return;
    const index = addSnapshot(t('分享的答案', 'Shared answers'), shared);
    if (index === undefined) return;
    shared = undefined;
    sharedBox.hidden = true;
    clearFragment();
    showResults(false);
    compareA.value = 'current';
    compareB.value = String(index);
    runCompare();
    compareOutput.focus();
  });
  $('[data-ignore-shared]').addEventListener('click', () => {
    shared = undefined;
    sharedBox.hidden = true;
    clearFragment();
    say(t('已忽略分享的答案。', 'The shared answers were ignored.'));
  });

  // ─── Start ───────────────────────────────────────────────────────────────────────────────
  restore();
  writeForm();
  app.hidden = false;
  root.dataset.ready = '';
  checkFragment();
  window.addEventListener('hashchange', checkFragment);
}
