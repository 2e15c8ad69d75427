import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import type { Loader } from 'astro/loaders';

/**
 * Loads every `*.yaml` file in a folder, each holding a list of items with an `id`,
 * into one collection. Several small files (one per article) keep pull requests
 * from colliding; errors name the file, the item and (through the schema) the field.
 */
export function yamlListLoader(folder: string): Loader {
  return {
    name: 'yaml-list-loader',
    load: async ({ store, parseData, config }) => {
      store.clear();
      const dir = new URL(folder.endsWith('/') ? folder : `${folder}/`, config.root);
      const files = (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort();
      const seen = new Map<string, string>();
      for (const name of files) {
        const path = join(dir.pathname, name);
        const filePath = relative(config.root.pathname, path);
        let items: unknown;
        try {
          items = yaml.load(await readFile(path, 'utf8'));
        } catch (error) {
          throw new Error(`${filePath}: not valid YAML: ${(error as Error).message}`, { cause: error });
        }
        if (!Array.isArray(items)) throw new Error(`${filePath}: expected a list of items`);
        for (const [index, item] of items.entries()) {
          const id = (item as { id?: unknown })?.id;
          if (typeof id !== 'string') throw new Error(`${filePath}: item ${index + 1} has no string "id"`);
          if (seen.has(id)) throw new Error(`${filePath}: id "${id}" is already used in ${seen.get(id)}`);
          seen.set(id, filePath);
          const data = await parseData({ id, data: item as Record<string, unknown>, filePath });
          store.set({ id, data, filePath });
        }
      }
    },
  };
}
