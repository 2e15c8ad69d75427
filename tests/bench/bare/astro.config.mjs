// A bare Starlight site with the repository's own versions: the benchmark's reference page.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  outDir: './dist',
  integrations: [starlight({ title: 'Bare Starlight' })],
});
