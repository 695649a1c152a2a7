import { HELPLINES } from './helplines.js';
import { normalizeText, tokenize } from './normalize.js';
import {
  checkPattern,
  hasAction,
  PATTERN_LIMITS,
  strongest,
  WatchedWordMatcher,
  type WatchedWordEntry,
} from './watched-words.js';

const matcher = (...entries: [string, WatchedWordEntry['action']][]) =>
  new WatchedWordMatcher(entries.map(([pattern, action]) => ({ pattern, action })));

/** CPU time of this process in ms, not the wall clock: other processes on a busy machine do not count. */
function cpuMs(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

describe('normalizeText', () => {
  it('should lower-case and keep æ, ø and å distinct from a and o', () => {
    expect(normalizeText('ÆRLIG SØT BÅT')).toBe('ærlig søt båt');
    expect(normalizeText('bat')).not.toBe(normalizeText('båt'));
  });

  it('should remove zero-width characters and the soft hyphen, and fold full-width letters', () => {
    expect(normalizeText('sel\u200Bv\u00ADmord')).toBe('selvmord');
    expect(normalizeText('ＳＥＬＶ')).toBe('selv');
  });

  it('should read ö and ä as ø and æ', () => {
    expect(normalizeText('Mört och Läs')).toBe('mørt och læs');
  });
});

describe('tokenize', () => {
  it('should split on anything that is not a letter or digit and mark sentence breaks', () => {
    const tokens = tokenize('jeg orker. ikke-mer!');
    expect(tokens.map((t) => t.word)).toEqual(['jeg', 'orker', 'ikke', 'mer']);
    expect(tokens.map((t) => t.breakBefore)).toEqual([false, false, true, false]);
  });
});

describe('checkPattern', () => {
  it.each([
    ['  Ta   LIVET  mitt ', 'ta livet mitt'],
    ['selvmord*', 'selvmord*'],
    ['Sjølmord', 'sjølmord'],
    ['ønske å dø', 'ønske å dø'],
  ])('should store %j as %j', (raw, stored) => {
    expect(checkPattern(raw)).toEqual({ ok: true, pattern: stored });
  });

  it.each([
    ['', /empty/],
    ['a.*b', /letters and digits/],
    ['(a+)+$', /letters and digits/],
    ['ta|livet', /letters and digits/],
    ['*mord', /letters and digits/],
    ['se*', /at least 3 letters before/],
    ['x', /at least 2 letters/],
    ['å i', /at least 2 letters/],
    ['a b c d e f g', /at most 6 words/],
    ['x'.repeat(65), /at most 64 characters/],
  ])('should refuse %j', (raw, reason) => {
    const checked = checkPattern(raw);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toMatch(reason);
  });
});

describe('WatchedWordMatcher', () => {
  it('should match whole words, in any letter case, and not inside other words', () => {
    const m = matcher(['overdose', 'crisis']);
    expect(m.screen('Jeg tenker på OVERDOSE').action).toBe('crisis');
    expect(m.screen('overdosering').action).toBeNull();
    expect(m.screen('preoverdose').action).toBeNull();
  });

  it.each([
    ['selvmordet', true],
    ['selvmord.', true],
    ['selvmords', true],
    ['selvmordstanker', false],
    ['selvmorder', true],
  ])('should match common inflections of "selvmord": %s → %s', (text, expected) => {
    expect(matcher(['selvmord', 'crisis']).screen(text).action !== null).toBe(expected);
  });

  it('should match compounds when the pattern word ends in *', () => {
    const m = matcher(['selvmord*', 'crisis']);
    for (const text of ['selvmordstanker', 'Selvmordsforsøk', 'selvmord']) expect(m.screen(text).action).toBe('crisis');
    expect(m.screen('selv mord').action).toBeNull();
  });

  it('should match verb forms through the endings', () => {
    const m = matcher(['kutte meg', 'crisis']);
    expect(m.screen('jeg kutter meg').action).toBe('crisis');
    expect(m.screen('har kuttet meg igjen').action).toBe('crisis');
    expect(m.screen('kutte megafonen').action).toBeNull();
  });

  it('should match a phrase across any whitespace and punctuation within a sentence, not across sentences', () => {
    const m = matcher(['orke ikke mer', 'crisis']);
    expect(m.screen('jeg orker  ikke\tmer').action).toBe('crisis');
    expect(m.screen('orket ikke, mer').action).toBe('crisis');
    expect(m.screen('jeg orker ikke. Mer kaffe?').action).toBeNull();
    expect(m.screen('jeg orker ikke\nmer').action).toBeNull();
  });

  it('should keep å distinct from a', () => {
    const m = matcher(['gå', 'flag']);
    expect(m.screen('ga').action).toBeNull();
    expect(m.screen('Gå').action).toBe('flag');
  });

  it.each([
    ['f\u043Erbudt', 'a Cyrillic о'],
    ['fórbudt', 'an accent'],
    ['fo\u0301rbudt', 'a combining accent'],
    ['\u0192orbudt', 'a hooked ƒ'],
    ['FÓRBUDTE', 'capitals, an accent and an ending'],
    ['f\u043Erbudt\u0435t', 'look-alikes in an inflected form'],
  ])('should see through look-alike letters: %j (%s)', (text) => {
    const result = matcher(['forbudt', 'block']).screen(`Dette er ${text} her`);
    expect(result.action).toBe('block');
  });

  it('should match a pattern written with look-alikes against plain text, and keep å and ø apart', () => {
    expect(matcher(['f\u043Erbudt', 'block']).screen('forbudt').action).toBe('block');
    expect(matcher(['bål', 'flag']).screen('bal').action).toBeNull();
    expect(matcher(['bøtte', 'flag']).screen('botte').action).toBeNull();
    expect(matcher(['mord*', 'flag']).screen('mórdet').action).toBe('flag');
  });

  it('should see through zero-width characters a writer hides a word with', () => {
    expect(matcher(['selvmord', 'crisis']).screen('sel\u200Bvmord').action).toBe('crisis');
  });

  it('should return the strongest action and every matched pattern once, with the words as written', () => {
    const m = matcher(['idiot', 'flag'], ['vil ikke leve', 'crisis'], ['drittsekk', 'block']);
    const result = m.screen('Idiot! Jeg vil ikke leve, idiot');
    expect(result.action).toBe('crisis');
    expect(result.matches).toEqual([
      { pattern: 'idiot', action: 'flag', text: 'idiot' },
      { pattern: 'vil ikke leve', action: 'crisis', text: 'vil ikke leve' },
    ]);
    const blocked = m.screen('drittsekk, jeg vil ikke leve');
    expect(blocked.action).toBe('block');
    expect(hasAction(blocked, 'crisis')).toBe(true);
  });

  it('should ignore patterns that are not valid and stop at the list limit', () => {
    const m = new WatchedWordMatcher([
      { pattern: '.*', action: 'block' },
      { pattern: 'ok ord', action: 'flag' },
    ]);
    expect(m.size).toBe(1);
    const many = new WatchedWordMatcher(
      Array.from({ length: PATTERN_LIMITS.maxPatterns + 10 }, (_, i) => ({
        pattern: `ord${i}`,
        action: 'flag' as const,
      })),
    );
    expect(many.size).toBe(PATTERN_LIMITS.maxPatterns);
  });

  it('should screen pathological input in linear time', () => {
    // The worst list allowed: every pattern a long phrase sharing its first words and prefixes,
    // against long runs of those words, one giant word and endless separators.
    const entries: WatchedWordEntry[] = [];
    for (let i = 0; i < PATTERN_LIMITS.maxPatterns; i++) {
      entries.push(
        i % 2
          ? { pattern: `aaa aaa aaa aaa aaa x${i}`, action: 'flag' }
          : { pattern: `${'a'.repeat(3 + (i % 60))}* aaa aaa aaa aaa b${i}`, action: 'review' },
      );
    }
    const m = new WatchedWordMatcher(entries);
    // 20,000 characters: more than any post or café message may hold.
    const inputs = [
      'aaa '.repeat(5_000),
      'a'.repeat(20_000),
      '!'.repeat(20_000),
      'aaae '.repeat(4_000),
      `${'a'.repeat(50)} `.repeat(400),
    ];
    for (const input of inputs) {
      let result: ReturnType<WatchedWordMatcher['screen']> | undefined;
      const ms = cpuMs(() => (result = m.screen(input)));
      expect(result!.action).toBeNull();
      expect(ms).toBeLessThan(1_500);
    }
    // Doubling the input roughly doubles the time (linear, not quadratic).
    const time = (n: number) => {
      const text = 'aaa '.repeat(n);
      return cpuMs(() => m.screen(text));
    };
    time(500);
    const small = Math.max(time(1_000), 1);
    const large = time(4_000);
    expect(large / small).toBeLessThan(10);
  });

  it('should answer no match for an empty list or empty text', () => {
    expect(new WatchedWordMatcher([]).screen('selvmord')).toEqual({ action: null, matches: [] });
    expect(matcher(['selvmord', 'crisis']).screen('')).toEqual({ action: null, matches: [] });
  });
});

describe('strongest', () => {
  it('should rank block over crisis over review over flag', () => {
    expect(strongest(['flag', 'review'])).toBe('review');
    expect(strongest(['review', 'crisis', 'flag'])).toBe('crisis');
    expect(strongest(['crisis', 'block'])).toBe('block');
    expect(strongest([])).toBeNull();
  });
});

describe('HELPLINES', () => {
  it('should list the five Norwegian numbers of the design', () => {
    expect(HELPLINES.map((h) => h.phone)).toEqual(['113', '116 117', '116 123', '22 40 00 40', '116 111']);
    for (const h of HELPLINES)
      expect(Object.keys(h).every((k) => ['key', 'name', 'phone', 'url'].includes(k))).toBe(true);
    expect(new Set(HELPLINES.map((h) => h.key)).size).toBe(HELPLINES.length);
  });
});
