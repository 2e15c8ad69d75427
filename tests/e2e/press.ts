import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Presses a button the way a keyboard user does: focus, then Enter. Far down a long article the
 * blocks around an example are laid out lazily and take their real heights in the frames after
 * it is scrolled to; under CPU load a mouse click there sometimes did nothing (most likely the
 * press and the release landed on different elements). Focus and Enter do not depend on where
 * the button is drawn. The mouse path is covered on pages that do not move (the assessment).
 */
export async function press(button: Locator): Promise<void> {
  // An example starts (and enables its buttons) once it is near the viewport (island.ts).
  await button.scrollIntoViewIfNeeded();
  await expect(button).toBeEnabled();
  await button.focus();
  await expect(button).toBeFocused();
  await button.press('Enter');
}

/**
 * Scrolls an example into view and waits until it has started (its Run button enabled): examples
 * start near the viewport (island.ts), and only then put their settings form in place.
 */
export async function reach(section: Locator): Promise<void> {
  await section.scrollIntoViewIfNeeded();
  await expect(section.locator('[data-run]').first()).toBeEnabled();
}

/** Reaches an example, presses Run and waits until the run has ended (in whatever state). */
export async function runSection(section: Locator, timeout = 60_000): Promise<void> {
  await reach(section);
  await press(section.locator('[data-run]'));
  await expect(section).toHaveAttribute('data-state', /done|error|stopped|diverged/, { timeout });
}

/** `runSection` for the example `id` of the page; returns its section. */
export async function runExample(page: Page, id: string, timeout = 60_000): Promise<Locator> {
  const section = page.locator(`[data-example="${id}"]`).first();
  await runSection(section, timeout);
  return section;
}
