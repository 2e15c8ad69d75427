// The real content/assessment data: valid, cites existing articles and sections, and the
// validator catches the mistakes contributors are most likely to make.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ARTICLES, validateQuestionnaire, type RawQuestionnaire } from '../../../src/schemas/assessment.ts';
import { loadQuestionnaire, readQuestionnaireFiles } from '../../../src/lib/assessment/load-node.ts';
import { outline } from '../../../src/lib/mdx-outline.ts';

// Parsing the five article pages for their anchors takes a moment.
vi.setConfig({ testTimeout: 30_000 });

const raw = readQuestionnaireFiles();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break the raw YAML data freely
type Editable = RawQuestionnaire & { dimensions: any[]; groups: any[]; rules: any[] };
const clone = (): Editable => structuredClone(raw) as never;
const group = (data: Editable, id: string) => data.groups.find((g) => g.id === id);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
const question = (data: Editable, id: string) => data.groups.flatMap((g) => g.questions).find((x: any) => x.id === id);

describe('content/assessment', () => {
  it('has no problems', () => {
    expect(validateQuestionnaire(raw)).toEqual([]);
  });

  const q = loadQuestionnaire();
  const sources = [
    ...q.dimensions.map((d) => ({ where: d.id, citation: d.citation })),
    ...q.groups.flatMap((g) => g.questions.map((x) => ({ where: x.id, citation: x.citation }))),
    ...q.rules.map((r) => ({ where: r.id, citation: r.citation })),
  ];
  const citations = sources.flatMap(({ where, citation }) => ('article' in citation ? [{ where, ...citation }] : []));

  it('marks the questions no article covers as beyond the articles, and only those (item 4 of the issue)', () => {
    const beyond = sources.filter(({ citation }) => 'beyond' in citation).map(({ where }) => where);
    expect(beyond).toEqual(['li-licences', 'vd-vendor', 'single-provider-no-exit', 'model-licence-unchecked']);
  });

  it('cites only the five articles', () => {
    for (const c of citations) expect(ARTICLES, c.where).toContain(c.article);
  });

  it('cites sections that exist in the Chinese source of each article', () => {
    const anchors = new Map(
      ARTICLES.map((slug) => [slug, new Set(outline(readFileSync(`content/docs/articles/${slug}.mdx`, 'utf8')).headings.map((h) => h.id))]),
    );
    const missing = citations.filter((c) => !anchors.get(c.article)!.has(c.section)).map((c) => `${c.where}: ${c.article}#${c.section}`);
    expect(missing).toEqual([]);
  });

  it('has no Chinese in any English text', () => {
    const cjk = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
    const english: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object')
        for (const [key, inner] of Object.entries(value)) {
          if (key === 'en' && typeof inner === 'string') english.push(inner);
          else walk(inner);
        }
    };
    walk(q);
    expect(english.length).toBeGreaterThan(300);
    expect(english.filter((text) => cjk.test(text))).toEqual([]);
  });

  it('keeps groups to one screen and the group count in range', () => {
    expect(q.groups.length).toBeGreaterThanOrEqual(12);
    expect(q.groups.length).toBeLessThanOrEqual(16);
    for (const g of q.groups) expect(g.questions.length, g.id).toBeLessThanOrEqual(8);
  });
});

describe('validateQuestionnaire reports', () => {
  it('a question without a citation', () => {
    const data = clone();
    delete question(data, 'hh-1').citation;
    expect(validateQuestionnaire(data).join('\n')).toMatch(/citation.*required/);
  });

  it('a citation with both an article section and a reason it is beyond the articles', () => {
    const data = clone();
    question(data, 'hh-1').citation.beyond = { 'zh-CN': '没有', en: 'None' };
    expect(validateQuestionnaire(data).join('\n')).toMatch(/either both article and section, or only beyond/);
  });

  it('a citation to an article that does not exist', () => {
    const data = clone();
    question(data, 'hh-1').citation.article = 'no-such-article';
    expect(validateQuestionnaire(data).join('\n')).toMatch(/article: must be one of/);
  });

  it('a core question that is not the only question of a red flag, and such a question not marked core', () => {
    const data = clone();
    question(data, 'cf-4').core = true;
    delete question(data, 'hh-1').core;
    const problems = validateQuestionnaire(data).join('\n');
    expect(problems).toMatch(/cf-4: a core question must be the only question of a red flag/);
    expect(problems).toMatch(/hh-1: the only question of a red flag must be marked "core: true"/);
  });

  it('an option without its English text', () => {
    const data = clone();
    delete group(data, 'demand').questions[0].options[0].text.en;
    expect(validateQuestionnaire(data).join('\n')).toMatch(/options\.0\.text\.en/);
  });

  it('an unknown question id in a rule or a showIf', () => {
    const data = clone();
    data.rules[0].when = { q: 'no-such-question', scoreAtMost: 0 };
    question(data, 'pr-measures').showIf = { q: 'missing-too', is: ['x'] };
    const problems = validateQuestionnaire(data).join('\n');
    expect(problems).toMatch(/technology-first: unknown question "no-such-question"/);
    expect(problems).toMatch(/showIf: unknown question "missing-too"/);
  });

  it('an unknown option id in a condition', () => {
    const data = clone();
    data.rules[0].when = { q: 'hh-1', is: ['maybe'] };
    expect(validateQuestionnaire(data).join('\n')).toMatch(/question "hh-1" has no option "maybe"/);
  });

  it('duplicate ids', () => {
    const data = clone();
    group(data, 'demand').questions[1].id = 'hh-1';
    data.rules[1].id = data.rules[0].id;
    data.dimensions[1].id = data.dimensions[0].id;
    const problems = validateQuestionnaire(data).join('\n');
    expect(problems).toMatch(/duplicate question id "hh-1"/);
    expect(problems).toMatch(/duplicate rule id "technology-first"/);
    expect(problems).toMatch(/duplicate dimension id "D1"/);
  });

  it('a showIf that tests a scored question', () => {
    const data = clone();
    question(data, 'pr-measures').showIf = { q: 'hh-1', scoreAtLeast: 1 };
    expect(validateQuestionnaire(data).join('\n')).toMatch(/may only test choice questions, but "hh-1" is scored/);
  });

  it('a test that does not fit the question type', () => {
    const data = clone();
    data.rules[0].when = { q: 'fl-stage', scoreAtMost: 0 };
    data.rules[1].when = { q: 'hh-1', anyOf: ['few'] };
    const problems = validateQuestionnaire(data).join('\n');
    expect(problems).toMatch(/"scoreAtMost" needs a scored question/);
    expect(problems).toMatch(/"anyOf" needs a multi-select question/);
  });

  it('a missing or second strategy fallback', () => {
    const data = clone();
    const fallback = data.rules.find((r) => r.kind === 'strategy' && !r.when);
    fallback.when = { q: 'dec-data', is: ['none'] };
    expect(validateQuestionnaire(data).join('\n')).toMatch(/exactly one strategy rule must have no "when".*found 0/);
    delete data.rules.find((r) => r.kind === 'strategy')!.when;
    delete fallback.when;
    expect(validateQuestionnaire(data).join('\n')).toMatch(/found 2/);
  });

  it('a group id that differs from its file name, and the reserved option id', () => {
    const data = clone();
    data.groups[0].id = 'renamed';
    question(data, 'hh-1').options[0].id = 'unknown';
    const problems = validateQuestionnaire(data).join('\n');
    expect(problems).toMatch(/group id "renamed" must equal the file name/);
    expect(problems).toMatch(/reserved/);
  });
});
