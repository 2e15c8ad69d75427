import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * axe-core's violations on the page (or only inside `include`, when the rest of the page is
 * scanned by another test), as readable lines. Fast on big pages, same rules: legacy mode runs
 * axe in the page in one pass instead of sending partial results of every element to a second
 * blank page (the site has no cross-origin frames, the one thing legacy mode skips), and only
 * violations are collected, not the passes of thousands of elements. Together about 3× faster
 * on the errata page (13,000 elements) on a busy machine.
 */
export async function axeViolations(page: Page, include: string | string[] = []): Promise<string[]> {
  let builder = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
  for (const selector of [include].flat()) builder = builder.include(selector);
  const result = await builder.analyze();
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );
}
