import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { allTexts, homeTexts, type Tree, webRoot as root } from './locale-files.js';

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

const nb = flatten(allTexts('nb'));
const en = flatten(allTexts('en'));
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
    expect(untranslated(sourceFiles(root), nb)).toEqual([]);
  });

  it('should have every text the home page shows in the home page’s own file (the rest comes with other pages)', () => {
    const home = homePageFiles();
    expect(home).toContain(join(root, 'pages', 'home.tsx'));
    expect(home).not.toContain(join(root, 'pages', 'thread.tsx'));
    for (const lang of ['nb', 'en']) expect(untranslated(home, flatten(homeTexts(lang)))).toEqual([]);
  });
});

/** Literal keys in these files that the texts do not define (a computed key: its fixed prefix must name a group). */
function untranslated(files: string[], texts: Map<string, string>): string[] {
  const groups = new Set<string>();
  for (const k of texts.keys()) {
    const parts = k.split('.');
    for (let i = 1; i < parts.length; i++) groups.add(parts.slice(0, i).join('.'));
  }
  const plainKeys = new Set([...texts.keys()].map((k) => k.replace(PLURAL, '')));
  const missing: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*(['`])([^'`]+)\1/g)) {
      const key = m[2];
      if (key.includes('${')) {
        const prefix = key.slice(0, key.indexOf('${')).replace(/\.$/, '');
        if (prefix && !groups.has(prefix) && !plainKeys.has(prefix)) missing.push(`${file}: ${key}`);
      } else if (!plainKeys.has(key)) missing.push(`${file}: ${key}`);
    }
  }
  return missing;
}

/** The source file an import names, as Vite resolves a relative import without an extension. */
const resolveImport = (from: string, spec: string) =>
  ['', '.ts', '.tsx', '/index.ts', '/index.tsx']
    .map((end) => join(dirname(from), spec) + end)
    .find((f) => existsSync(f) && statSync(f).isFile());

/** What main.tsx runs before any page's chunk: its static imports, followed through the source. */
function homePageFiles(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(
      /^(?:import|export)\s(?!type\s)[^;]*?\sfrom\s+'(\.[^']+)'|^import\s+'(\.[^']+)'/gms,
    )) {
      const target = resolveImport(file, m[1] ?? m[2]);
      if (target) visit(target);
    }
  };
  visit(join(root, 'main.tsx'));
  return [...seen];
}
