/**
 * Identifiers written so a person still reads them: spelled letter by letter, in non-Latin digits,
 * with two-digit numbers spoken, NHI digits spoken, handles built from a register name. And what must
 * stay unflagged: initials, acronyms, spelled-out words.
 */
import { describe, expect, it } from 'vitest';
import { detectIdentifiers, pseudonymise } from '../../../electron/core/pseudonyms';
import { ctxOf, person } from './helpers';

const ctx = ctxOf({ participants: [person(1, 'Jason Whitu', 'Tane'), person(2, 'Mere Smith', 'Kiri')] });
const found = (s: string) => detectIdentifiers(ctx, s).map((c) => [c.text, c.kind]);

describe('names spelled letter by letter', () => {
  it.each([
    ['I told J.a.s.o.n about it.', 'J.a.s.o.n'],
    ['I told J . a . s . o . n about it.', 'J . a . s . o . n'],
    ['I told j-a-s-o-n about it.', 'j-a-s-o-n'],
    ['I told J*A*S*O*N about it.', 'J*A*S*O*N'],
    ['I told J.a.s.o.n W.h.i.t.u about it.', 'J.a.s.o.n W.h.i.t.u'],
    ['I told S m i t h about it.', 'S m i t h'],
  ])('%s', (line, written) => {
    const out = pseudonymise(ctx, line);
    expect(out.text).not.toContain(written);
    expect(out.text).not.toMatch(/jason|smith/i);
  });

  it('a name not in the register and a gazetteer place, spelled, are still candidates', () => {
    expect(found('We asked B r o n w y n first.')).toEqual([['B r o n w y n', 'third-party']]);
    expect(found('We moved to P-o-r-i-r-u-a last year.')).toEqual([['P-o-r-i-r-u-a', 'place']]);
  });

  it('initials, acronyms and spelled-out words are not names', () => {
    for (const s of [
      'We saw A. B. in the N.Z. office and the D.H.B. too.',
      'He said N-O-T-H-I-N-G at all.',
      'S-l-o-w-l-y she went.',
      'It was the U.S.A. and P.T.S.D. stuff.',
      'Plan a b c for today, e.g. at 5 p.m.',
      'We used the A-B-C method.',
    ])
      expect(found(s), s).toEqual([]);
  });
});

describe('digits of any script', () => {
  it.each([
    ['Call ٠٢١٥٥٥٠١٩٩ now.', '٠٢١٥٥٥٠١٩٩'],
    ['Call ۰۲۱ ۵۵۵ ۰۱۹۹ now.', '۰۲۱ ۵۵۵ ۰۱۹۹'], // Extended Arabic-Indic (Persian)
    ['Call ০২১৫৫৫০১৯৯ now.', '০২১৫৫৫০১৯৯'], // Bengali
    ['Call ๐๒๑๕๕๕๐๑๙๙ now.', '๐๒๑๕๕๕๐๑๙๙'], // Thai
    ['NHI ZAC٥٧٩١ on file.', 'ZAC٥٧٩١'],
  ])('%s', (line, written) => {
    expect(found(line).map((x) => x[0])).toContain(written);
  });
});

describe('numbers spoken in tens', () => {
  it.each([
    'oh twenty-one five five five zero one nine nine',
    'oh twenty one, five five five, oh one ninety nine',
    'zero four five fifty-five oh one four three',
    'kore rua tekau mā tahi rima rima rima kore tahi iwa iwa',
  ])('%s', (spoken) => {
    expect(found(`Ring me on ${spoken} tonight.`)).toEqual([[spoken, 'phone']]);
  });

  it('ages and counts with tens are not phones', () => {
    expect(found('I was twenty one, and oh twenty years ago we had nine kids.')).toEqual([]);
  });
});

describe('NHI digits spoken or spaced', () => {
  it.each(['ZAC five seven nine one', 'ZAC 5 7 9 1', 'ZAC fifty-seven ninety-one', 'ZAC five seven DE', 'ZAC - five seven nine one'])('%s', (nhi) => {
    expect(found(`My NHI is ${nhi}, honestly.`)).toEqual([[nhi, 'nhi']]);
  });

  it('three capitals and more than four spoken digits, or a word, are not an NHI', () => {
    expect(found('The ABC one two three four five show.')).toEqual([]);
    expect(found('The NZX five minutes later.')).toEqual([]);
  });
});

describe('handles built from a register name', () => {
  it.each(['@jasonwhitu', 'jason.whitu', 'jason_whitu', 'whitujason', 'jwhitu', 'JasonWhitu99', '@Whitu-Jason'])('%s', (h) => {
    const out = pseudonymise(ctx, `Find him online, he is ${h} on everything.`);
    expect(out.text).toBe('Find him online, he is [handle] on everything.');
  });

  it('a handle key that is an everyday word, or too short, is not made', () => {
    const c = ctxOf({ participants: [person(1, 'Al Bo', 'X')] });
    expect(detectIdentifiers(c, 'albo and boal came').filter((x) => x.suggestion === '[handle]')).toEqual([]);
  });
});
