/**
 * rehype-katex reports a formula it cannot render as a warning and prints it in red.
 * A broken formula should fail the build instead, naming the file and the line.
 * Runs right after rehype-katex.
 */
interface VFileLike {
  path?: string;
  messages: {
    source?: string | null;
    reason: string;
    line?: number | null;
    place?: { line?: number; start?: { line?: number } } | null;
    cause?: unknown;
  }[];
}

export function rehypeStrictMath() {
  return (_tree: unknown, file: VFileLike) => {
    const problem = file.messages.find((m) => m.source === 'rehype-katex');
    if (!problem) return;
    const cause = problem.cause instanceof Error ? `: ${problem.cause.message}` : '';
    const line = problem.line ?? problem.place?.start?.line ?? problem.place?.line ?? '?';
    throw new Error(`${file.path ?? 'MDX'}:${line}: ${problem.reason}${cause}`);
  };
}
