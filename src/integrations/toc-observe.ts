// Starlight's table of contents (desktop and mobile) finds the elements it watches with one
// selector whose `:not(:has(heading))` filters make Chromium scan every subtree; on an article
// with examples (≈ 12,600 elements, three quarters of them KaTeX) that took ≈ 42 ms per table,
// twice per page while it loads (Lighthouse: total blocking time). The same elements are found
// in ≈ 4 ms by selecting without `:has()` and dropping, in script, those that contain a heading.
// Applied to Starlight's module at build; if Starlight's code changes, the build says so.
import type { AstroIntegration } from 'astro';

const MODULE = /@astrojs[\\/]starlight[\\/].*starlight-toc\.js$/;
const SELECTION = /const toObserve = document\.querySelectorAll\(\[[\s\S]*?\]\.join\(\)\);/;
const CHEAPER = `const toObserve = [...document.querySelectorAll([
			\`main :where(\${this.tocHeadingSelector})\`,
			\`main :where(\${this.tocHeadingSelector}, .sl-heading-wrapper) ~ *\`,
			\`main .sl-markdown-content > *\`,
			\`main > *\`
		].join())].filter((el) => isHeading(el) || !el.querySelector(this.tocHeadingSelector));`;

/** Starlight's table-of-contents module with the cheaper selection; throws if its code changed. */
export function cheaperTocSelection(code: string): string {
  if (!SELECTION.test(code) || !code.includes('const isHeading =')) {
    throw new Error("Starlight's table of contents changed: review src/integrations/toc-observe.ts (its faster element selection no longer applies).");
  }
  return code.replace(SELECTION, CHEAPER);
}

export function tocObserve(): AstroIntegration {
  return {
    name: 'kb-toc-observe',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'kb-toc-observe',
                transform: (code: string, id: string) => (MODULE.test(id.split('?')[0]!) ? { code: cheaperTocSelection(code), map: null } : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
