// Every page names a share card of its own (Open Graph / Twitter), drawn at build time and
// served by the site itself: title, description and a 1200 × 630 PNG.
import { expect, test } from '@playwright/test';

for (const path of ['/', '/articles/hype-to-rationality/', '/en/articles/hype-to-rationality/']) {
  test(`${path} has its own share card`, async ({ page }) => {
    await page.goto(path);
    const meta = (property: string) => page.locator(`meta[property="${property}"]`).getAttribute('content');
    expect(await meta('og:title')).toBe(await page.locator('h1').first().textContent());
    expect((await meta('og:description'))!.length).toBeGreaterThan(20);
    const image = (await meta('og:image'))!;
    expect(await page.locator('meta[name="twitter:image"]').getAttribute('content')).toBe(image);
    const response = await page.request.get(image);
    expect(response.headers()['content-type']).toBe('image/png');
    const png = await response.body();
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]); // IHDR width, height
    expect(png.length).toBeGreaterThan(10_000); // text drawn, not a blank card
  });
}
