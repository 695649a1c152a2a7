// The architecture rules that imports can't show, checked on the sources as text
// (docs/ARCHITECTURE.md, "The rules, and what checks them"); the rest are dependency-cruiser's
// (.dependency-cruiser.cjs, run by `npm run lint`).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOTS = ['apps/api/src', 'libs'];

/** Every TypeScript source of the API and the libraries (tests excepted), with its text. */
function sources(): { path: string; text: string }[] {
  return ROOTS.flatMap((root) =>
    (readdirSync(root, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.includes('node_modules'))
      .map((f) => join(root, f).replaceAll('\\', '/'))
      .map((path) => ({ path, text: readFileSync(path, 'utf8') })),
  );
}

/** The text without its comments, so a rule is about code (a comment may name a column). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** The data layer: where SQL may be written. */
const DATA_LAYER = (path: string) => path.endsWith('.repository.ts') || path.startsWith('apps/api/src/database/');

/** Files allowed to hold SQL outside the data layer, each with why. Every entry must still be needed. */
// None left: the search moved into forum/search.repository.ts with its bounds (decision 0015).
const SQL_EXCEPTIONS: Record<string, string> = {};

const SQL = [
  { what: '.query(', pattern: /\.query\s*\(/ },
  { what: 'createQueryBuilder', pattern: /\bcreateQueryBuilder\b/ },
  { what: 'getRepository', pattern: /\bgetRepository\b/ },
  { what: 'InjectDataSource / InjectRepository', pattern: /\bInject(DataSource|Repository)\b/ },
  { what: 'a DataSource', pattern: /\bDataSource\b/ },
  {
    what: 'an SQL statement',
    pattern: /\b(SELECT\s[\s\S]{0,300}?\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+(AS\s+\w+\s+)?SET|DELETE\s+FROM)\b/,
  },
];

/**
 * Authorship: anon_salt, the secret and the key function live in apps/api/src/authorship. The
 * exceptions name the column or the secret (outside comments, at most `max` times) without
 * reading a salt or computing a key.
 */
const AUTHORSHIP = (path: string) => path.startsWith('apps/api/src/authorship/');
const AUTHOR_KEYS: Record<string, RegExp> = {
  anon_salt: /anon_?salt/gi,
  'ANON_SECRET (config.anonSecret)': /anonSecret/g,
  'an HMAC (createHmac)': /\bcreateHmac\b/g,
  'a key comparison (timingSafeEqual)': /\btimingSafeEqual\b/g,
};
const AUTHORSHIP_EXCEPTIONS: { path: string; key: string; max: number; why: string }[] = [
  {
    path: 'apps/api/src/users/users.repository.ts',
    key: 'anon_salt',
    max: 1,
    why: 'the INSERT of a new account writes the salt Authorship.newSalt() made; nothing reads it back',
  },
  {
    path: 'apps/api/src/users/user.entity.ts',
    key: 'anon_salt',
    max: 2,
    why: 'the column mapping (select: false), so migration:generate knows the column',
  },
  {
    path: 'apps/api/src/config/app-config.ts',
    key: 'ANON_SECRET (config.anonSecret)',
    max: 5,
    why: 'ANON_SECRET read from the environment, or kept in the data directory',
  },
];

describe('architecture', () => {
  const files = sources();

  it('should find the sources it checks', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.path === 'apps/api/src/forum/posts.repository.ts')).toBe(true);
  });

  it('should write SQL only in the data layer (*.repository.ts, apps/api/src/database)', () => {
    const found = files
      .filter((f) => !DATA_LAYER(f.path) && !(f.path in SQL_EXCEPTIONS))
      .flatMap((f) => SQL.filter((s) => s.pattern.test(code(f.text))).map((s) => `${f.path}: ${s.what}`));
    expect(found).toEqual([]);
  });

  it('should keep every SQL exception needed', () => {
    for (const path of Object.keys(SQL_EXCEPTIONS)) {
      const file = files.find((f) => f.path === path);
      expect([path, file !== undefined && SQL.some((s) => s.pattern.test(code(file.text)))]).toEqual([path, true]);
    }
  });

  it('should read anon_salt and compute or compare author keys only in the authorship module', () => {
    const found = files
      .filter((f) => !AUTHORSHIP(f.path))
      .flatMap((f) =>
        Object.entries(AUTHOR_KEYS).flatMap(([key, pattern]) => {
          const n = code(f.text).match(pattern)?.length ?? 0;
          const allowed = AUTHORSHIP_EXCEPTIONS.find((e) => e.path === f.path && e.key === key)?.max ?? 0;
          return n > allowed ? [`${f.path}: ${key} (${n} times)`] : [];
        }),
      );
    expect(found).toEqual([]);
  });

  it('should read anon_salt in one place: the authorship repository', () => {
    const readers = files.filter((f) => /SELECT[^`']*\banon_salt\b/.test(f.text)).map((f) => f.path);
    expect(readers).toEqual(['apps/api/src/authorship/authorship.repository.ts']);
  });

  it('should build a Policy only in the identity service (HTTP and sockets alike)', () => {
    const builders = files.filter((f) => /\bnew Policy\(/.test(code(f.text))).map((f) => f.path);
    expect(builders).toEqual(['apps/api/src/identity/identity.service.ts']);
  });

  it('should name every exported class once, since the OpenAPI document keeps one schema per name', () => {
    const seen = new Map<string, string[]>();
    for (const f of files.filter((s) => s.path.startsWith('apps/api/src/')))
      for (const m of f.text.matchAll(/^export class (\w+)/gm)) seen.set(m[1], [...(seen.get(m[1]) ?? []), f.path]);
    expect([...seen].filter(([, paths]) => paths.length > 1)).toEqual([]);
  });
});
