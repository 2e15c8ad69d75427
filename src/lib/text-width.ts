/**
 * Text measured without a browser, for drawings made at build time (diagrams, share cards):
 * widths are estimated from the characters, generously, so text fits in any of the site's fonts.
 */

const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** Width of a text in em: ideographs and full-width marks 1, Latin by letter class. */
export function textWidthEm(text: string): number {
  let em = 0;
  for (const ch of text) {
    if (WIDE.test(ch)) em += 1;
    else if (ch === ' ') em += 0.3;
    else if (/[A-Z0-9?]/.test(ch)) em += 0.68;
    else if (/[ilj.,:;'|!()[\]]/.test(ch)) em += 0.32;
    else em += 0.55;
  }
  return em;
}

/**
 * Lines of at most `maxEm`: Latin breaks between words, Chinese between any two characters (but
 * never before closing punctuation). At most `maxLines`; a cut text ends in "…".
 */
export function wrapText(text: string, maxEm: number, maxLines = Infinity): string[] {
  const tokens = text.match(/[\p{Script=Han}\u3000-\u303f\uff00-\uffef][。，、；：！？）」』”’》]*|[^\s\p{Script=Han}\u3000-\u303f\uff00-\uffef]+|\s+/gu) ?? [];
  const lines: string[] = [''];
  for (const token of tokens) {
    const line = lines.at(-1)!;
    if (!line && /^\s+$/.test(token)) continue;
    if (line && textWidthEm((line + token).trimEnd()) > maxEm && !/^\s+$/.test(token)) lines.push(token);
    else lines[lines.length - 1] = line + token;
  }
  const trimmed = lines.map((l) => l.trim()).filter(Boolean);
  if (trimmed.length <= maxLines) return trimmed;
  const kept = trimmed.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/.{0,1}$/u, '')}…`;
  return kept;
}

/**
 * Lines as even as the text allows, for a title: the narrowest width that needs no more lines
 * than `wrapText` at `maxEm`, so no line is left with a lone word or a single Chinese character.
 * A title that pauses (a colon or a comma) is broken there instead when that needs no more lines,
 * as "AI 大模型创业：/如何利用未来优势？", taking the pause that gives the narrowest block. A text cut
 * at `maxLines` is returned as `wrapText` cuts it.
 */
export function balancedLines(text: string, maxEm: number, maxLines = Infinity): string[] {
  const greedy = wrapText(text, maxEm, maxLines);
  if (greedy.length < 2 || greedy.at(-1)!.endsWith('…')) return greedy;
  let even = greedy;
  for (let em = maxEm - BALANCE_STEP_EM; em > 0; em -= BALANCE_STEP_EM) {
    const narrower = wrapText(text, em);
    if (narrower.length > greedy.length) break;
    even = narrower;
  }
  const widest = (lines: string[]) => Math.max(...lines.map(textWidthEm));
  const atPauses = [...text.matchAll(PAUSES)]
    .map((pause) => {
      const head = text.slice(0, pause.index + pause[0].length).trim();
      const tail = text.slice(pause.index + pause[0].length).trim();
      return tail && textWidthEm(head) <= maxEm ? [head, ...balancedLines(tail, maxEm)] : [];
    })
    // As many lines as the greedy wrap, and a last line of at least a third of the widest.
    .filter((lines) => lines.length === greedy.length && textWidthEm(lines.at(-1)!) >= widest(lines) / 3)
    .sort((a, b) => widest(a) - widest(b));
  return atPauses[0] ?? even;
}

/** How finely balancedLines narrows the measure: a quarter of an ideograph. */
const BALANCE_STEP_EM = 0.25;
/** Where a title pauses, and may break. */
const PAUSES = /[：，、；:,;—]/gu;
