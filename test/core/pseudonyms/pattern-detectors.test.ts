import { describe, expect, it } from 'vitest';
import { detectAddresses } from '../../../electron/core/pseudonyms/detectors/address';
import { detectDatesOfBirth } from '../../../electron/core/pseudonyms/detectors/date-of-birth';
import { detectEmails, detectUrls } from '../../../electron/core/pseudonyms/detectors/email-url';
import { detectNhi, nhiChecks } from '../../../electron/core/pseudonyms/detectors/nhi';
import { detectPhones } from '../../../electron/core/pseudonyms/detectors/phone';
import type { Detection } from '../../../electron/core/pseudonyms/detectors/types';

const texts = (text: string, found: Detection[]) => found.map((d) => text.slice(d.start, d.end));

describe('NHI numbers', () => {
  it('validates check characters in both formats', () => {
    for (const ok of ['WLD9413', 'ZAC5361', 'ZBN77VL', 'zsc21tn']) expect(nhiChecks(ok), ok).toBe(true);
    for (const bad of ['ZZZ0044', 'ZZZ00AA', 'WLD9414', 'ZBN77VM', 'ABI1234', 'AB12345']) expect(nhiChecks(bad), bad).toBe(false);
  });
  it('finds old and new formats in talk, even when the check fails (noted)', () => {
    const text = 'The NHI number, ZAB1234, that kind of thing. Hers was ZBN77VL and his wld9413.';
    const found = detectNhi(text);
    expect(texts(text, found)).toEqual(['ZAB1234', 'ZBN77VL', 'wld9413']);
    expect(found[0]?.note).toMatch(/check character/);
    expect(found[1]?.note).toBeUndefined();
    expect(found.every((d) => d.suggestion === '[NHI number]')).toBe(true);
  });
  it('ignores words, codes inside longer tokens, I and O letters, mixed case', () => {
    const text = 'ABC12345 XABC1234 ABO1234 Abc1234 COVID19 the year 2019 Room ABC12';
    expect(detectNhi(text)).toEqual([]);
  });
});

describe('phone numbers', () => {
  it('finds mobiles, landlines, +64 and 0800 numbers', () => {
    const text = 'Ring me on 021 555 0143 any time, or (04) 555 0199, 09-555-0123, +64 21 555 0143, 0800 543 354, 027-123-4567, 0508 828 865.';
    expect(texts(text, detectPhones(text))).toEqual(['021 555 0143', '(04) 555 0199', '09-555-0123', '+64 21 555 0143', '0800 543 354', '027-123-4567', '0508 828 865']);
  });
  it('finds bracketed mobiles, and local numbers only after a word that says so', () => {
    const text = 'Call (021) 555 0143. Ring me on 555 0199 tonight, or my number is 384-2210. We had 555 0199 people? No: 200 1000 votes.';
    expect(texts(text, detectPhones(text))).toEqual(['(021) 555 0143', '555 0199', '384-2210']);
  });
  it('leaves helplines, years, money, times and action numbers alone', () => {
    const text = 'Free call or text 1737. In 2019 we got $25,000. The 2010-06-15 session, action 8.1, ten sessions, 00:01:12,500, 111.';
    expect(detectPhones(text)).toEqual([]);
  });
});

describe('emails and URLs', () => {
  it('finds emails', () => {
    const text = 'My email is priya.sharma@example.org if you want. Or kia.ora+hui@te-whare.co.nz.';
    expect(texts(text, detectEmails(text))).toEqual(['priya.sharma@example.org', 'kia.ora+hui@te-whare.co.nz']);
  });
  it('finds URLs without trailing punctuation, not emails or ordinary words', () => {
    const text = 'See https://www.tewhatuora.govt.nz/about, or www.example.com. Also mhf.org.nz/help.';
    expect(texts(text, detectUrls(text))).toEqual(['https://www.tewhatuora.govt.nz/about', 'www.example.com', 'mhf.org.nz/help']);
    const none = 'priya.sharma@example.org; e.g. this; i.e. that; action 8.1; Mr. Smith; end.Start';
    expect(detectUrls(none)).toEqual([]);
  });
});

describe('street addresses', () => {
  it('finds numbered streets, flats, PO boxes and RD numbers', () => {
    const text = 'She lives at 12 Kowhai Street in town. We met at 2/45 Te Atatu Road. Write to PO Box 1234, or RD 2 Ōtaki. Flat 3, 17 Cuba St.';
    expect(texts(text, detectAddresses(text))).toEqual(['12 Kowhai Street', '2/45 Te Atatu Road', 'PO Box 1234', 'RD 2', 'Flat 3, 17 Cuba St']);
    const named = 'She grew up on Rangitoto Street in Te Awamutu. The Great South Road is long.';
    expect(detectAddresses(named).map((d) => [named.slice(d.start, d.end), d.suggestion])).toEqual([
      ['Rangitoto Street', '[street]'],
      ['Great South Road', '[street]'],
    ]);
  });
  it('leaves numbers followed by ordinary words alone', () => {
    const text = 'We had 12 people on the road. 3 Things changed. Ten sessions a year, 4 Māori kaimahi. Down the Road we went. Street food.';
    expect(detectAddresses(text)).toEqual([]);
  });
});

describe('dates of birth', () => {
  it('finds dates after born / DOB / date of birth', () => {
    const text = 'He was born on 12/03/1985 in Porirua. DOB: 1990-01-31. Her date of birth is 4 March 1979. Born March 4, 1979.';
    expect(texts(text, detectDatesOfBirth(text))).toEqual(['12/03/1985', '1990-01-31', '4 March 1979', 'March 4, 1979']);
    const year = 'I was born in 1985, and my son was born back in 2010.';
    expect(detectDatesOfBirth(year).map((d) => [year.slice(d.start, d.end), d.suggestion])).toEqual([
      ['1985', '[year of birth]'],
      ['2010', '[year of birth]'],
    ]);
  });
  it('leaves other dates alone', () => {
    const text = 'The session was on 15/06/2010. Withdrawal dated 2010-09-01. We were born again in March 2019, a new service.';
    expect(detectDatesOfBirth(text)).toEqual([]);
  });
});
