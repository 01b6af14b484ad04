/**
 * A determined or careless writer: names and numbers hidden with invisible characters, compatibility
 * letters (math bold, fullwidth), lookalike letters or a right-to-left override are still found, with
 * offsets into the stored text, and replacement removes the whole obfuscated span.
 */
import { describe, expect, it } from 'vitest';
import { decisionKey, detectIdentifiers, pseudonymise } from '../../../electron/core/pseudonyms';
import { ctxOf, person } from './helpers';

const ctx = ctxOf({ participants: [person(1, 'Priya Sharma', 'Leah'), person(2, 'Geoff Baker', 'Rick', 'manager')] });
const hits = (text: string) => detectIdentifiers(ctx, text).map((c) => [c.text, c.kind, c.status]);

describe('normalise before matching', () => {
  it('zero-width-name-detected', () => {
    const text = 'I talked to Pri\u200Bya Shar\u200Cma about it.';
    expect(hits(text)).toEqual([['Pri\u200Bya Shar\u200Cma', 'participant', 'rule']]);
    expect(pseudonymise(ctx, text).text).toBe('I talked to Leah about it.');
  });
  it('word-joiner-and-bom-name-detected', () => {
    const text = 'Then Ge\u2060off rang, and Ge\uFEFFoff left.';
    expect(pseudonymise(ctx, text).text).toBe('Then Rick rang, and Rick left.');
  });
  it('bidi-control-inside-name-detected', () => {
    const text = 'I asked Pr\u202Aiya\u202C Sh\u2066arma\u2069 today.';
    expect(pseudonymise(ctx, text).text).toBe('I asked Leah today.');
  });
  it('rtl-override-reversed-name-detected', () => {
    // Stored "ayirP" after U+202E displays as "Priya".
    const text = 'I asked \u202Eayirp\u202C Sharma today.'.replace('ayirp', 'ayirP');
    const r = pseudonymise(ctx, text);
    expect(r.text).not.toMatch(/ayirP|Sharma/);
  });
  it('math-bold-name-detected', () => {
    const text = 'I think 𝐏𝐫𝐢𝐲𝐚 𝐒𝐡𝐚𝐫𝐦𝐚 knows.';
    const c = detectIdentifiers(ctx, text);
    expect(c.map((x) => [text.slice(x.start, x.end), x.status])).toEqual([['𝐏𝐫𝐢𝐲𝐚 𝐒𝐡𝐚𝐫𝐦𝐚', 'rule']]);
    expect(pseudonymise(ctx, text).text).toBe('I think Leah knows.');
  });
  it('fullwidth-name-detected', () => {
    expect(pseudonymise(ctx, 'Ｇｅｏｆｆ said no.').text).toBe('Rick said no.');
  });
  it('cyrillic-lookalike-name-detected', () => {
    // Cyrillic е and о inside "Geoff".
    expect(pseudonymise(ctx, 'G\u0435\u043Eff said no.').text).toBe('Rick said no.');
  });
  it('zero-width-inside-numbers-detected', () => {
    const text = 'Ring 021\u200B555\u200B0143 or email pri\u200Bya@exa\u200Bmple.org, NHI ZAB\u200D1234.';
    expect(detectIdentifiers(ctx, text).map((c) => c.kind)).toEqual(['phone', 'email', 'nhi']);
  });
  it('decision-key-reads-as-displayed', () => {
    expect(decisionKey('Hiku\u200Brangi')).toBe(decisionKey('Hikurangi'));
    expect(decisionKey('𝐇𝐢𝐤𝐮𝐫𝐚𝐧𝐠𝐢')).toBe('hikurangi');
  });
  it('plain text keeps its offsets and the stored text is untouched', () => {
    const text = 'Kōrero with Priya Sharma in Ōtaki, whānau first.';
    const c = detectIdentifiers(ctx, text);
    for (const x of c) expect(text.slice(x.start, x.end)).toBe(x.text);
    expect(c.map((x) => x.text)).toEqual(['Priya Sharma', 'Ōtaki']);
  });
});
