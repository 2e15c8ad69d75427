/**
 * Saving and restoring answers: as a JSON file `{ version: 1, answers: {…} }` and as a compact
 * URL fragment `<base64url>.<crc32>`: base64url of `{"v":2,"a":{"cf-1":"shipped!m","hs-trigger":"a+b"}}`
 * (`+` joins the options of a multi-select answer, `!m` / `!s` / `!b` is the evidence level),
 * then a dot and the CRC-32 of that base64url text as 8 lowercase hex digits. The checksum makes a
 * link damaged in copying fail instead of decoding to other valid answers.
 *
 * The decoders never throw and never execute anything: input is size-checked, parsed with
 * JSON.parse only, checked for prototype-pollution keys, and validated against the questionnaire.
 * Errors are codes with parameters; the page words them (i18n keys `assessment.decode.<key>`).
 */
import { indexOf, isMultiple } from './state.ts';
import { UNKNOWN } from './vocabulary.ts';
import type { Answer, Answers, EvidenceLevel, Questionnaire } from './types.ts';

export const CODEC_VERSION = 1;
/** Version of the link format (2: with a checksum). */
export const FRAGMENT_VERSION = 2;
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
  | 'bad-checksum'
  | 'malformed-json'
  | 'wrong-shape'
  | 'wrong-version'
  | 'forbidden-key'
  | 'unknown-question'
  | 'unknown-option'
  | 'invalid-answer'
  | 'invalid-evidence';

/** Which sentence explains the error (a key under `assessment.decode.`), and what fills it in. */
export type DecodeMessageKey = DecodeErrorCode | 'file-shape' | 'file-answer-shape' | 'link-shape' | 'link-answer-shape' | 'invalid-answer-list' | 'unreadable';

export interface DecodeError {
  code: DecodeErrorCode;
  key: DecodeMessageKey;
  params: Record<string, string | number>;
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

function reject(code: DecodeErrorCode, params: Record<string, string | number> = {}, key: DecodeMessageKey = code): never {
  throw new Rejection({ code, key, params });
}

/** A short, safe rendering of a value found in the input, for error messages. */
function show(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
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
  for (const key of Object.keys(object)) if (FORBIDDEN_KEYS.has(key)) reject('forbidden-key', { key: show(key) });
}

function checkSize(input: unknown): string {
  if (typeof input !== 'string') reject('not-text');
  const bytes = input.length > MAX_INPUT_BYTES ? input.length : new TextEncoder().encode(input).length;
  if (bytes > MAX_INPUT_BYTES) reject('too-large', { kb: MAX_INPUT_BYTES / 1024 });
  return input;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return reject('malformed-json');
  }
}

function checkVersion(version: unknown, expected: number): void {
  if (version !== expected) reject('wrong-version', { version: show(version), expected });
}

/** Validates one answer against its question; returns it normalised (options in questionnaire order). */
function checkAnswer(q: Questionnaire, questionId: string, value: unknown, evidence: unknown): Answer {
  const item = indexOf(q).byId.get(questionId);
  if (!item) reject('unknown-question', { question: show(questionId) });
  let clean: string | string[];
  if (value === UNKNOWN) clean = UNKNOWN;
  else if (isMultiple(item.question)) {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) reject('invalid-answer', { question: show(questionId) }, 'invalid-answer-list');
    const unknownOption = value.find((v) => !item.optionIds.has(v));
    if (unknownOption !== undefined) reject('unknown-option', { question: show(questionId), option: show(unknownOption) });
    clean = item.question.options.map((o) => o.id).filter((id) => value.includes(id));
  } else {
    if (typeof value !== 'string') reject('invalid-answer', { question: show(questionId) });
    if (!item.optionIds.has(value)) reject('unknown-option', { question: show(questionId), option: show(value) });
    clean = value;
  }
  if (evidence === undefined) return { value: clean };
  if (typeof evidence !== 'string' || !EVIDENCE.includes(evidence as EvidenceLevel))
    reject('invalid-evidence', { question: show(questionId), evidence: show(evidence) });
  return { value: clean, evidence: evidence as EvidenceLevel };
}

function run(fn: () => Answers): DecodeResult {
  try {
    return { ok: true, answers: fn() };
  } catch (caught) {
    if (caught instanceof Rejection) return { ok: false, error: caught.error };
    return { ok: false, error: { code: 'wrong-shape', key: 'unreadable', params: {} } };
  }
}

/** The answers in id order, so equal answers give equal text. */
function sortedEntries(answers: Answers): [string, Answer][] {
  return Object.entries(answers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The saved-answers file as JSON text (keys sorted, so equal answers give equal text). */
export function exportAnswers(answers: Answers): string {
  const out: Record<string, Answer> = {};
  for (const [id, { value, evidence }] of sortedEntries(answers)) out[id] = evidence ? { value, evidence } : { value };
  return JSON.stringify({ version: CODEC_VERSION, answers: out } satisfies SavedAnswers, null, 2);
}

/** Reads a saved-answers file. Never throws. */
export function importAnswers(questionnaire: Questionnaire, input: unknown): DecodeResult {
  return run(() => {
    const data = parseJson(checkSize(input));
    if (!isPlainObject(data)) reject('wrong-shape', {}, 'file-shape');
    checkKeys(data);
    checkVersion(data.version, CODEC_VERSION);
    const extra = Object.keys(data).filter((key) => key !== 'version' && key !== 'answers');
    if (extra.length || !isPlainObject(data.answers)) reject('wrong-shape', {}, 'file-shape');
    checkKeys(data.answers);
    const answers: Answers = {};
    for (const [id, raw] of Object.entries(data.answers)) {
      if (!isPlainObject(raw)) reject('wrong-shape', { question: show(id) }, 'file-answer-shape');
      checkKeys(raw);
      const unexpected = Object.keys(raw).filter((key) => key !== 'value' && key !== 'evidence');
      if (unexpected.length || !('value' in raw)) reject('wrong-shape', { question: show(id) }, 'file-answer-shape');
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
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) reject('malformed-base64');
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return reject('malformed-base64');
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (IEEE) of an ASCII text, as 8 lowercase hex digits. It detects every change of one character. */
export function checksum(text: string): string {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = (CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ?? 0) ^ (crc >>> 8);
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}

/** A link payload (JSON text) as `<base64url>.<checksum>`. */
export function sealFragment(json: string): string {
  const body = toBase64Url(json);
  return `${body}.${checksum(body)}`;
}

/** The answers as a compact URL-fragment string (without the leading `#`). */
export function encodeFragment(answers: Answers): string {
  const compact: Record<string, string> = {};
  for (const [id, { value, evidence }] of sortedEntries(answers))
    compact[id] = (Array.isArray(value) ? value.join('+') : value) + (evidence ? `!${EVIDENCE_CODE[evidence]}` : '');
  return sealFragment(JSON.stringify({ v: FRAGMENT_VERSION, a: compact }));
}

/** The base64url body of a fragment whose checksum is right. */
function unseal(text: string): string {
  const match = /^([A-Za-z0-9_-]*)\.([0-9a-f]{8})$/.exec(text);
  if (!match) reject('bad-checksum');
  const [, body = '', sum] = match;
  if (checksum(body) !== sum) reject('bad-checksum');
  return body;
}

/** Reads answers from a URL fragment (with or without the leading `#`). Never throws. */
export function decodeFragment(questionnaire: Questionnaire, input: unknown): DecodeResult {
  return run(() => {
    const text = checkSize(input).replace(/^#/, '');
    const data = parseJson(fromBase64Url(unseal(text)));
    if (!isPlainObject(data)) reject('wrong-shape', {}, 'link-shape');
    checkKeys(data);
    checkVersion(data.v, FRAGMENT_VERSION);
    const extra = Object.keys(data).filter((key) => key !== 'v' && key !== 'a');
    if (extra.length || !isPlainObject(data.a)) reject('wrong-shape', {}, 'link-shape');
    checkKeys(data.a);
    const index = indexOf(questionnaire);
    const answers: Answers = {};
    for (const [id, raw] of Object.entries(data.a)) {
      if (typeof raw !== 'string') reject('wrong-shape', { question: show(id) }, 'link-answer-shape');
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
