/**
 * Saving and restoring answers: as a JSON file `{ version: 1, answers: {…} }` and as a compact
 * URL fragment (base64url of `{"v":1,"a":{"cf-1":"shipped!m","hs-trigger":"a+b"}}`, where `+`
 * joins the options of a multi-select answer and `!m` / `!s` / `!b` is the evidence level).
 *
 * The decoders never throw and never execute anything: input is size-checked, parsed with
 * JSON.parse only, checked for prototype-pollution keys, and validated against the questionnaire.
 */
import type { Bilingual } from '../../schemas/bilingual.ts';
import { indexOf, isMultiple } from './state.ts';
import { UNKNOWN } from './vocabulary.ts';
import type { Answer, Answers, EvidenceLevel, Questionnaire } from './types.ts';

export const CODEC_VERSION = 1;
/** Largest input accepted by the decoders, in bytes. */
export const MAX_INPUT_BYTES = 64 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const EVIDENCE: readonly EvidenceLevel[] = ['belief', 'some', 'measured'];
const EVIDENCE_CODE: Record<EvidenceLevel, string> = { belief: 'b', some: 's', measured: 'm' };
const CODE_EVIDENCE: Record<string, EvidenceLevel> = { b: 'belief', s: 'some', m: 'measured' };

export type DecodeErrorCode =
  | 'too-large'
  | 'not-text'
  | 'malformed-base64'
  | 'malformed-json'
  | 'wrong-shape'
  | 'wrong-version'
  | 'forbidden-key'
  | 'unknown-question'
  | 'unknown-option'
  | 'invalid-answer'
  | 'invalid-evidence';

export interface DecodeError {
  code: DecodeErrorCode;
  message: Bilingual;
}

export type DecodeResult = { ok: true; answers: Answers } | { ok: false; error: DecodeError };

/** The saved-answers file. */
export interface SavedAnswers {
  version: typeof CODEC_VERSION;
  answers: Answers;
}

class Rejection {
  constructor(readonly error: DecodeError) {}
}

function reject(code: DecodeErrorCode, zh: string, en: string): never {
  throw new Rejection({ code, message: { 'zh-CN': zh, en } });
}

/** A short, safe rendering of a value found in the input, for error messages. */
function show(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    text = '?';
  }
  text = text.replace(/[^\x20-\x7e]/g, '?');
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeys(object: Record<string, unknown>): void {
  for (const key of Object.keys(object))
    if (FORBIDDEN_KEYS.has(key)) reject('forbidden-key', `不允许的键 ${show(key)}。`, `The key ${show(key)} is not allowed.`);
}

function checkSize(input: unknown): string {
  if (typeof input !== 'string') reject('not-text', '输入不是文本。', 'The input is not text.');
  const bytes = input.length > MAX_INPUT_BYTES ? input.length : new TextEncoder().encode(input).length;
  if (bytes > MAX_INPUT_BYTES)
    reject('too-large', `输入过大（超过 ${MAX_INPUT_BYTES / 1024} KB）。`, `The input is too large (over ${MAX_INPUT_BYTES / 1024} KB).`);
  return input;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return reject('malformed-json', '内容不是有效的 JSON。', 'The content is not valid JSON.');
  }
}

function checkVersion(version: unknown): void {
  if (version !== CODEC_VERSION)
    reject(
      'wrong-version',
      `不支持的版本 ${show(version)}，应为 ${CODEC_VERSION}。`,
      `Unsupported version ${show(version)}; expected ${CODEC_VERSION}.`,
    );
}

/** Validates one answer against its question; returns it normalised (options in questionnaire order). */
function checkAnswer(q: Questionnaire, questionId: string, value: unknown, evidence: unknown): Answer {
  const item = indexOf(q).byId.get(questionId);
  if (!item) reject('unknown-question', `问卷中没有问题 ${show(questionId)}。`, `The questionnaire has no question ${show(questionId)}.`);
  let clean: string | string[];
  if (value === UNKNOWN) clean = UNKNOWN;
  else if (isMultiple(item.question)) {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
      reject('invalid-answer', `问题 ${show(questionId)} 的答案应为选项列表。`, `The answer to ${show(questionId)} must be a list of options.`);
    const unknownOption = value.find((v) => !item.optionIds.has(v));
    if (unknownOption !== undefined)
      reject('unknown-option', `问题 ${show(questionId)} 没有选项 ${show(unknownOption)}。`, `Question ${show(questionId)} has no option ${show(unknownOption)}.`);
    clean = item.question.options.map((o) => o.id).filter((id) => value.includes(id));
  } else {
    if (typeof value !== 'string')
      reject('invalid-answer', `问题 ${show(questionId)} 的答案应为一个选项。`, `The answer to ${show(questionId)} must be one option.`);
    if (!item.optionIds.has(value))
      reject('unknown-option', `问题 ${show(questionId)} 没有选项 ${show(value)}。`, `Question ${show(questionId)} has no option ${show(value)}.`);
    clean = value;
  }
  if (evidence === undefined) return { value: clean };
  if (typeof evidence !== 'string' || !EVIDENCE.includes(evidence as EvidenceLevel))
    reject(
      'invalid-evidence',
      `问题 ${show(questionId)} 的证据等级 ${show(evidence)} 无效（应为 belief、some 或 measured）。`,
      `Invalid evidence level ${show(evidence)} for ${show(questionId)} (expected belief, some or measured).`,
    );
  return { value: clean, evidence: evidence as EvidenceLevel };
}

function run(fn: () => Answers): DecodeResult {
  try {
    return { ok: true, answers: fn() };
  } catch (caught) {
    if (caught instanceof Rejection) return { ok: false, error: caught.error };
    return { ok: false, error: { code: 'wrong-shape', message: { 'zh-CN': '无法读取输入。', en: 'The input could not be read.' } } };
  }
}

function sortedIds(answers: Answers): string[] {
  return Object.keys(answers).sort();
}

/** The saved-answers file as JSON text (keys sorted, so equal answers give equal text). */
export function exportAnswers(answers: Answers): string {
  const out: Record<string, Answer> = {};
  for (const id of sortedIds(answers)) {
    const { value, evidence } = answers[id];
    out[id] = evidence ? { value, evidence } : { value };
  }
  return JSON.stringify({ version: CODEC_VERSION, answers: out } satisfies SavedAnswers, null, 2);
}

/** Reads a saved-answers file. Never throws. */
export function importAnswers(questionnaire: Questionnaire, input: unknown): DecodeResult {
  return run(() => {
    const data = parseJson(checkSize(input));
    if (!isPlainObject(data))
      reject('wrong-shape', '内容应为 { "version": 1, "answers": {…} }。', 'The content must be { "version": 1, "answers": {…} }.');
    checkKeys(data);
    checkVersion(data.version);
    const extra = Object.keys(data).filter((key) => key !== 'version' && key !== 'answers');
    if (extra.length || !isPlainObject(data.answers))
      reject('wrong-shape', '内容应为 { "version": 1, "answers": {…} }。', 'The content must be { "version": 1, "answers": {…} }.');
    checkKeys(data.answers);
    const answers: Answers = {};
    for (const [id, raw] of Object.entries(data.answers)) {
      if (!isPlainObject(raw))
        reject('wrong-shape', `问题 ${show(id)} 的答案应为 { "value": … }。`, `The answer to ${show(id)} must be { "value": … }.`);
      checkKeys(raw);
      const unexpected = Object.keys(raw).filter((key) => key !== 'value' && key !== 'evidence');
      if (unexpected.length || !('value' in raw))
        reject('wrong-shape', `问题 ${show(id)} 的答案应为 { "value": …, "evidence"?: … }。`, `The answer to ${show(id)} must be { "value": …, "evidence"?: … }.`);
      answers[id] = checkAnswer(questionnaire, id, raw.value, raw.evidence);
    }
    return answers;
  });
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1)
    reject('malformed-base64', '链接中的答案编码已损坏。', 'The answers in the link are not valid base64url.');
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return reject('malformed-base64', '链接中的答案编码已损坏。', 'The answers in the link are not valid base64url.');
  }
}

/** The answers as a compact URL-fragment string (without the leading `#`). */
export function encodeFragment(answers: Answers): string {
  const compact: Record<string, string> = {};
  for (const id of sortedIds(answers)) {
    const { value, evidence } = answers[id];
    compact[id] = (Array.isArray(value) ? value.join('+') : value) + (evidence ? `!${EVIDENCE_CODE[evidence]}` : '');
  }
  return toBase64Url(JSON.stringify({ v: CODEC_VERSION, a: compact }));
}

/** Reads answers from a URL fragment (with or without the leading `#`). Never throws. */
export function decodeFragment(questionnaire: Questionnaire, input: unknown): DecodeResult {
  return run(() => {
    const text = checkSize(input).replace(/^#/, '');
    const data = parseJson(fromBase64Url(text));
    if (!isPlainObject(data)) reject('wrong-shape', '链接内容的结构不对。', 'The link content has the wrong structure.');
    checkKeys(data);
    checkVersion(data.v);
    const extra = Object.keys(data).filter((key) => key !== 'v' && key !== 'a');
    if (extra.length || !isPlainObject(data.a)) reject('wrong-shape', '链接内容的结构不对。', 'The link content has the wrong structure.');
    checkKeys(data.a);
    const index = indexOf(questionnaire);
    const answers: Answers = {};
    for (const [id, raw] of Object.entries(data.a)) {
      if (typeof raw !== 'string') reject('wrong-shape', `问题 ${show(id)} 的答案结构不对。`, `The answer to ${show(id)} has the wrong structure.`);
      const bang = raw.lastIndexOf('!');
      const body = bang === -1 ? raw : raw.slice(0, bang);
      let evidence: unknown;
      if (bang !== -1) {
        const code = raw.slice(bang + 1);
        evidence = Object.prototype.hasOwnProperty.call(CODE_EVIDENCE, code) ? CODE_EVIDENCE[code] : code;
      }
      const item = index.byId.get(id);
      const value = item && isMultiple(item.question) && body !== UNKNOWN ? (body === '' ? [] : body.split('+')) : body;
      answers[id] = checkAnswer(questionnaire, id, value, evidence);
    }
    return answers;
  });
}
