/**
 * Playwright reporter: after the run, the 10 slowest tests with their share of their own time
 * limit (duration / timeout). Tests must stay below half their limit on a busy machine, so the
 * share, not the duration, is what to watch. Also written as JSON (test-results/e2e-slowest.json).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FullConfig, FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

interface Timing {
  title: string;
  durationMs: number;
  timeoutMs: number;
  share: number;
  status: string;
}

const SHOWN = 10;

export default class SlowestReporter implements Reporter {
  private readonly timings: Timing[] = [];
  private outputFile: string;

  /** `outputFile` is relative to the Playwright config, like the json reporter's. */
  constructor(options: { outputFile?: string } = {}) {
    this.outputFile = options.outputFile ?? '../test-results/e2e-slowest.json';
  }

  onBegin(config: FullConfig): void {
    this.outputFile = resolve(config.configFile ? dirname(config.configFile) : config.rootDir, this.outputFile);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    // test.timeout already includes test.setTimeout() and test.slow() of this run.
    const timeoutMs = test.timeout;
    this.timings.push({
      title: `${test.location.file.split(/[\\/]/).pop()}:${test.location.line} › ${test.title}`,
      durationMs: result.duration,
      timeoutMs,
      share: timeoutMs > 0 ? result.duration / timeoutMs : 0,
      status: result.status,
    });
  }

  onEnd(result: FullResult): void {
    const slowest = [...this.timings].sort((a, b) => b.share - a.share).slice(0, SHOWN);
    const over = this.timings.filter((t) => t.share > 0.5).length;
    const lines = [
      '',
      `Slowest ${slowest.length} tests by share of their time limit (${over} of ${this.timings.length} above 50 %):`,
      ...slowest.map(
        (t) =>
          `  ${(t.share * 100).toFixed(0).padStart(3)} %  ${(t.durationMs / 1000).toFixed(1).padStart(5)} s of ${t.timeoutMs / 1000} s  ${t.title}${t.status === 'passed' ? '' : ` (${t.status})`}`,
      ),
    ];
    console.log(lines.join('\n'));
    mkdirSync(dirname(this.outputFile), { recursive: true });
    writeFileSync(this.outputFile, JSON.stringify({ status: result.status, aboveHalf: over, tests: this.timings.length, slowest }, null, 2));
  }

  printsToStdio(): boolean {
    return false;
  }
}
