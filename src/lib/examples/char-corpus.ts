/**
 * The text side of the tiny character-level language model of article 003 §5.2 (the "基于变换器的
 * 语言模型" its PyTorch code never builds, errata E003-11/E003-13): turn an article's MDX source
 * into plain prose, build a character vocabulary (the most frequent characters plus an unknown
 * token), and encode/decode text. Pure functions, no DOM, no tfjs.
 */

/** Token id of the unknown character (always 0). */
export const UNK_ID = 0;
/** How the unknown token is shown. */
export const UNK_CHAR = '□';

/**
 * Plain prose from an MDX article body (frontmatter already removed, as in `entry.body`):
 * drops ESM import/export lines, fenced code (Python, bash, Mermaid), display and inline math,
 * inline code, JSX components (`<Erratum … />`), HTML tags, heading ids (`\{#abstract\}`),
 * directive fences (`:::note[编者注]` keeps its label text), table rules, list/heading/quote
 * markers and emphasis; keeps link text. Paragraphs are joined with one "\n"; runs of spaces
 * collapse to one.
 */
export function mdxToPlainText(source: string): string {
  let text = source.replace(/\r\n?/g, '\n');
  // Frontmatter, in case the caller passes a whole file.
  text = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  // Fenced code blocks (``` or ~~~, any language, including mermaid).
  text = text.replace(/^[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n[ \t]*\1[ \t]*$/gm, '\n');
  // Display math $$ … $$ (possibly over several lines).
  text = text.replace(/\$\$[\s\S]*?\$\$/g, ' ');
  // ESM lines.
  text = text.replace(/^(import|export)\s[^\n]*$/gm, '');
  // JSX / HTML: self-closing components, paired tags (keep their text), comments.
  text = text.replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
  text = text.replace(/<!--[\s\S]*?-->/g, '');
  text = text.replace(/<[A-Za-z][^<>]*\/>/g, '');
  text = text.replace(/<\/?[A-Za-z][^<>]*>/g, '');
  // Inline math and inline code.
  text = text.replace(/\$[^$\n]+\$/g, ' ');
  text = text.replace(/`[^`\n]*`/g, ' ');
  // Heading ids and leftover escaped braces.
  text = text.replace(/\\\{#[^}]*\\?\}/g, '').replace(/\\([{}[\]()*_#`$\\|<>-])/g, '$1');
  // Directive fences: ":::note[label]" → "label", bare ":::" → nothing.
  text = text.replace(/^[ \t]*:::+[a-zA-Z-]*(\[([^\]]*)\])?[^\n]*$/gm, (_m, _l, label: string | undefined) => label ?? '');
  // Images and links: keep the visible text.
  text = text.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1');
  text = text.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
  // Table separator rows, then table pipes.
  text = text.replace(/^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/gm, '');
  text = text.replace(/^[ \t]*\|(.*)\|[ \t]*$/gm, (_m, row: string) =>
    row
      .split('|')
      .map((c) => c.trim())
      .filter(Boolean)
      .join(' '),
  );
  // Heading, quote and list markers.
  text = text.replace(/^[ \t]*#{1,6}[ \t]+/gm, '');
  text = text.replace(/^[ \t]*>[ \t]?/gm, '');
  text = text.replace(/^[ \t]*([-*+]|\d+[.)])[ \t]+/gm, '');
  // Emphasis markers.
  text = text.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2');
  text = text.replace(/(^|[^*\w])\*(?=\S)([^*\n]*?\S)\*(?!\*)/g, '$1$2');
  // Whitespace: collapse within lines, one "\n" between non-empty lines.
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0 && /[\p{L}\p{N}]/u.test(line))
    .join('\n');
}

/**
 * At most `maxChars` characters of `text`, cut at the last line break before the limit (or at the
 * limit when a single line is longer). Counts code points, so no surrogate pair is split.
 */
export function truncateCorpus(text: string, maxChars: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxChars) return text;
  const head = chars.slice(0, maxChars).join('');
  const cut = head.lastIndexOf('\n');
  return cut > 0 ? head.slice(0, cut) : head;
}

/** A character vocabulary: `chars[id]`, with id 0 the unknown token. */
export interface Vocabulary {
  /** chars[0] is UNK_CHAR (the unknown token); the others in order of falling frequency. */
  chars: string[];
  index: Map<string, number>;
  size: number;
}

/**
 * Vocabulary of the `maxChars` most frequent characters of `text` (ties broken by code point, so
 * the result is deterministic) plus the unknown token at id 0. Characters are code points.
 */
export function buildVocabulary(text: string, maxChars: number): Vocabulary {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const ranked = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, Math.max(0, maxChars))
    .map(([ch]) => ch);
  const chars = [UNK_CHAR, ...ranked];
  const index = new Map<string, number>();
  ranked.forEach((ch, i) => index.set(ch, i + 1));
  return { chars, index, size: chars.length };
}

/** Token ids of `text`; characters outside the vocabulary become UNK_ID. */
export function encode(vocab: Vocabulary, text: string): number[] {
  return Array.from(text, (ch) => vocab.index.get(ch) ?? UNK_ID);
}

/** Text of token ids (UNK_ID shows as UNK_CHAR). */
export function decode(vocab: Vocabulary, ids: readonly number[]): string {
  return ids.map((id) => vocab.chars[id] ?? UNK_CHAR).join('');
}

/**
 * Entropy (nats) of the character frequencies of `ids`: the cross-entropy of the best model that
 * ignores context (a unigram model fitted to the same text). A reference line for the loss curve.
 */
export function unigramEntropy(ids: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / ids.length;
    h -= p * Math.log(p);
  }
  return h;
}

/** A corpus ready for training: vocabulary, all ids, and a training / validation split. */
export interface PreparedCorpus {
  vocab: Vocabulary;
  ids: number[];
  /** The first (1 − validationFraction) of the ids. */
  trainIds: number[];
  /** The rest: text the model never trains on. */
  validationIds: number[];
  /** Share of corpus characters outside the vocabulary (read as the unknown token). */
  unknownShare: number;
}

/** Vocabulary of the `maxChars` most frequent characters, ids, and a split at (1 − validationFraction). */
export function prepareCorpus(text: string, maxChars: number, validationFraction = 0.1): PreparedCorpus {
  const vocab = buildVocabulary(text, maxChars);
  const ids = encode(vocab, text);
  const split = Math.round(ids.length * (1 - validationFraction));
  return {
    vocab,
    ids,
    trainIds: ids.slice(0, split),
    validationIds: ids.slice(split),
    unknownShare: ids.length ? ids.filter((id) => id === UNK_ID).length / ids.length : 0,
  };
}
