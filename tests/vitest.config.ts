import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    // The JSON report (path given by --outputFile in package.json) feeds CI's closing line.
    reporters: ['default', 'json'],
    // TensorFlow.js training and image tests take 1–2 s alone and over 5 s (the default) on a
    // busy 2-core machine: the limit is for hangs, not speed (speed is the benchmark's).
    testTimeout: 30_000,
    // Set-up hooks load TensorFlow.js and decode the digits package (≈ 2 s alone): at load ≈ 20
    // the default 10 s was exceeded once (digits-model.test.ts). Same reasoning as above.
    hookTimeout: 30_000,
    projects: [
      // Pure modules: no build needed.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // The real content, and the built site in dist/ (`npm run build` first).
      { extends: true, test: { name: 'content', include: ['tests/content/**/*.test.ts'] } },
    ],
  },
});
