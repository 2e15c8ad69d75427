/**
 * `npm run build:base`: the site built as a project site under a base path (as on GitHub Pages,
 * https://<owner>.github.io/<repo>/) into its own folder, so that `npm run check:content` can
 * run the same link checks over it as over dist/.
 */
import { spawnSync } from 'node:child_process';

export const BASE_BUILD = { outDir: 'dist-base', base: '/kb/', site: 'https://kb.example.com' } as const;

if (import.meta.main) {
  const run = spawnSync('npx', ['astro', 'build', '--outDir', BASE_BUILD.outDir], {
    stdio: 'inherit',
    env: { ...process.env, BASE_PATH: BASE_BUILD.base, SITE_URL: BASE_BUILD.site },
  });
  process.exit(run.status ?? 1);
}
