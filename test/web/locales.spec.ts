import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../apps/web/src', import.meta.url));
type Tree = { [key: string]: string | Tree };

const readTree = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Tree;

/** The base file and every feature file of a language (locales/<lang>/*.json); a group defined twice is an error. */
function load(lang: string): Tree {
  const tree = readTree(join(root, 'locales', `${lang}.json`));
  const dir = join(root, 'locales', lang);
  const files = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')) : [];
  for (const name of files) {
    for (const [group, texts] of Object.entries(readTree(join(dir, name)))) {
      if (group in tree) throw new Error(`locales/${lang}/${name}: the group "${group}" is defined twice`);
      tree[group] = texts;
    }
  }
  return tree;
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(tsx?|ts)$/.test(name) ? [full] : [];
  });
}

const nb = flatten(load('nb'));
const en = flatten(load('en'));
const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const PLURAL = /_(zero|one|two|few|many|other)$/;

describe('locale files', () => {
  it('should have the same keys in bokmål and English', () => {
    const onlyNb = [...nb.keys()].filter((k) => !en.has(k));
    const onlyEn = [...en.keys()].filter((k) => !nb.has(k));
    expect({ onlyNb, onlyEn }).toEqual({ onlyNb: [], onlyEn: [] });
  });

  it('should have no empty texts', () => {
    const empty = [...nb, ...en].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('should use the same interpolation variables in both languages', () => {
    const differing = [...nb.keys()].filter((k) => en.has(k) && vars(nb.get(k)!).join() !== vars(en.get(k)!).join());
    expect(differing).toEqual([]);
  });

  it('should define every literal key the source code translates', () => {
    const groups = new Set<string>();
    for (const k of nb.keys()) {
      const parts = k.split('.');
      for (let i = 1; i < parts.length; i++) groups.add(parts.slice(0, i).join('.'));
    }
    const plainKeys = new Set([...nb.keys()].map((k) => k.replace(PLURAL, '')));
    const missing: string[] = [];
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*(['`])([^'`]+)\1/g)) {
        const key = m[2];
        if (key.includes('${')) {
          // A computed key: its fixed prefix must name a group of keys.
          const prefix = key.slice(0, key.indexOf('${')).replace(/\.$/, '');
          if (prefix && !groups.has(prefix) && !plainKeys.has(prefix)) missing.push(`${file}: ${key}`);
        } else if (!plainKeys.has(key)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
