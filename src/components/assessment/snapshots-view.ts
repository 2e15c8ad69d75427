/** Snapshots and comparison: named, dated copies of the answers, and the delta between any two. */
import { compare, score } from '../../lib/assessment/score.ts';
import type { Snapshot } from '../../lib/assessment/snapshots.ts';
import type { Answers } from '../../lib/assessment/types.ts';
import { renderDelta } from './delta-view.ts';
import { el } from './dom.ts';
import type { Shell } from './shell.ts';

/** Where the snapshots are kept (the browser's storage). */
export interface SnapshotStore {
  load: () => Snapshot[];
  /** Throws when the storage refuses (full or blocked). */
  save: (list: Snapshot[]) => void;
}

export interface SnapshotsPanel {
  /** Refills the list and the comparison choices. */
  refresh: () => void;
  /** Saves a snapshot and returns its index, or reports why it could not be saved. */
  add: (name: string, answers: Answers) => number | undefined;
  /** Compares the current answers with a snapshot and moves the focus to the result. */
  compareWithCurrent: (index: number) => void;
}

export function mountSnapshots(shell: Shell, store: SnapshotStore): SnapshotsPanel {
  const { view, $ } = shell;
  const { q, t } = view;
  const snapshotName = $<HTMLInputElement>('[data-snapshot-name]');
  const snapshotList = $('[data-snapshot-list]');
  const compareA = $<HTMLSelectElement>('[data-compare-a]');
  const compareB = $<HTMLSelectElement>('[data-compare-b]');
  const compareOutput = $('[data-compare-output]');
  const formatDate = (iso: string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(view.lang);
  };
  const fillCompare = () => {
    const list = store.load();
    snapshotList.replaceChildren(
      ...list.map((s, i) =>
        el(
          'li',
          { 'data-snapshot': String(i) },
          el('span', {}, `${s.name} — ${formatDate(s.date)}`),
          ' ',
          el(
            'button',
            { type: 'button', 'data-snapshot-delete': String(i), 'aria-label': t('assessment.snapshot.delete-label', { name: s.name }) },
            t('assessment.snapshot.delete'),
          ),
        ),
      ),
    );
    const options = () => [
      el('option', { value: 'current' }, t('assessment.snapshot.current')),
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
    const list = store.load();
    list.push({ name, date: new Date().toISOString(), answers: saved });
    try {
      store.save(list);
    } catch {
      shell.say(t('assessment.message.snapshot-failed'), 'error');
      return undefined;
    }
    fillCompare();
    shell.say(t('assessment.message.snapshot-saved', { name }));
    return list.length - 1;
  };
  $('[data-snapshot-save]').addEventListener('click', () => {
    const next = store.load().length + 1;
    const name = snapshotName.value.trim() || t('assessment.snapshot.default-name', { n: next });
    if (addSnapshot(name, shell.answers()) !== undefined) snapshotName.value = '';
  });
  snapshotList.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-snapshot-delete]');
    if (!button) return;
    const list = store.load();
    list.splice(Number(button.dataset.snapshotDelete), 1);
    store.save(list);
    fillCompare();
    shell.say(t('assessment.message.snapshot-deleted'));
  });
  const runCompare = () => {
    const list = store.load();
    const answers = shell.answers();
    const pick = (value: string) => (value === 'current' ? answers : (list[Number(value)]?.answers ?? answers));
    const label = (select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '';
    const before = score(q, pick(compareA.value));
    const after = score(q, pick(compareB.value));
    compareOutput.replaceChildren(el('p', {}, `${label(compareA)} → ${label(compareB)}`), renderDelta(view, compare(before, after), before, after));
  };
  $('[data-compare-run]').addEventListener('click', runCompare);
  return {
    refresh: fillCompare,
    add: addSnapshot,
    compareWithCurrent: (index) => {
      compareA.value = 'current';
      compareB.value = String(index);
      runCompare();
      compareOutput.focus();
    },
  };
}
