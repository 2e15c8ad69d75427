/**
 * Browser side of the readiness assessment: reads the answers from the build-time form, keeps
 * them in localStorage, shows one group at a time, and renders the report, what-if, export /
 * import / share and snapshots. All scoring is done by src/lib/assessment/ (pure).
 *
 * Safety: nothing is sent anywhere; user-controlled strings (file contents, link fragments,
 * snapshot names) only ever reach the page through textContent, never innerHTML.
 */
import {
  MAX_INPUT_BYTES,
  decodeFragment,
  encodeFragment,
  exportAnswers,
  importAnswers,
  score,
  type Answers,
  type DecodeError,
  type Questionnaire,
} from '../../lib/assessment/index.ts';
import { afterTicking, answerFromForm, isTicked } from '../../lib/assessment/form.ts';
import { firstOpenGroup, minutesFor, openQuestions, quickScan } from '../../lib/assessment/quick.ts';
import { parseSnapshots, serialiseSnapshots, type Snapshot } from '../../lib/assessment/snapshots.ts';
import { resolve } from '../../lib/assessment/state.ts';
import { readMessages } from '../../lib/i18n-client.ts';
import { el } from './dom.ts';
import { SNAPSHOT_KEY, STORAGE_KEY } from './labels.ts';
import { renderProvisional } from './quick-view.ts';
import { renderReport } from './report-view.ts';
import type { Shell } from './shell.ts';
import { mountSnapshots } from './snapshots-view.ts';
import { viewContext, type Lang } from './view-context.ts';
import { mountWhatIf } from './whatif-view.ts';

export function mountAssessment(root: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'zh-CN';
  const t = readMessages('kb-assess-messages');
  const q = JSON.parse(root.querySelector('[data-questionnaire]')!.textContent!) as Questionnaire;
  const citations = JSON.parse(root.querySelector('[data-citations]')!.textContent!) as Record<string, string>;
  const version = root.dataset.version ?? '';
  const view = viewContext(lang, q, t, citations);
  const decodeError = (error: DecodeError) => t(`assessment.decode.${error.key}`, error.params);
  const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const app = $('[data-app]');
  const form = $<HTMLFormElement>('[data-form]');
  const groups = [...root.querySelectorAll<HTMLElement>('[data-group]')];
  const resultsView = $('[data-results]');
  const reportEl = $('[data-report]');
  const messageEl = $('[data-message]');
  const { questions } = view;

  let answers: Answers = {};
  let current = 0;
  /** The quick scan shows only its questions, all at once; the full assessment one group at a time. */
  let mode: 'quick' | 'full' = 'full';

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
      say(t('assessment.message.save-failed'), 'error');
    }
  };
  const restore = () => {
    const text = storage?.getItem(STORAGE_KEY);
    if (!text) return;
    const result = importAnswers(q, text);
    if (result.ok) answers = result.answers;
    else say(t('assessment.message.restore-failed') + decodeError(result.error), 'error');
  };
  const loadSnapshots = (): Snapshot[] => parseSnapshots(q, storage?.getItem(SNAPSHOT_KEY) ?? null);
  const saveSnapshots = (list: Snapshot[]) => storage?.setItem(SNAPSHOT_KEY, serialiseSnapshots(list));

  // ─── Form ↔ answers ──────────────────────────────────────────────────────────────────────
  const fieldsetOf = (id: string) => root.querySelector<HTMLFieldSetElement>(`fieldset[data-question="${id}"]`)!;
  const inputsOf = (id: string) => [...fieldsetOf(id).querySelectorAll<HTMLInputElement>('input')];
  const evidenceOf = (id: string) => fieldsetOf(id).querySelector<HTMLSelectElement>('[data-evidence]');

  const checkedOf = (id: string) => inputsOf(id).flatMap((input) => (input.checked ? [input.value] : []));

  const writeForm = () => {
    for (const [id, question] of questions) {
      const answer = Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : undefined;
      for (const input of inputsOf(id)) input.checked = isTicked(question, answer, input.value);
      const select = evidenceOf(id);
      if (select) select.value = answer?.evidence ?? '';
    }
    updateVisibility();
  };

  const updateMinutes = () => {
    const text = t('assessment.ui.minutes-left', { minutes: minutesFor(openQuestions(q, answers, mode === 'quick')) });
    for (const span of root.querySelectorAll<HTMLElement>('[data-minutes]')) span.textContent = text;
  };

  /** Shows the questions that apply, and asks for evidence only where the answer scores. */
  const updateVisibility = () => {
    updateMinutes();
    const { states, levels } = resolve(q, answers);
    for (const id of questions.keys()) {
      fieldsetOf(id).hidden = states.get(id)?.kind === 'hidden';
      const evidence = evidenceOf(id)?.closest<HTMLElement>('.kb-assess__evidence');
      if (evidence) evidence.hidden = !(levels.get(id) ?? 0);
    }
  };

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const fs = target.closest<HTMLFieldSetElement>('fieldset[data-question]');
    if (!fs) return;
    const id = fs.dataset.question!;
    const question = questions.get(id);
    if (!question) return;
    if (fs.hasAttribute('data-multiple') && target instanceof HTMLInputElement && target.checked) {
      const keep = new Set(afterTicking(checkedOf(id), target.value));
      for (const input of inputsOf(id)) input.checked = keep.has(input.value);
    }
    const answer = answerFromForm(question, checkedOf(id), evidenceOf(id)?.value ?? '');
    if (answer) answers = { ...answers, [id]: answer };
    else {
      const { [id]: _removed, ...rest } = answers;
      answers = rest;
    }
    save();
    updateVisibility();
  });

  // ─── Navigation ──────────────────────────────────────────────────────────────────────────
  const setMode = (next: 'quick' | 'full') => {
    mode = next;
    root.dataset.mode = next;
    updateMinutes();
  };
  const showQuick = () => {
    setMode('quick');
    resultsView.hidden = true;
    form.hidden = false;
    for (const section of groups) section.hidden = !section.querySelector('[data-quick]');
    root.querySelector<HTMLInputElement>('[data-quick] input')?.focus();
  };
  const showGroup = (index: number, focus = true) => {
    setMode('full');
    current = Math.max(0, Math.min(groups.length - 1, index));
    resultsView.hidden = true;
    form.hidden = false;
    groups.forEach((section, i) => (section.hidden = i !== current));
    if (focus) groups[current]?.querySelector<HTMLElement>('h3')?.focus();
  };
  root.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('button');
    if (!button || !root.contains(button)) return;
    if (button.dataset.mode === 'quick') showQuick();
    else if (button.dataset.mode === 'full') showGroup(0);
    else if (button.hasAttribute('data-quick-done')) showResults();
    else if (button.hasAttribute('data-continue-full')) {
      // Start the full assessment at the first group with a question still open.
      showGroup(firstOpenGroup(q, answers));
    } else if (button.hasAttribute('data-prev')) showGroup(current - 1);
    else if (button.hasAttribute('data-next')) {
      if (current === groups.length - 1) showResults();
      else showGroup(current + 1);
    }
  });
  $('[data-show-results]').addEventListener('click', () => showResults());
  $('[data-back-to-questions]').addEventListener('click', () => showGroup(current));
  // A printed report shows everything, the collapsed lists included.
  window.addEventListener('beforeprint', () => reportEl.querySelectorAll('details').forEach((details) => (details.open = true)));
  $('[data-print]').addEventListener('click', () => {
    if (resultsView.hidden) showResults(false);
    window.print();
  });
  $('[data-reset]').addEventListener('click', () => {
    if (!window.confirm(t('assessment.message.reset-confirm'))) return;
    answers = {};
    storage?.removeItem(STORAGE_KEY);
    writeForm();
    showGroup(0);
    say(t('assessment.message.reset-done'));
  });

  const showResults = (focus = true) => {
    const report = score(q, answers);
    reportEl.replaceChildren(
      mode === 'quick' ? renderProvisional(view, quickScan(q, answers), openQuestions(q, answers)) : renderReport(view, report, { date: new Date(), version }),
    );
    whatIfPanel.refresh();
    snapshots.refresh();
    form.hidden = true;
    resultsView.hidden = false;
    if (focus) $('#kb-assess-results-title').focus();
  };

  // ─── Export, import, share ───────────────────────────────────────────────────────────────
  $('[data-export]').addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([exportAnswers(answers)], { type: 'application/json' }));
    const link = el('a', { href: url, download: 'readiness-assessment.json' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    say(t('assessment.message.exported'));
  });
  const importInput = $<HTMLInputElement>('[data-import]');
  importInput.addEventListener('change', async () => {
    const file = importInput.files?.[0];
    if (!file) return;
    // Read at most one byte more than allowed: the decoder then reports "too large".
    const text = await (file.size > MAX_INPUT_BYTES ? file.slice(0, MAX_INPUT_BYTES + 1) : file).text();
    importInput.value = '';
    const result = importAnswers(q, text);
    if (!result.ok) return say(t('assessment.message.import-failed') + decodeError(result.error), 'error');
    answers = result.answers;
    save();
    writeForm();
    showResults(false);
    say(t('assessment.message.imported', { count: Object.keys(answers).length }));
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
      say(t('assessment.message.copied'));
    } catch {
      shareUrl.select();
      say(t('assessment.message.copy-failed'), 'error');
    }
  });

  // ─── What-if, snapshots and compare ──────────────────────────────────────────────────────
  const shell: Shell = { view, $, answers: () => answers, say };
  const whatIfPanel = mountWhatIf(shell);
  const snapshots = mountSnapshots(shell, { load: loadSnapshots, save: saveSnapshots });

  // ─── Shared answers in the URL fragment ──────────────────────────────────────────────────
  const sharedBox = $('[data-shared]');
  let shared: Answers | undefined;
  const clearFragment = () => history.replaceState(history.state, '', location.pathname + location.search);
  const checkFragment = () => {
    const match = /^#a=(.*)$/s.exec(location.hash);
    if (!match) return;
    const result = decodeFragment(q, match[1]);
    if (!result.ok) {
      // Cleared so that a reload does not show the same error again.
      clearFragment();
      say(t('assessment.message.link-failed') + decodeError(result.error), 'error');
      return;
    }
    shared = result.answers;
    $('[data-shared-text]').textContent = t('assessment.shared.text', { count: Object.keys(shared).length });
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
    say(t('assessment.message.shared-loaded'));
  });
  $('[data-compare-shared]').addEventListener('click', () => {
    if (!shared) return;
    const index = snapshots.add(t('assessment.snapshot.shared-name'), shared);
    if (index === undefined) return;
    shared = undefined;
    sharedBox.hidden = true;
    clearFragment();
    showResults(false);
    snapshots.compareWithCurrent(index);
  });
  $('[data-ignore-shared]').addEventListener('click', () => {
    shared = undefined;
    sharedBox.hidden = true;
    clearFragment();
    say(t('assessment.message.shared-ignored'));
  });

  // ─── Start ───────────────────────────────────────────────────────────────────────────────
  restore();
  writeForm();
  app.hidden = false;
  root.dataset.ready = '';
  checkFragment();
  window.addEventListener('hashchange', checkFragment);
}
