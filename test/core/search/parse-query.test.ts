import { describe, expect, it } from 'vitest';
import { foldWithMap } from '../../../shared/text/fold';
import { contextSpans, findTerms, foldWithMapFast } from '../../../electron/core/search/highlight';
import { describe as describeAst, parseQuery, positiveTerms, toFts } from '../../../electron/core/search/parse-query';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const fts = (q: string) => {
  const ast = parseQuery(q);
  return ast ? toFts(ast) : null;
};

describe('search query language', () => {
  it('folds and quotes words, with implicit AND', () => {
    expect(fts('Whānau hui')).toBe('("whanau" AND "hui")');
    expect(fts('Maaori')).toBe('"maori"');
    expect(fts('MĀORI')).toBe('"maori"');
  });

  it('reads phrases, prefixes, OR, NOT and brackets with NOT tightest, then AND, then OR', () => {
    // Double vowels fold too (peer → per, as Maaori → maori), in the query and in the index alike.
    expect(fts('"peer support"')).toBe('"per support"');
    expect(fts('whaka*')).toBe('"whaka"*');
    expect(fts('"tuakana te"*')).toBe('"tuakana te"*');
    expect(fts('a OR b c')).toBe('("a" OR ("b" AND "c"))');
    expect(fts('(hui OR wānanga) NOT karakia')).toBe('(("hui" OR "wananga") NOT "karakia")');
    expect(fts('a NOT b NOT c')).toBe('(("a" NOT "b") NOT "c")');
    expect(fts('a AND b')).toBe('("a" AND "b")');
  });

  it('splits dashed and apostrophe words the way the index does: a phrase', () => {
    expect(fts('tuakana-teina')).toBe('"tuakana teina"');
    expect(fts('tuakana–teina')).toBe('"tuakana teina"');
    expect(fts("we’re")).toBe('"we re"');
  });

  it('lower-case and/or/not are words, not operators', () => {
    expect(fts('kai and korero')).toBe('("kai" AND "and" AND "korero")');
  });

  it('never lets user text become FTS5 syntax', () => {
    // A lone quote, a star alone, punctuation only: nothing to search for.
    expect(fts('"')).toBeNull();
    expect(fts('*')).toBeNull();
    expect(fts('""')).toBeNull();
    expect(fts('()')).toBeNull();
    // NEAR groups, column filters, carets and braces come out as quoted plain words.
    expect(fts('NEAR(a b)')).toBe('("near" AND "a" AND "b")');
    expect(fts('folded:whanau')).toBe('"folded whanau"');
    expect(fts('block_id:1')).toBe('"block id 1"');
    expect(fts('^start {folded} : -x + y')).toBe('("start" AND "folded" AND "x" AND "y")');
    expect(fts('a" OR "b')).toBe('("a" AND " or " AND "b")'.replace('" or "', '"or"'));
    // Unbalanced brackets are forgiven rather than passed through.
    expect(fts('(hui OR marae')).toBe('("hui" OR "marae")');
    expect(fts('hui) marae')).toBe('("hui" AND "marae")');
  });

  it('refuses NOT with nothing before it, in words a researcher understands', () => {
    expect(() => fts('NOT hui')).toThrow(/NOT needs something to search for/);
    expect(() => fts('a OR NOT b')).toThrow(/NOT needs/);
  });

  it('describes the query back and lists only positive terms for highlighting', () => {
    const ast = parseQuery('Whānau "peer support" NOT hui')!;
    expect(describeAst(ast)).toBe('Whānau AND "peer support" AND NOT hui');
    expect(positiveTerms(ast)).toEqual([
      { tokens: ['whanau'], prefix: false },
      { tokens: ['per', 'support'], prefix: false },
    ]);
  });
});

describe('mapping matches back to the stored text', () => {
  it('foldWithMapFast gives exactly foldWithMap on the fixtures', () => {
    for (const f of ['hui-tupu-group-interview.txt', 'te-reo-glossary.csv', 'focus-group-lived-experience.vtt']) {
      const text = readFileSync(join(process.cwd(), 'test/fixtures', f), 'utf8').normalize('NFC');
      expect(foldWithMapFast(text)).toEqual(foldWithMap(text));
    }
    const odd = 'Maaori whaanau aā ĀAA tuakana–teina we’re 😀 Ōtautahi';
    expect(foldWithMapFast(odd)).toEqual(foldWithMap(odd));
  });

  it('finds words, prefixes and phrases with or without macrons, as ranges of the original', () => {
    const text = 'Maaori mental health is whānau health, tuakana–teina, Whanaungatanga.';
    const at = (q: string) => findTerms(text, positiveTerms(parseQuery(q)!)).map((r) => text.slice(r.start, r.end));
    expect(at('Māori')).toEqual(['Maaori']);
    expect(at('whanau')).toEqual(['whānau']);
    expect(at('tuakana-teina')).toEqual(['tuakana–teina']);
    expect(at('whanau*')).toEqual(['whānau', 'Whanaungatanga']);
    expect(at('"mental health"')).toEqual(['mental health']);
    expect(at('health NOT whanau')).toEqual(['health', 'health']);
  });

  it('cuts a long block into a window around the first hit, as plain spans', () => {
    const text = `${'kōrero '.repeat(100)}whānau ${'mahi '.repeat(100)}`;
    const m = findTerms(text, [{ tokens: ['whanau'], prefix: false }]);
    const { spans, clippedStart, clippedEnd } = contextSpans(text, m);
    expect(clippedStart && clippedEnd).toBe(true);
    expect(spans.filter((s) => s.hit).map((s) => s.text)).toEqual(['whānau']);
    expect(spans.map((s) => s.text).join('').length).toBeLessThanOrEqual(330);
  });
});
