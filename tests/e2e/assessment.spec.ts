// The readiness-assessment page: keyboard-only flow in both languages checked against the
// engine run in Node, autosave, reset, export/import (and every rejection), share links,
// what-if, snapshots, axe, and network privacy.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { BAND_LABELS, compare, encodeFragment, exportAnswers, score, type Answers } from '../../src/lib/assessment/index.ts';
import { sealFragment } from '../../src/lib/assessment/codec.ts';
import { loadQuestionnaire } from '../../src/lib/assessment/load-node.ts';
import { setAssessmentAnswers } from './assessment-state.ts';
import { axeViolations } from './axe.ts';

const KEY = 'kb-assessment-v1';
const questionnaire = loadQuestionnaire(new URL('../../content/assessment', import.meta.url).pathname);
const profile = (name: string) =>
  (JSON.parse(readFileSync(new URL(`../unit/assessment/profiles/${name}.json`, import.meta.url), 'utf8')) as { saved: { answers: Answers } }).saved.answers;
const careful = profile('careful');
const hype = profile('hype-driven');
const fmt = (value: number) => (Math.round(value * 10) / 10).toFixed(1);
const LANGS = [
  { lang: 'zh-CN', path: '/assessment/' },
  { lang: 'en', path: '/en/assessment/' },
] as const;

async function open(page: Page, path = '/en/assessment/') {
  await page.goto(path);
  await expect(page.locator('[data-kb-assess][data-ready]')).toBeAttached();
}
const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), KEY);
const message = (page: Page) => page.locator('[data-message]');

async function seed(page: Page, answers: Answers, path = '/en/assessment/') {
  await setAssessmentAnswers(page, answers);
  await open(page, path);
}

/** Answers the visible group with Tab, arrow keys and Space only, then presses Enter on "Next". */
async function answerGroupByKeyboard(page: Page, answers: Answers) {
  for (let step = 0; step < 400; step++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | HTMLSelectElement | HTMLButtonElement | null;
      const fs = el?.closest('fieldset[data-question]') as HTMLElement | null;
      const radios = fs ? [...fs.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((r) => r.value) : [];
      return {
        tag: el?.tagName ?? '',
        type: (el as HTMLInputElement | null)?.type ?? '',
        value: (el as HTMLInputElement | null)?.value ?? '',
        question: fs?.dataset.question ?? '',
        radios,
        next: el?.hasAttribute('data-next') ?? false,
      };
    });
    const answer = answers[focus.question];
    if (focus.next) return page.keyboard.press('Enter');
    if (!focus.question || !answer) continue;
    if (focus.tag === 'INPUT' && focus.type === 'radio') {
      const target = focus.radios.indexOf(answer.value as string);
      const from = focus.radios.indexOf(focus.value);
      if (target === from) await page.keyboard.press('Space');
      for (let i = from; i < target; i++) await page.keyboard.press('ArrowDown');
      for (let i = from; i > target; i--) await page.keyboard.press('ArrowUp');
    } else if (focus.tag === 'INPUT' && focus.type === 'checkbox') {
      const value = answer.value;
      const wanted =
        value === 'unknown' ? focus.value === 'unknown' : Array.isArray(value) && (value.length ? value.includes(focus.value) : focus.value === '--none');
      if (wanted) await page.keyboard.press('Space');
    } else if (focus.tag === 'SELECT' && answer.evidence) {
      const steps = ['', 'belief', 'some', 'measured'].indexOf(answer.evidence);
      for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
    }
  }
  throw new Error('never reached the Next button');
}

for (const { lang, path } of LANGS) {
  test(`keyboard-only full flow (${lang}) shows the engine's band and overall`, async ({ page }) => {
    test.setTimeout(180_000);
    await open(page, path);
    const groups = await page.locator('[data-group]').count();
    expect(groups).toBe(questionnaire.groups.length);
    await expect(page.locator('[data-group]:not([hidden]) .kb-assess__progress')).toContainText(
      lang === 'en' ? `Group 1 of ${groups}` : `第 1 组，共 ${groups} 组`,
    );
    await page.locator('[data-group]:not([hidden]) h3').focus();
    for (let g = 0; g < groups; g++) {
      await answerGroupByKeyboard(page, careful);
      if (g < groups - 1) {
        // Focus moves to the heading of the next group.
        await expect(page.locator(`[data-group][data-index="${g + 1}"] h3`)).toBeFocused();
      }
    }
    await expect(page.locator('#kb-assess-results-title')).toBeFocused();
    const expected = score(questionnaire, careful);
    await expect(page.locator('[data-band-label]')).toHaveText(BAND_LABELS[expected.band][lang]);
    await expect(page.locator('[data-overall-value]')).toHaveText(fmt(expected.overall));
    await expect(page.locator('[data-range]')).toContainText(`[${fmt(expected.range.low)}, ${fmt(expected.range.high)}]`);
    // The saved answers score the same as the profile (answers to hidden questions are dropped).
    const saved = JSON.parse((await stored(page))!).answers as Answers;
    expect(fmt(score(questionnaire, saved).overall)).toBe(fmt(expected.overall));
    // Radar chart with its table fallback.
    await expect(page.locator('.kb-radar[role="img"]')).toHaveAttribute('aria-label', /.+/);
    await expect(page.locator('table.kb-assess__dims tbody tr')).toHaveCount(expected.dimensions.length);
  });
}

test('conditional questions appear and disappear live', async ({ page }) => {
  await open(page);
  const shown = page.locator('fieldset[data-question="pr-measures"]');
  await expect(shown).toBeHidden();
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('fieldset[data-question="ch-2"] input[value="personal-data"]')!;
    input.click();
  });
  await expect(shown).toHaveJSProperty('hidden', false);
  await page.evaluate(() => document.querySelector<HTMLInputElement>('fieldset[data-question="ch-2"] input[value="unknown"]')!.click());
  await expect(shown).toHaveJSProperty('hidden', true);
});

test('answers are autosaved, survive a reload, and Reset clears them', async ({ page }) => {
  await open(page);
  await page.locator('fieldset[data-question="fl-stage"] input[value="research"]').check();
  expect(JSON.parse((await stored(page))!).answers['fl-stage']).toEqual({ value: 'research' });
  await page.reload();
  await expect(page.locator('fieldset[data-question="fl-stage"] input[value="research"]')).toBeChecked();
  page.once('dialog', (dialog) => dialog.accept());
  await page.locator('[data-reset]').click();
  await expect(page.locator('fieldset[data-question="fl-stage"] input[value="research"]')).not.toBeChecked();
  expect(await stored(page)).toBeNull();
  await page.reload();
  await expect(page.locator('fieldset[data-question="fl-stage"] input[value="research"]')).not.toBeChecked();
});

test('export then import round-trips the answers', async ({ page }) => {
  await seed(page, careful);
  const before = await stored(page);
  await page.locator('[data-show-results]').click();
  const downloading = page.waitForEvent('download');
  await page.locator('[data-export]').click();
  const file = await (await downloading).path();
  const exported = readFileSync(file, 'utf8');
  expect(exported).toBe(before);
  page.once('dialog', (dialog) => dialog.accept());
  await page.locator('[data-reset]').click();
  expect(await stored(page)).toBeNull();
  await page.locator('[data-show-results]').click();
  await page.locator('[data-import]').setInputFiles(file);
  await expect(message(page)).toContainText('Imported');
  expect(await stored(page)).toBe(before);
  await expect(page.locator('[data-overall-value]')).toHaveText(fmt(score(questionnaire, careful).overall));
});

const badFiles: [string, string, RegExp][] = [
  ['malformed JSON', '{"version": 1, "answers": {', /not valid JSON/],
  ['wrong version', JSON.stringify({ version: 2, answers: {} }), /Unsupported version/],
  ['unknown question id', JSON.stringify({ version: 1, answers: { 'no-such-question': { value: 'x' } } }), /has no question "no-such-question"/],
  ['out-of-range value', JSON.stringify({ version: 1, answers: { 'hh-1': { value: 'eleven' } } }), /has no option "eleven"/],
  ['file over 64 KB', JSON.stringify({ version: 1, answers: {}, pad: 'x'.repeat(70 * 1024) }), /too large/],
];
for (const [name, content, pattern] of badFiles) {
  test(`import rejects a ${name} and leaves the saved answers unchanged`, async ({ page }) => {
    await seed(page, hype);
    const before = await stored(page);
    await page.locator('[data-show-results]').click();
    const path = join(tmpdir(), `kb-assess-${name.replace(/\W+/g, '-')}.json`);
    writeFileSync(path, content);
    await page.locator('[data-import]').setInputFiles(path);
    await expect(message(page)).toHaveClass(/is-error/);
    await expect(message(page)).toContainText('Import failed; your saved answers are unchanged');
    await expect(message(page)).toContainText(pattern);
    expect(await stored(page)).toBe(before);
  });
}

test('import errors are shown in Chinese on the Chinese page', async ({ page }) => {
  await seed(page, hype, '/assessment/');
  const before = await stored(page);
  await page.locator('[data-show-results]').click();
  const path = join(tmpdir(), 'kb-assess-zh-bad.json');
  writeFileSync(path, '{');
  await page.locator('[data-import]').setInputFiles(path);
  await expect(message(page)).toContainText('导入失败');
  await expect(message(page)).toContainText('内容不是有效的 JSON');
  expect(await stored(page)).toBe(before);
});

for (const [name, fragment, pattern] of [
  ['bad base64', '#a=%%%not-base64', /checksum does not match/],
  ['unknown ids', `#a=${sealFragment(JSON.stringify({ v: 2, a: { 'zz-nope': 'x' } }))}`, /has no question "zz-nope"/],
] as const) {
  test(`a tampered share link (${name}) shows an error and keeps the saved answers`, async ({ page }) => {
    await seed(page, careful);
    const before = await stored(page);
    await page.goto(`/en/assessment/${fragment}`);
    await expect(message(page)).toHaveClass(/is-error/);
    await expect(message(page)).toContainText(pattern);
    await expect(page.locator('[data-shared]')).toBeHidden();
    expect(await stored(page)).toBe(before);
  });
}

test('a good share link loads only after confirmation', async ({ page }) => {
  await seed(page, careful);
  const before = await stored(page);
  await page.locator('[data-show-results]').click();
  await page.locator('[data-share]').click();
  const url = await page.locator('[data-share-url]').inputValue();
  expect(url).toContain('#a=');
  // Share the hype-driven answers instead.
  await page.goto(`/en/assessment/#a=${encodeFragment(hype)}`);
  await expect(page.locator('[data-shared]')).toBeVisible();
  expect(await stored(page)).toBe(before);
  await page.locator('[data-load-shared]').click();
  await expect(page.locator('[data-overall-value]')).toHaveText(fmt(score(questionnaire, hype).overall));
  expect(await stored(page)).toBe(exportAnswers(hype));
  expect(new URL(page.url()).hash).toBe('');
  // The link built on the page decodes to the answers it was made from.
  await page.goto(url);
  await page.locator('[data-load-shared]').click();
  expect(await stored(page)).toBe(before);
});

test('a share link can be kept as a snapshot and compared, keeping the saved answers', async ({ page }) => {
  await seed(page, careful);
  const before = await stored(page);
  await page.goto(`/en/assessment/#a=${encodeFragment(hype)}`);
  await page.locator('[data-compare-shared]').click();
  expect(await stored(page)).toBe(before);
  expect(new URL(page.url()).hash).toBe('');
  await expect(page.locator('[data-shared]')).toBeHidden();
  await expect(page.locator('[data-overall-value]')).toHaveText(fmt(score(questionnaire, careful).overall));
  await expect(page.locator('[data-snapshot-list] li')).toHaveCount(1);
  await expect(page.locator('[data-snapshot-list] li')).toContainText('Shared answers');
  const output = page.locator('[data-compare-output]');
  await expect(output).toBeFocused();
  const diff = Math.round((score(questionnaire, hype).overall - score(questionnaire, careful).overall) * 10) / 10;
  await expect(output.locator('[data-delta-overall]')).toHaveText(`−${Math.abs(diff).toFixed(1)}`);
});

test('what-if shows a delta without changing the saved answers', async ({ page }) => {
  await seed(page, careful);
  const before = await stored(page);
  await page.locator('[data-show-results]').click();
  await page.locator('[data-whatif-question]').selectOption('hh-1');
  await page.locator('[data-whatif-value]').selectOption(JSON.stringify('unknown'));
  await page.locator('[data-whatif-run]').click();
  const output = page.locator('[data-whatif-output]');
  await expect(output.locator('[data-delta-overall]')).toHaveText(/^−\d/);
  await expect(output).toContainText('Flags added');
  await expect(output).toContainText('Technology first');
  expect(await stored(page)).toBe(before);
});

test('two snapshots can be compared', async ({ page }) => {
  await seed(page, careful);
  await page.locator('[data-show-results]').click();
  await page.locator('[data-snapshot-name]').fill('Careful <b>');
  await page.locator('[data-snapshot-save]').click();
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, exportAnswers(hype)] as const);
  await page.reload();
  await page.locator('[data-show-results]').click();
  await page.locator('[data-snapshot-name]').fill('Hype');
  await page.locator('[data-snapshot-save]').click();
  await expect(page.locator('[data-snapshot-list] li')).toHaveCount(2);
  // Snapshot names are text, never markup.
  await expect(page.locator('[data-snapshot-list] li').first()).toContainText('Careful <b>');
  await page.locator('[data-compare-a]').selectOption('0');
  await page.locator('[data-compare-b]').selectOption('1');
  await page.locator('[data-compare-run]').click();
  const a = score(questionnaire, careful);
  const b = score(questionnaire, hype);
  const output = page.locator('[data-compare-output]');
  const diff = Math.round((b.overall - a.overall) * 10) / 10;
  await expect(output.locator('[data-delta-overall]')).toHaveText(`−${Math.abs(diff).toFixed(1)}`);
  await expect(output).toContainText(`${BAND_LABELS[a.band].en} → ${BAND_LABELS[b.band].en}`);
  // Which answers changed, largest loss first.
  const changes = compare(a, b).answers;
  const rows = output.locator('.kb-assess__changes tbody tr');
  await expect(rows).toHaveCount(changes.length);
  const first = questionnaire.groups.flatMap((g) => g.questions).find((q) => q.id === changes[0]!.question)!;
  await expect(rows.first().locator('th')).toHaveText(first.text.en);
  await expect(rows.first().locator('td').last()).toHaveText(`−${-changes[0]!.points}`);
});

// One axe scan per view, each in its own test: the start view (whole page), the results view
// (the assessment; the page around it is the start view's), and the what-if and comparison
// outputs (only they change).
for (const { lang, path } of LANGS) {
  test(`no axe violations on the start view (${lang})`, async ({ page }) => {
    await seed(page, hype, path);
    expect(await axeViolations(page)).toEqual([]);
  });

  test(`no axe violations on the results view (${lang})`, async ({ page }) => {
    test.setTimeout(90_000); // 35 s under heavy contention: page load, results rendered, scan of the assessment
    await seed(page, hype, path);
    await page.locator('[data-show-results]').click();
    await page.locator('details.kb-assess__why').first().locator('summary').click();
    expect(await axeViolations(page, '[data-kb-assess]')).toEqual([]);
  });

  test(`no axe violations in the what-if and comparison outputs (${lang})`, async ({ page }) => {
    test.setTimeout(90_000); // 35 s under heavy contention: page load, four actions, two scans
    await seed(page, hype, path);
    await page.locator('[data-show-results]').click();
    // A what-if with its table of changed answers, and a comparison.
    await page.locator('[data-whatif-question]').selectOption('hh-1');
    await page.locator('[data-whatif-value]').selectOption(JSON.stringify('committed'));
    await page.locator('[data-whatif-run]').click();
    await page.locator('[data-snapshot-save]').click();
    await page.locator('[data-compare-run]').click();
    await expect(page.locator('[data-compare-output] [data-delta]')).toBeVisible();
    await expect(page.locator('[data-whatif-output] table.kb-assess__changes')).toBeVisible();
    expect(await axeViolations(page, '[data-whatif-output]')).toEqual([]);
    expect(await axeViolations(page, '[data-compare-output]')).toEqual([]);
  });
}

test('worksheet pages list every question without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const total = questionnaire.groups.reduce((n, g) => n + g.questions.length, 0);
  for (const path of ['/assessment-worksheet/', '/en/assessment-worksheet/']) {
    await page.goto(path);
    await expect(page.locator('.kb-assess-sheet__q')).toHaveCount(total);
  }
  await context.close();
});

for (const path of ['/assessment-worksheet/', '/en/assessment-worksheet/']) {
  test(`worksheet ${path} has no axe violations`, async ({ page }) => {
    test.setTimeout(120_000); // every question of the assessment on one page, scanned whole
    await page.goto(path);
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('network privacy: after load, no request leaves the origin or carries answers', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await open(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  // A full assessment: answer every group, see results, what-if, share link, snapshot, compare.
  for (const [id, answer] of Object.entries(careful)) {
    await page.evaluate(
      ([qid, value]) => {
        const fs = document.querySelector(`fieldset[data-question="${qid}"]`);
        if (!fs) return;
        const values = value === 'unknown' ? ['unknown'] : Array.isArray(value) ? (value.length ? value : ['--none']) : [value];
        for (const v of values) fs.querySelector<HTMLInputElement>(`input[value="${v}"]`)?.click();
      },
      [id, answer.value] as const,
    );
  }
  for (let i = 0; i < questionnaire.groups.length - 1; i++) await page.locator('[data-group]:not([hidden]) [data-next]').click();
  await page.locator('[data-group]:not([hidden]) [data-next]').click();
  await expect(page.locator('[data-overall-value]')).toBeVisible();
  await page.locator('[data-whatif-run]').click();
  await page.locator('[data-share]').click();
  await page.locator('[data-snapshot-save]').click();
  await page.locator('[data-compare-run]').click();
  await page.waitForLoadState('networkidle'); // any request the last clicks caused has been sent
  const origin = new URL(baseURL!).origin;
  const foreign = requests.filter((url) => !url.startsWith(`${origin}/`));
  expect(foreign).toEqual([]);
  // Pagefind (preloaded when the browser is idle or the pointer rests on the search button) adds a
  // timestamp to its index manifest to skip stale caches; that is the only query string allowed.
  const carrying = requests.filter((url) => {
    const { search, hash } = new URL(url);
    return hash !== '' || (search !== '' && !/^\?ts=\d+$/.test(search)) || /kb-assessment|a=/.test(url);
  });
  expect(carrying).toEqual([]);
  // Only static files (scripts, styles, fonts, images, the search index when it preloads) may be fetched after load.
  for (const url of requests) expect(new URL(url).pathname).toMatch(/\.(js|css|woff2?|svg|png|ico|json|webp|pagefind|pf_meta|pf_index|pf_fragment)$/);
});

// ─── Reports founders can trust (issue 16): answers set through storage, so each test is quick ───

const LINKED_PROFILES = ['hype-driven', 'hype-over-claims', 'thin-runway-b2b', 'answers-nothing'] as const;

/** Opens the page with these answers already saved (one page load), then shows the results. */
async function results(page: Page, answers: Answers, path = '/en/assessment/') {
  await page.addInitScript(([key, text]) => localStorage.setItem(key, text), [KEY, exportAnswers(answers)] as const);
  await open(page, path);
  await page.locator('[data-show-results]').click();
  await expect(page.locator('[data-overall-value]')).toBeVisible();
}

for (const [i, name] of LINKED_PROFILES.entries()) {
  const path = i % 2 ? '/assessment/' : '/en/assessment/';
  test(`the page lists flags in exactly the engine order (${name}, ${path})`, async ({ page }) => {
    const answers = profile(name);
    await results(page, answers, path);
    const expected = score(questionnaire, answers).flags.map((f) => f.id);
    expect(expected.length).toBeGreaterThan(0);
    await expect(page.locator('[data-flag]')).toHaveCount(expected.length);
    expect(await page.locator('[data-flag]').evaluateAll((items) => items.map((li) => li.getAttribute('data-flag')))).toEqual(expected);
  });
}

test('a founder who over-claims sees the evidence-backed score beside the claim, "Blocked by" and three actions first', async ({ page }) => {
  const answers = profile('hype-over-claims');
  const report = score(questionnaire, answers);
  await results(page, answers);
  await expect(page.locator('[data-overall-value]')).toHaveText(fmt(report.overall));
  await expect(page.locator('[data-claimed-value]')).toHaveText(fmt(report.claimed));
  const reds = report.flags.filter((f) => f.level === 'red').length;
  await expect(page.locator('[data-blocked]')).toHaveText(new RegExp(`^Blocked by ${reds} issues`));
  const top = page.locator('[data-top-actions] > li');
  await expect(top).toHaveCount(3);
  expect(await top.evaluateAll((items) => items.map((li) => li.getAttribute('data-action')))).toEqual(report.nextActions.slice(0, 3).map((a) => a.question));
  const more = page.locator('details[data-more-actions]');
  await expect(more).not.toHaveAttribute('open', '');
  await expect(more.locator('li').first()).toBeHidden();
  // Citations name the article and the section, never a number like "000 §2.5".
  const links = await page.locator('[data-report] a[href*="/articles/"]').allTextContents();
  expect(links.length).toBeGreaterThan(10);
  expect(links.filter((text) => /§|\b00\d\b/.test(text))).toEqual([]);
});

test('the evidence level is asked only where the answer scores', async ({ page }) => {
  await open(page);
  const evidence = page.locator('fieldset[data-question="hh-1"] .kb-assess__evidence');
  await expect(evidence).toHaveJSProperty('hidden', true);
  await page.evaluate(() => document.querySelector<HTMLInputElement>('fieldset[data-question="hh-1"] input[value="few"]')!.click());
  await expect(evidence).toHaveJSProperty('hidden', false);
  await page.evaluate(() => document.querySelector<HTMLInputElement>('fieldset[data-question="hh-1"] input[value="not-validated"]')!.click());
  await expect(evidence).toHaveJSProperty('hidden', true);
});

test('a corrupted share link is rejected, cleared from the address bar, and the saved answers stay', async ({ page }) => {
  await seed(page, profile('careful'));
  const before = await stored(page);
  const good = encodeFragment(profile('hype-driven'));
  const at = Math.floor(good.length / 2);
  const corrupted = good.slice(0, at) + (good[at] === 'A' ? 'B' : 'A') + good.slice(at + 1);
  await page.goto(`/en/assessment/#a=${corrupted}`);
  await expect(message(page)).toHaveClass(/is-error/);
  await expect(message(page)).toContainText('checksum does not match');
  await expect(page.locator('[data-shared]')).toBeHidden();
  expect(new URL(page.url()).hash).toBe('');
  expect(await stored(page)).toBe(before);
  await page.reload();
  await expect(page.locator('[data-kb-assess][data-ready]')).toBeAttached();
  await expect(message(page)).toBeEmpty();
});

for (const { lang, path } of LANGS) {
  test(`the printed report (${lang}) is dated, versioned and shows the report alone`, async ({ page }) => {
    await results(page, profile('thin-runway-b2b'), path);
    await page.emulateMedia({ media: 'print' });
    const meta = page.locator('[data-report-meta]');
    await expect(meta).toBeVisible();
    await expect(meta).toContainText(new Date().getFullYear().toString());
    await expect(meta).toContainText(/[0-9a-f]{8}/);
    await expect(page.locator('[data-form]')).toBeHidden();
    await expect(page.locator('[data-whatif-run]')).toBeHidden();
    await expect(page.locator('[data-flag="runway-under-12-months"]')).toBeVisible();
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
}

for (const { lang, path } of LANGS) {
  test(`a flag and a question no article covers say so instead of citing one (${lang})`, async ({ page }) => {
    await results(page, profile('thin-runway-b2b'), path);
    const beyond = lang === 'en' ? /^Beyond the articles: \S/ : /^超出文章范围：\S/;
    const flag = page.locator('[data-flag="single-provider-no-exit"]');
    await expect(flag.locator('.kb-assess__beyond')).toHaveText(beyond);
    await expect(flag.locator('a')).toHaveCount(0);
    // A flag backed by an article still links to its section.
    await expect(page.locator('[data-flag="runway-under-12-months"] a')).toHaveAttribute('href', /articles\/hype-to-rationality\/#sec-1-2$/);
    await expect(page.locator('fieldset[data-question="vd-vendor"] .kb-assess__beyond')).toHaveText(beyond);
  });
}

test('quick scan → provisional band → full assessment, without asking again', async ({ page }) => {
  const answers = profile('thin-runway-b2b');
  await open(page);
  await expect(page.locator('[data-mode="quick"]')).toContainText(/about \d+ minutes/);
  await expect(page.locator('[data-mode="full"]')).toContainText(/about \d+ minutes/);
  await page.locator('[data-mode="quick"]').click();
  const quickIds = await page.locator('fieldset[data-quick]').evaluateAll((items) => items.map((fs) => (fs as HTMLElement).dataset.question!));
  expect(quickIds.length).toBeGreaterThanOrEqual(10);
  await expect(page.locator('fieldset[data-question="st-3"]')).toBeHidden();
  const before = await page.locator('[data-quick-only] [data-minutes]').textContent();
  // Answer the quick questions by clicking, as a founder would.
  for (const id of quickIds) {
    const value = answers[id]!.value;
    for (const v of Array.isArray(value) ? value : [value]) await page.locator(`fieldset[data-question="${id}"] input[value="${v}"]`).check();
  }
  await expect(page.locator('[data-quick-only] [data-minutes]')).not.toHaveText(before ?? '');
  await page.locator('[data-quick-done]').click();
  const quickAnswers = Object.fromEntries(quickIds.map((id) => [id, { value: answers[id]!.value }]));
  const { quickScan } = await import('../../src/lib/assessment/quick.ts');
  const scan = quickScan(questionnaire, quickAnswers);
  await expect(page.locator('[data-provisional]')).toHaveAttribute('data-provisional', scan.band);
  await expect(page.locator('[data-overall-value]')).toHaveText(fmt(scan.overall));
  await expect(page.locator('[data-band-range]')).toBeVisible();
  await page.locator('[data-continue-full]').click();
  // The full assessment starts at the first group with an open question, the quick answers kept.
  await expect(page.locator('[data-group]:not([hidden]) .kb-assess__progress')).toBeVisible();
  await expect(page.locator('fieldset[data-question="hh-1"] input[value="committed"]')).toBeChecked();
  expect(JSON.parse((await stored(page))!).answers['hh-1']).toEqual({ value: 'committed' });
});
