// Every built page is valid HTML (html-validate's "standard" preset: conformance to the
// HTML standard, not style). One known exception belongs to Expressive Code, the code-block
// renderer Starlight ships: it puts one <div> per code line inside <code> (and inside its
// copy button). Browsers and screen readers handle it; it is excluded by exact message.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { expect, it } from 'vitest';

const EXPRESSIVE_CODE = /^<div> element is not permitted as content under <(code|button)>$/;
const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
const pages = readdirSync('dist', { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.html'))
  .map((e) => join(e.parentPath, e.name));

it.each(pages)('%s is valid HTML', async (page) => {
  const report = await validator.validateFile(page);
  const messages = report.results
    .flatMap((r) => r.messages)
    .filter((m) => !(m.ruleId === 'element-permitted-content' && EXPRESSIVE_CODE.test(m.message)))
    .map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  expect(messages).toEqual([]);
});
