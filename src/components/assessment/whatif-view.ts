/** The what-if panel: one answer changed, the scores and flags it would move; saved answers stay as they are. */
import { whatIf } from '../../lib/assessment/score.ts';
import { whatIfChoices } from '../../lib/assessment/form.ts';
import { resolve } from '../../lib/assessment/state.ts';
import { renderDelta } from './delta-view.ts';
import { el } from './dom.ts';
import type { Shell } from './shell.ts';
import { optionText, pick, questionText } from './view-context.ts';

/** Wires the panel; `refresh` refills the question list for the current answers. */
export function mountWhatIf(shell: Shell): { refresh: () => void } {
  const { view, $ } = shell;
  const { q, t, questions } = view;
  const whatIfQuestion = $<HTMLSelectElement>('[data-whatif-question]');
  const whatIfValue = $<HTMLSelectElement>('[data-whatif-value]');
  const whatIfOutput = $('[data-whatif-output]');
  const fillWhatIf = () => {
    const previous = whatIfQuestion.value;
    const { states } = resolve(q, shell.answers());
    whatIfQuestion.replaceChildren(
      ...q.groups.map((g) =>
        el(
          'optgroup',
          { label: pick(view, g.title) },
          ...g.questions.filter((x) => states.get(x.id)?.kind !== 'hidden').map((x) => el('option', { value: x.id }, pick(view, x.text))),
        ),
      ),
    );
    if (previous && questions.has(previous)) whatIfQuestion.value = previous;
    fillWhatIfValues();
  };
  const fillWhatIfValues = () => {
    const question = questions.get(whatIfQuestion.value);
    if (!question) return whatIfValue.replaceChildren();
    const label = (choice: ReturnType<typeof whatIfChoices>[number]) => {
      if (choice.label === 'all') return t('assessment.whatif.all');
      if (choice.label === 'none') return t('assessment.ui.none');
      if (choice.label === 'unknown') return t('assessment.ui.unknown');
      const text = optionText(view, question.id, choice.option);
      return Array.isArray(choice.value) ? t('assessment.whatif.only', { option: text }) : text;
    };
    whatIfValue.replaceChildren(...whatIfChoices(question).map((choice) => el('option', { value: JSON.stringify(choice.value) }, label(choice))));
  };
  whatIfQuestion.addEventListener('change', fillWhatIfValues);
  $('[data-whatif-run]').addEventListener('click', () => {
    const id = whatIfQuestion.value;
    if (!questions.has(id) || !whatIfValue.value) return;
    const result = whatIf(q, shell.answers(), id, JSON.parse(whatIfValue.value) as string | string[]);
    whatIfOutput.replaceChildren(
      el('p', {}, t('assessment.whatif.if', { question: questionText(view, id), answer: whatIfValue.selectedOptions[0]?.textContent ?? '' })),
      renderDelta(view, result.delta, result.base, result.report),
    );
  });
  return { refresh: fillWhatIf };
}
