// Every Mermaid diagram on every article, in both languages, parses and draws.
import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const slugs = readdirSync('content/docs/articles').map((f) => f.replace(/\.mdx?$/, ''));

for (const prefix of ['', '/en']) {
  for (const slug of slugs) {
    test(`diagrams of ${prefix}/articles/${slug}/ draw without errors`, async ({ page }) => {
      await page.goto(`${prefix}/articles/${slug}/`);
      const diagrams = page.locator('pre.mermaid, div.mermaid, .mermaid');
      const count = await diagrams.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) await expect(diagrams.nth(i).locator('svg')).toBeVisible({ timeout: 20_000 });
      await expect(page.getByText(/Syntax error in text|Parse error/i)).toHaveCount(0);
    });
  }
}
