import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { BASE_BUILD } from '../src/checks/build-base.ts';
import { basePathOrigin, port } from './e2e/ports.ts';

// Debian's Chromium where it is installed (CI, these machines); elsewhere set
// CHROMIUM_PATH, or leave it unset to use a browser from `npx playwright install chromium`.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results/e2e-artifacts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Limits for a 2-core machine shared with other work (CI, `npm run test:load`, parallel
  // checkouts), where loading a 600 KB article page alone takes 10–20 s: a test that loads a page
  // or two and clicks gets 60 s, a UI update after a click 15 s. Tests that do more set their own
  // limit with the reason; every test should stay below half of its limit (see the e2e-slowest
  // report at the end of the run).
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: '../test-results/e2e.json' }], ['./e2e-slowest.ts']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  // The built site, served by Astro's static preview server (run `astro build` first), and the
  // site built under a base path when it is there (`npm run build:base`, as `npm test` does),
  // served by Vite's (Astro runs one preview server per project).
  webServer: [
    {
      command: `npx astro preview --host 127.0.0.1 --port ${port}`,
      cwd: '..',
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    ...(existsSync(new URL(`../${BASE_BUILD.outDir}/`, import.meta.url))
      ? [
          {
            command: `npx vite preview --host 127.0.0.1 --port ${new URL(basePathOrigin).port} --strictPort --outDir ${BASE_BUILD.outDir} --base ${BASE_BUILD.base}`,
            cwd: '..',
            url: `${basePathOrigin}${BASE_BUILD.base}`,
            reuseExistingServer: !process.env.CI,
            timeout: 60_000,
          },
        ]
      : []),
  ],
});
