// Collections of everything contributors edit under content/. Field-by-field
// documentation lives with each schema in src/schemas/.
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { i18nSchema } from '@astrojs/starlight/schema';
import { pageSchema } from './src/schemas/article.ts';
import { erratum } from './src/schemas/erratum.ts';
import { glossaryTerm } from './src/schemas/glossary.ts';
import { example } from './src/schemas/example.ts';
import { tryThis } from './src/schemas/try-this.ts';
import { dimension, questionGroup, rule } from './src/schemas/assessment.ts';
import { yamlListLoader } from './src/loaders/yaml-list.ts';
import { uiStrings } from './src/schemas/ui-strings.ts';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: pageSchema }),
  // The site's own UI strings, declared so that `Astro.locals.t()` knows their keys.
  i18n: defineCollection({
    loader: i18nLoader(),
    schema: i18nSchema({ extend: uiStrings }),
  }),
  errata: defineCollection({ loader: yamlListLoader('content/errata'), schema: erratum }),
  glossary: defineCollection({ loader: file('content/glossary.yaml'), schema: glossaryTerm }),
  examples: defineCollection({ loader: yamlListLoader('content/examples'), schema: example }),
  // "Try this" prompts under each example, one file per article.
  tryThis: defineCollection({ loader: yamlListLoader('content/try-this'), schema: tryThis }),
  // The readiness assessment; checks that span files run in src/components/assessment/questionnaire.ts.
  assessmentDimensions: defineCollection({ loader: file('content/assessment/dimensions.yaml'), schema: dimension }),
  assessmentGroups: defineCollection({ loader: glob({ pattern: '*.yaml', base: 'content/assessment/questions' }), schema: questionGroup }),
  assessmentRules: defineCollection({ loader: file('content/assessment/rules.yaml'), schema: rule }),
};
