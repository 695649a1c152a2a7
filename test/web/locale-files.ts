import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The web app's source folder. */
export const webRoot = fileURLToPath(new URL('../../apps/web/src', import.meta.url));
export type Tree = { [key: string]: string | Tree };

export const readTree = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Tree;

/** The home page's texts only: locales/<lang>.json. */
export const homeTexts = (lang: string) => readTree(join(webRoot, 'locales', `${lang}.json`));

/** All of a language: the home page's file and every feature file (locales/<lang>/*.json); a group defined twice is an error. */
export function allTexts(lang: string): Tree {
  const tree = homeTexts(lang);
  const dir = join(webRoot, 'locales', lang);
  const files = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')) : [];
  for (const name of files) {
    for (const [group, texts] of Object.entries(readTree(join(dir, name)))) {
      if (group in tree) throw new Error(`locales/${lang}/${name}: the group "${group}" is defined twice`);
      tree[group] = texts;
    }
  }
  return tree;
}
