/** Positions from another tool's text (UTF-16 units, CRLF, decomposed macrons) into Focal's stored text. */
import { expect, it } from 'vitest';
import { normaliseTranscriptText } from '../../../electron/core/import/decode';
import { parsePlainText } from '../../../electron/core/import/parse-text';
import { normaliseWithMap, PositionMap } from '../../../electron/core/qdpx/text-map';

it('normalises exactly as the transcript importer does, and maps every raw offset', () => {
  for (const raw of ['a\r\nb', 'Ma\u0304ori\u0304\r\ncafe\u0301 x', 'plain', '\u0301start', 'a\fb\vc\rd', '👋🏽 e\u0301\r\n\r\nz']) {
    const r = normaliseWithMap(raw);
    expect(r.text).toBe(normaliseTranscriptText(raw));
    expect(r.map[raw.length]).toBe(r.text.length);
    for (let i = 1; i <= raw.length; i++) expect(r.map[i]).toBeGreaterThanOrEqual(r.map[i - 1]!);
  }
});

it('a range in the raw text lands on the same words in the stored text (labels out, CRLF, NFC, emoji)', () => {
  const raw = 'Aroha: Kia ora 👋🏽🌿\r\n\r\nMere: Ko Ma\u0304ori te reo 😤 — e hoa.\r\n';
  const n = normaliseWithMap(raw);
  const parsed = parsePlainText(n.text);
  const map = new PositionMap(n.map, n.text, parsed.text);
  const range = (words: string) => map.range(raw.indexOf(words), raw.indexOf(words) + words.length)!;
  const show = (words: string) => parsed.text.slice(range(words).start, range(words).end);
  expect(show('Kia ora')).toBe('Kia ora');
  expect(show('te reo 😤 — e hoa')).toBe('te reo 😤 — e hoa');
  expect(show('Ko Ma\u0304ori')).toBe('Ko Māori');
  // a range that starts on the speaker's label starts at the words
  expect(show('Mere: Ko')).toBe('Ko');
  expect(map.range(0, raw.length + 5)).toBeNull();
  expect(map.range(5, 5)).toBeNull();
});
