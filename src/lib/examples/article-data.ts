/**
 * Inputs the articles give for their worked examples. Only inputs live here: every
 * result shown on the site is computed from them.
 */

/** Article 000 §4.3 (the data table at l.245–252) and §5.2 (the TF 1.x script). */
export const ARTICLE_000_POINTS = { x: [2, 4, 6, 8], y: [4, 5, 7, 9] } as const;
