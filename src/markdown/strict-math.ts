/**
 * rehype-katex reports a formula it cannot render as a warning and prints it in red.
 * A broken formula should fail the build instead, naming the file and the line.
 * Runs right after rehype-katex.
 */
import type { Root } from 'hast';
import type { Plugin } from 'unified';

export const rehypeStrictMath: Plugin<[], Root> = () => (_tree, file) => {
  const problem = file.messages.find((m) => m.source === 'rehype-katex');
  if (!problem) return;
  const cause = problem.cause instanceof Error ? `: ${problem.cause.message}` : '';
  // Display math reaches rehype-katex as <pre><code>, and only the <pre> carries the source position.
  const located = [...(problem.ancestors ?? [])].reverse().find((node) => node.position);
  const line = problem.line ?? located?.position?.start.line ?? '?';
  throw new Error(`${file.path || 'MDX'}:${line}: ${problem.reason}${cause}`);
};
