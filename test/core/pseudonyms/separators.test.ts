/**
 * NHI numbers, phone numbers and email addresses written with separators, spelled out or spoken:
 * still found, and the whole written span is the candidate.
 */
import { describe, expect, it } from 'vitest';
import { detectEmails } from '../../../electron/core/pseudonyms/detectors/email-url';
import { detectNhi } from '../../../electron/core/pseudonyms/detectors/nhi';
import { detectPhones } from '../../../electron/core/pseudonyms/detectors/phone';
import type { Detection } from '../../../electron/core/pseudonyms/detectors/types';

const texts = (text: string, found: Detection[]) => found.map((d) => text.slice(d.start, d.end));

describe('NHI numbers with separators', () => {
  it('nhi-with-separators-detected', () => {
    const text = 'Mine is ABC 12DE, hers A-B-C-1-2-D-E, his ZAB 1234, then Z.A.B.1.2.3.4 and ZBN-77VL, or z-a-b-1-2-3-4.';
    expect(texts(text, detectNhi(text))).toEqual(['ABC 12DE', 'A-B-C-1-2-D-E', 'ZAB 1234', 'Z.A.B.1.2.3.4', 'ZBN-77VL', 'z-a-b-1-2-3-4']);
  });
  it('separated look-alikes that are ordinary words and numbers are not NHIs', () => {
    const text = 'We met the 1234 people, had 12 sessions in 2019, a b c, Room AB 1234, and abc 1234 is a password.';
    expect(detectNhi(text)).toEqual([]);
  });
});

describe('phone numbers with separators and spoken digits', () => {
  it('phone-digits-split-detected', () => {
    const text = 'Call 0 2 1 5 5 5 0 1 9 9 or 021.555.0199 or 02-1555-0199 or 04 - 555 - 0143, and 021 555 0199.';
    expect(texts(text, detectPhones(text))).toEqual(['0 2 1 5 5 5 0 1 9 9', '021.555.0199', '02-1555-0199', '04 - 555 - 0143', '021 555 0199']);
  });
  it('phone-spoken-digits-detected', () => {
    const text =
      'My number is oh two one five five five, oh one nine nine. Or zero two one, five five five, zero one nine nine. ' +
      'Or 021 five five five 0199, or oh two seven double five triple one two three four.';
    expect(texts(text, detectPhones(text))).toEqual([
      'oh two one five five five, oh one nine nine',
      'zero two one, five five five, zero one nine nine',
      '021 five five five 0199',
      'oh two seven double five triple one two three four',
    ]);
  });
  it('phone-spoken-te-reo-digits-detected', () => {
    const text = 'Waea mai: kore rua tahi rima rima rima kore tahi iwa iwa.';
    expect(texts(text, detectPhones(text))).toEqual(['kore rua tahi rima rima rima kore tahi iwa iwa']);
  });
  it('counting, lists, years and times are not phones', () => {
    const text = 'One, two, three, four, five, six, seven, eight, nine. Oh no. In 2019, 2020 and 2021 we met at 09.30 for 10 - 12 people. Te Tiriti o Waitangi, tahi, rua, toru.';
    expect(detectPhones(text)).toEqual([]);
  });
});

describe('email addresses written out', () => {
  it('email-at-dot-words-detected', () => {
    const text = 'Email me: aroha at example dot co dot nz, or priya dot sharma at gmail dot com, or hemi [at] xtra [dot] nz, or kiri (at) gmail (dot) com, or tui @ xtra.co.nz.';
    expect(texts(text, detectEmails(text))).toEqual(['aroha at example dot co dot nz', 'priya dot sharma at gmail dot com', 'hemi [at] xtra [dot] nz', 'kiri (at) gmail (dot) com', 'tui @ xtra.co.nz']);
  });
  it('talk about places is not an email', () => {
    const text = 'Mike at Work and Income. We met at school. Co-op later. I was at home dot dot dot. She works at Google.';
    expect(detectEmails(text)).toEqual([]);
  });
});
