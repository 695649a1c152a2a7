import { MAX_PHRASE_WORDS, MAX_SEARCH_WORDS, parseSearchQuery, searchableText } from './search-text.js';

describe('searchableText', () => {
  it('keeps words and sentence punctuation, so stemming and snippets read as before', () => {
    expect(searchableText('Fjellturene var fine, og vi gikk langt! Neste gang?')).toBe(
      'Fjellturene var fine, og vi gikk langt! Neste gang?',
    );
    expect(searchableText('Æ, ø og å – blåbærsyltetøy')).toBe('Æ, ø og å blåbærsyltetøy');
  });

  it('leaves the parser no run of punctuation between letters to backtrack over', () => {
    for (const hostile of ['_a'.repeat(10_000), '-a'.repeat(10_000), '.a'.repeat(10_000), '/a@a'.repeat(5_000)]) {
      const text = searchableText(hostile);
      expect(text).toMatch(/^a( a)+$/);
    }
  });

  it('cuts very long words into pieces', () => {
    const text = searchableText('x'.repeat(200));
    expect(Math.max(...text.split(' ').map((w) => w.length))).toBeLessThanOrEqual(60);
  });
});

describe('parseSearchQuery', () => {
  it('keeps phrases, exclusions and words', () => {
    expect(parseSearchQuery('"god natt" fjelltur -regn')).toEqual({
      match: '"god natt" fjelltur -regn',
      highlight: 'god or natt or fjelltur',
      compound: null,
    });
  });

  it('looks for long plain words inside compounds too, not short ones or with phrases and exclusions', () => {
    expect(parseSearchQuery('Innleggelse')!.compound).toEqual(['innleggelse']);
    expect(parseSearchQuery('innleggelse syk')).toMatchObject({ compound: null });
    expect(parseSearchQuery('innleggelse sykehus')!.compound).toEqual(['innleggelse', 'sykehus']);
    expect(parseSearchQuery('innleggelse -tvang')!.compound).toBeNull();
    expect(parseSearchQuery('"psykisk helse"')!.compound).toBeNull();
  });

  it('bounds the words of a query and of a phrase', () => {
    const long = parseSearchQuery(`"${'hei '.repeat(16)}"`)!;
    expect(long.match).toBe(`"${Array(MAX_PHRASE_WORDS).fill('hei').join(' ')}"`);
    const many = parseSearchQuery(Array.from({ length: 30 }, (_, i) => `ord${i}`).join(' '))!;
    expect(many.match.split(' ')).toHaveLength(MAX_SEARCH_WORDS);
  });

  it('turns underscore runs into one word, not a hundred-term phrase', () => {
    expect(parseSearchQuery('_a'.repeat(100))).toEqual({ match: 'a', highlight: 'a', compound: null });
  });

  it('has nothing to search for in punctuation or exclusions alone', () => {
    expect(parseSearchQuery('!!! ___ ---')).toBeNull();
    expect(parseSearchQuery('-regn')).toBeNull();
  });
});
