import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AUDIT_ACTIONS,
  CAFE_REPORT_REASONS,
  CANNED_REJECTION_REASONS,
  FLAG_REASONS,
  QUEUE_REASONS,
  WATCHED_ACTIONS,
} from '#libs/contracts';
import { allTexts, type Tree, webRoot as root } from './locale-files.js';

/**
 * The web shows the contract's words translated: every shared list (libs/contracts) has its
 * texts in both locale files, and a canned rejection reason reads in bokmål exactly as the
 * author is told it (what GET /api/mod/reasons serves).
 */
const locales = { nb: allTexts('nb'), en: allTexts('en') };

function text(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

const LISTS: [string, readonly string[]][] = [
  ['mod.canned', CANNED_REJECTION_REASONS.map((r) => r.code)],
  ['mod.reasonNames', QUEUE_REASONS],
  ['mod.audit.actions', AUDIT_ACTIONS],
  ['flag.reasons', FLAG_REASONS],
  ['flag.reasons', CAFE_REPORT_REASONS],
  ['admin.words.actions', WATCHED_ACTIONS],
];

describe('the contract in the web', () => {
  it.each(LISTS)('should translate every code of %s in both languages', (group, codes) => {
    for (const lang of ['nb', 'en'] as const) {
      const missing = codes.filter((code) => !text(locales[lang], `${group}.${code}`));
      expect({ lang, missing }).toEqual({ lang, missing: [] });
    }
  });

  it('should show a canned reason in bokmål as the author is told it', () => {
    for (const { code, text: told } of CANNED_REJECTION_REASONS)
      expect(text(locales.nb, `mod.canned.${code}`)).toBe(told);
  });

  it('should keep no copy of a shared list in the web source', () => {
    // The old hand copies: a list of reasons written out in a web file drifts from the server's.
    const sources = [
      'components/mod-forms.tsx',
      'features/cafe/message-item.tsx',
      'features/moderation/reject-form.tsx',
    ];
    for (const file of sources)
      expect(readFileSync(join(root, file), 'utf8')).not.toMatch(/'harassment',\s*'personal_info'/);
  });
});
