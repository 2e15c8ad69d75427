/** The site's name per language: Starlight's title (astro.config.mjs) and the share cards. */
export const SITE_TITLE = { 'zh-CN': '大模型创业知识库', en: 'Large-Model Startup Knowledge Base' } as const;
