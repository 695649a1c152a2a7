import { checkPattern, WatchedWordMatcher } from '#libs/screening';
import { CafeAndWatchedWords1764000300000 } from '../../../../migrations/1764000300000-cafe-and-watched-words.js';

/** The seeded list, read back from what the migration inserts. */
async function seeded(): Promise<{ pattern: string; action: 'block' | 'review' | 'flag' | 'crisis' }[]> {
  const rows: { pattern: string; action: 'block' | 'review' | 'flag' | 'crisis' }[] = [];
  const db = {
    query: async (sql: string, params?: unknown[]) => {
      if (sql.includes('INSERT INTO watched_words'))
        rows.push({ pattern: params![0] as string, action: params![1] as 'crisis' });
    },
  };
  await new CafeAndWatchedWords1764000300000().up(db as never);
  return rows;
}

describe('the default watched words', () => {
  it('should all be valid patterns in their stored form', async () => {
    const rows = await seeded();
    expect(rows.length).toBeGreaterThan(20);
    for (const { pattern } of rows) expect(checkPattern(pattern)).toEqual({ ok: true, pattern });
  });

  it.each([
    ['Jeg har tenkt på selvmord i det siste', 'crisis'],
    ['selvmordstankene kommer om natta', 'crisis'],
    ['Jeg orker ikke mer.', 'crisis'],
    ['jeg vil ikke leve lenger', 'crisis'],
    ['Noen ganger kutter jeg meg', 'crisis'],
    ['i går skadet jeg meg', 'crisis'],
    ['jeg har kuttet meg igjen', 'crisis'],
    ['tenker på å ta livet mitt', 'crisis'],
    ['tok en overdose', 'crisis'],
    ['jeg har lyst til å dø', 'crisis'],
    ['alle har det bedre uten meg', 'crisis'],
    ['Du må ikke ta livet av deg!', 'flag'],
    ['Kan jeg henge meg på kaffen?', null],
    ['Jeg er pårørende og er sliten', null],
    ['Medisinene hjelper litt', null],
  ])('should screen %j as %s', async (text, action) => {
    const matcher = new WatchedWordMatcher(await seeded());
    expect(matcher.screen(text).action).toBe(action);
  });
});
