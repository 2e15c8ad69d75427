// Saving and restoring answers: round trips, and every class of bad input is rejected with a
// bilingual error instead of an exception.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';

// Property tests run hundreds of full scorings; give them time on slow CI machines.
vi.setConfig({ testTimeout: 60_000 });
import {
  MAX_INPUT_BYTES,
  checksum,
  decodeFragment,
  encodeFragment,
  exportAnswers,
  importAnswers,
  sealFragment,
  type DecodeResult,
} from '../../../src/lib/assessment/codec.ts';
import { answersArb, profileAnswers, questionById, questionnaire } from './helpers.ts';

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
/** A link payload with its checksum, as the page builds it. */
const link = (text: string) => sealFragment(text);
const json = (value: unknown) => JSON.stringify(value);

function expectError(result: DecodeResult, code: string) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.key.length).toBeGreaterThan(0);
}

/** The same input through both decoders: as a file, and as a fragment of the compact form. */
const fileInput = (answers: unknown, version: unknown = 1) => json({ version, answers });

describe('round trips', () => {
  it('JSON export → import gives the same answers', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const result = importAnswers(questionnaire, exportAnswers(answers));
        expect(result).toEqual({ ok: true, answers });
      }),
      { numRuns: 200 },
    );
  });

  it('URL fragment encode → decode gives the same answers, with or without "#"', () => {
    fc.assert(
      fc.property(answersArb, fc.boolean(), (answers, hash) => {
        const fragment = encodeFragment(answers);
        expect(fragment).toMatch(/^[A-Za-z0-9_-]*\.[0-9a-f]{8}$/);
        expect(decodeFragment(questionnaire, hash ? `#${fragment}` : fragment)).toEqual({ ok: true, answers });
      }),
      { numRuns: 200 },
    );
  });

  it('equal answers give equal text whatever the key order', () => {
    const answers = profileAnswers('careful');
    const reversed = Object.fromEntries(Object.entries(answers).reverse());
    expect(exportAnswers(reversed)).toBe(exportAnswers(answers));
    expect(encodeFragment(reversed)).toBe(encodeFragment(answers));
  });

  it('keeps a full questionnaire short enough for a link', () => {
    const fragment = encodeFragment(profileAnswers('careful'));
    // Far below the ≈ 8,000 characters of URL that common browsers and servers accept.
    expect(fragment.length).toBeLessThan(3000);
  });

  it('normalises the order of multi-select options', () => {
    const result = importAnswers(questionnaire, fileInput({ 'pm-models': { value: ['products', 'services'] } }));
    expect(result).toEqual({ ok: true, answers: { 'pm-models': { value: ['services', 'products'] } } });
  });
});

describe('rejects', () => {
  it('a wrong or missing version', () => {
    expectError(importAnswers(questionnaire, fileInput({}, 2)), 'wrong-version');
    expectError(importAnswers(questionnaire, fileInput({}, '1')), 'wrong-version');
    expectError(importAnswers(questionnaire, json({ answers: {} })), 'wrong-version');
    expectError(decodeFragment(questionnaire, link(json({ v: 0, a: {} }))), 'wrong-version');
    expectError(decodeFragment(questionnaire, link(json({ v: 1, a: {} }))), 'wrong-version');
  });

  it('malformed JSON', () => {
    for (const text of ['', '{', '{"version":1,"answers":{}', 'undefined', "{'version':1}", 'NaN'])
      expectError(importAnswers(questionnaire, text), 'malformed-json');
    expectError(decodeFragment(questionnaire, link('{"v":2,')), 'malformed-json');
  });

  it('malformed base64', () => {
    for (const text of ['a', 'abcde']) expectError(decodeFragment(questionnaire, `${text}.${checksum(text)}`), 'malformed-base64');
    // Valid base64url, but not UTF-8.
    const binary = Buffer.from([0xff, 0xfe, 0xfd]).toString('base64url');
    expectError(decodeFragment(questionnaire, `${binary}.${checksum(binary)}`), 'malformed-base64');
  });

  it('a missing or wrong checksum, and links of the old format without one', () => {
    const good = encodeFragment(profileAnswers('careful'));
    const [body = '', sum = ''] = good.split('.');
    for (const text of [
      '!!!',
      'abc=',
      'ab/c',
      'a b',
      body,
      `${body}.`,
      `${body}.${sum.toUpperCase()}`,
      `${body}.${sum.slice(1)}`,
      `${body}x.${sum}`,
      `${body}.${'0'.repeat(8)}`,
    ])
      expectError(decodeFragment(questionnaire, text), 'bad-checksum');
    expectError(decodeFragment(questionnaire, b64url(json({ v: 1, a: { 'hh-1': 'few' } }))), 'bad-checksum');
  });

  it('the wrong structure', () => {
    for (const text of [
      '[]',
      '1',
      '"text"',
      'null',
      json({ version: 1, answers: [] }),
      json({ version: 1, answers: {}, extra: 1 }),
      fileInput({ 'hh-1': 'few' }),
      fileInput({ 'hh-1': { option: 'few' } }),
      fileInput({ 'hh-1': { value: 'few', note: 'x' } }),
    ])
      expectError(importAnswers(questionnaire, text), 'wrong-shape');
    expectError(decodeFragment(questionnaire, link(json({ v: 2, a: { 'hh-1': ['few'] } }))), 'wrong-shape');
    expectError(decodeFragment(questionnaire, link(json({ v: 2, a: [] }))), 'wrong-shape');
  });

  it('unknown question ids', () => {
    expectError(importAnswers(questionnaire, fileInput({ 'no-such-question': { value: 'x' } })), 'unknown-question');
    expectError(importAnswers(questionnaire, fileInput({ toString: { value: 'x' } })), 'unknown-question');
    expectError(decodeFragment(questionnaire, link(json({ v: 2, a: { 'hh-9': 'few' } }))), 'unknown-question');
  });

  it('unknown option ids', () => {
    expectError(importAnswers(questionnaire, fileInput({ 'hh-1': { value: 'maybe' } })), 'unknown-option');
    expectError(importAnswers(questionnaire, fileInput({ 'pm-models': { value: ['products', 'lottery'] } })), 'unknown-option');
    expectError(decodeFragment(questionnaire, link(json({ v: 2, a: { 'pm-models': 'products+lottery' } }))), 'unknown-option');
    expectError(decodeFragment(questionnaire, link(json({ v: 2, a: { 'hh-1': 'few+committed' } }))), 'unknown-option');
  });

  it('answers of the wrong kind', () => {
    expectError(importAnswers(questionnaire, fileInput({ 'hh-1': { value: ['few'] } })), 'invalid-answer');
    expectError(importAnswers(questionnaire, fileInput({ 'pm-models': { value: 'products' } })), 'invalid-answer');
    expectError(importAnswers(questionnaire, fileInput({ 'pm-models': { value: [1] } })), 'invalid-answer');
    expectError(importAnswers(questionnaire, fileInput({ 'hh-1': { value: 3 } })), 'invalid-answer');
  });

  it('invalid or out-of-range evidence values', () => {
    for (const evidence of ['sure', '', 'MEASURED', 3, -1, null, true, ['measured'], { level: 'some' }])
      expectError(importAnswers(questionnaire, fileInput({ 'hh-1': { value: 'few', evidence } })), 'invalid-evidence');
    expectError(decodeFragment(questionnaire, link(json({ v: 2, a: { 'hh-1': 'few!x' } }))), 'invalid-evidence');
    expectError(decodeFragment(questionnaire, link(json({ v: 2, a: { 'hh-1': 'few!' } }))), 'invalid-evidence');
  });

  it('input over 64 KB', () => {
    const padding = ' '.repeat(MAX_INPUT_BYTES);
    expectError(importAnswers(questionnaire, `${fileInput({})}${padding}`), 'too-large');
    expectError(decodeFragment(questionnaire, link('A'.repeat(MAX_INPUT_BYTES))), 'too-large');
    // Counted in bytes: 25,000 CJK characters are 75,000 bytes of UTF-8.
    expectError(importAnswers(questionnaire, json({ version: 1, answers: {}, note: '答'.repeat(25_000) })), 'too-large');
    // Just under the limit is read (and then judged on its content).
    const justUnder = `${fileInput({})}${' '.repeat(MAX_INPUT_BYTES - fileInput({}).length)}`;
    expect(importAnswers(questionnaire, justUnder)).toEqual({ ok: true, answers: {} });
  });

  it('prototype-pollution keys, at every level, without polluting anything', () => {
    const inputs = [
      '{"version":1,"answers":{"__proto__":{"value":"few"}}}',
      '{"version":1,"__proto__":{"polluted":true},"answers":{}}',
      '{"version":1,"answers":{"constructor":{"value":"few"}}}',
      '{"version":1,"answers":{"hh-1":{"value":"few","__proto__":{"polluted":true}}}}',
      '{"version":1,"answers":{"prototype":{"value":"few"}}}',
    ];
    for (const text of inputs) expectError(importAnswers(questionnaire, text), 'forbidden-key');
    expectError(decodeFragment(questionnaire, link('{"v":2,"a":{"__proto__":"few"}}')), 'forbidden-key');
    expectError(decodeFragment(questionnaire, link('{"__proto__":{"polluted":true},"v":2,"a":{}}')), 'forbidden-key');
    expectError(decodeFragment(questionnaire, link('{"v":2,"a":{"constructor":"few"}}')), 'forbidden-key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('input that is not text', () => {
    for (const input of [undefined, null, 42, {}, ['a'], new Uint8Array([1])]) {
      expectError(importAnswers(questionnaire, input), 'not-text');
      expectError(decodeFragment(questionnaire, input), 'not-text');
    }
  });
});

describe('never throws', () => {
  it('on arbitrary strings, JSON values or base64url text', () => {
    const anyJson = fc.jsonValue().map((v) => JSON.stringify(v));
    const nearMiss = fc
      .record({ version: fc.constantFrom(1, 2, '1'), answers: fc.dictionary(fc.constantFrom('hh-1', 'pm-models', '__proto__', 'x'), fc.jsonValue()) })
      .map((v) => JSON.stringify(v));
    const inputs = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), anyJson, nearMiss, nearMiss.map(link), fc.base64String());
    fc.assert(
      fc.property(inputs, (input) => {
        for (const result of [importAnswers(questionnaire, input), decodeFragment(questionnaire, input)]) {
          if (result.ok) for (const id of Object.keys(result.answers)) expect(questionById.has(id)).toBe(true);
          else expect(result.error.key).toBeTruthy();
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('share links carry a checksum', () => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
  it('no link with one character changed, removed or added is accepted', () => {
    fc.assert(
      fc.property(answersArb, fc.nat(), fc.nat(), fc.constantFrom('change', 'remove', 'add'), (answers, where, pick, edit) => {
        const good = encodeFragment(answers);
        const at = where % good.length;
        const char = alphabet[pick % alphabet.length]!;
        fc.pre(edit !== 'change' || good[at] !== char);
        const bad =
          edit === 'change'
            ? good.slice(0, at) + char + good.slice(at + 1)
            : edit === 'remove'
              ? good.slice(0, at) + good.slice(at + 1)
              : good.slice(0, at) + char + good.slice(at);
        expect(decodeFragment(questionnaire, bad).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
