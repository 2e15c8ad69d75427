import type { Page } from '@playwright/test';
import { exportAnswers, type Answers } from '../../src/lib/assessment/index.ts';
import { STORAGE_KEY } from '../../src/components/assessment/labels.ts';

/**
 * Saved assessment answers for the next page load, as if the reader had answered before: set
 * before the page's scripts run, so a test that is not about answering needs one page load,
 * not a load, a write and a reload. Applied once per tab: later reloads see what the page saved.
 */
export async function setAssessmentAnswers(page: Page, answers: Answers): Promise<void> {
  await page.addInitScript(
    ([key, text]) => {
      if (sessionStorage.getItem('kb-test-seeded')) return;
      sessionStorage.setItem('kb-test-seeded', '1');
      localStorage.setItem(key, text);
    },
    [STORAGE_KEY, exportAnswers(answers)] as const,
  );
}
