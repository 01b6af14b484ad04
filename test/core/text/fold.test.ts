import { describe, expect, it } from 'vitest';
import { fold, foldWithMap } from '../../../shared/text/fold';

/** Finds `query` in `text` by folding both, and returns the stored text's matching slice. */
function find(text: string, query: string): string | null {
  const { folded, map } = foldWithMap(text);
  const at = folded.indexOf(fold(query));
  if (at < 0) return null;
  return text.slice(map[at], map[at + fold(query).length]);
}

describe('folding te reo for matching', () => {
  it('folds macrons and double vowels alike: Maaori ≡ Māori ≡ Maori, whaanau ≡ whānau', () => {
    expect(fold('Maaori')).toBe(fold('Māori'));
    expect(fold('MĀORI')).toBe('maori');
    expect(fold('whaanau')).toBe(fold('whānau'));
    expect(fold('whanau')).toBe('whanau');
    expect(fold('pōwhiri')).toBe(fold('poowhiri'));
  });

  it('treats hyphen and every dash alike: tuakana-teina ≡ tuakana–teina ≡ tuakana—teina', () => {
    expect(fold('tuakana-teina')).toBe(fold('tuakana–teina'));
    expect(fold('tuakana—teina')).toBe(fold('tuakana-teina'));
    expect(fold('tuakana teina')).not.toBe(fold('tuakana-teina'));
  });

  it('keeps different words apart', () => {
    expect(fold('whānau')).not.toBe(fold('whanaunga'));
    expect(fold('tapu')).not.toBe(fold('tāpui'));
  });

  it('maps matches in folded text back to the stored text exactly, macrons kept', () => {
    const text = 'Kei te pai. Maaori mental health is whanau health, he taonga te whānau, tuakana–teina.';
    expect(find(text, 'Māori')).toBe('Maaori');
    expect(find(text, 'whaanau')).toBe('whanau');
    expect(find(text, 'taonga te whanau')).toBe('taonga te whānau');
    expect(find(text, 'tuakana-teina')).toBe('tuakana–teina');
  });

  it('maps a double vowel written as a plain vowel and a macron (aā) to both characters', () => {
    const text = 'te reo o te Maāori';
    expect(find(text, 'maori')).toBe('Maāori');
  });

  it('keeps the map aligned through astral characters and combining marks', () => {
    const text = '🌿 whānau and wha\u0304nau';
    const { folded, map } = foldWithMap(text);
    expect(map).toHaveLength(folded.length + 1);
    const second = folded.lastIndexOf('whanau');
    expect(text.slice(map[second], map[second + 6])).toBe('wha\u0304nau');
  });
});

/** The straightforward per-character version foldWithMap is checked against (its fast path must agree). */
function referenceFoldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  let out = '';
  const outMap: number[] = [];
  for (let k = 0; k < folded.length; k++) {
    const c = folded[k] ?? '';
    if ('aeiou'.includes(c) && out.endsWith(c) && k > 0 && folded[k - 1] === c) continue;
    out += c;
    outMap.push(map[k] ?? text.length);
  }
  outMap.push(text.length);
  return { folded: out, map: outMap };
}

describe('foldWithMap agrees with the per-character reference', () => {
  it('on random mixes of ASCII, macrons, combining marks, dashes, quotes and emoji', () => {
    const alphabet = ['a', 'A', 'e', 'o', 'O', 'u', 'w', 'h', 'n', ' ', '-', '–', '—', '’', "'", 'ā', 'Ā', 'ē', 'ō', 'ū', '\u0304', '🌿', 'é', '\n', 'ß'];
    let seed = 42;
    const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    for (let n = 0; n < 500; n++) {
      const len = Math.floor(rnd() * 40);
      const text = Array.from({ length: len }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      expect(foldWithMap(text), JSON.stringify(text)).toEqual(referenceFoldWithMap(text));
    }
  });
});
