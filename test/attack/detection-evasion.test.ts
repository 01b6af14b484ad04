/**
 * ATTACK: identifiers written so that a person still reads them but detection does not. Each line
 * below is quoted whole by a participant who consented to be quoted, and goes to the gate.
 * Jason Whitu is in the register (pseudonym Tane). Today each of these PASSES the gate with the
 * identifier printed as written:
 *  - a register name spelled letter by letter with dots, hyphens, spaces or underscores;
 *  - an NZ mobile written in Arabic-Indic (٠٢١…) or Devanagari (०२१…) digits (fullwidth is caught,
 *    NFKC does not fold these: they need a Unicode digit-value map, \p{Nd} → 0-9);
 *  - a phone spoken with "twenty-one" for 21 (only single-digit words are read);
 *  - an NHI whose digits are spoken ("ZAC five seven nine one"; phones are read spoken, NHIs not);
 *  - a social-media handle built from the name (`@jasonwhitu`).
 * Promised: detection survives text a person would still read as the identifier. Expected: each
 * quote is blocked (identifier-unresolved) or comes out with the identifier replaced.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkQuotes, exportOptions } from '../../electron/core/export/check-quotes';
import { testCore } from '../support/core';
import { addPerson, addTranscript, mapSpeaker } from '../core/gate/gate-fixture';

/** [the line quoted, the identifier as written in it] */
const CASES: Array<[string, string]> = [
  ['I told J.a.s.o.n about it and he laughed.', 'J.a.s.o.n'],
  ['I told J-a-s-o-n about it and he laughed.', 'J-a-s-o-n'],
  ['I told J a s o n W h i t u about it and he laughed.', 'J a s o n W h i t u'],
  ['I told J_a_s_o_n about it and he laughed.', 'J_a_s_o_n'],
  ['Call me on ٠٢١٥٥٥٠١٩٩ whenever you want.', '٠٢١٥٥٥٠١٩٩'],
  ['Call me on ٠٢١ ٥٥٥ ٠١٩٩ whenever you want.', '٠٢١ ٥٥٥ ٠١٩٩'],
  ['Call me on ०२१५५५०१९९ whenever you want.', '०२१५५५०१९९'],
  ['Text me on oh twenty-one five five five zero one nine nine.', 'oh twenty-one five five five zero one nine nine'],
  ['My NHI is ZAC five seven nine one, honestly.', 'ZAC five seven nine one'],
  ['Find him online, he is @jasonwhitu on everything.', 'jasonwhitu'],
];

describe('attack: identifiers a person reads but detection misses', () => {
  const { api, core, path } = testCore();
  const db = () => core.requireProject().db;
  let t: ReturnType<typeof addTranscript>;

  beforeAll(async () => {
    await api['project-new']({ name: 'Evasion', path: path('evasion.focal') });
    const ana = addPerson(db(), { name: 'Ana Pōtae', pseudonym: 'Mele', role: 'peer worker', quote: 'yes', named: 'no' });
    addPerson(db(), { name: 'Jason Whitu', pseudonym: 'Tane', role: 'peer worker', quote: 'yes', named: 'no' });
    t = addTranscript(db(), 'Focus group', 'mainstream', CASES.map(([text]) => ({ label: 'Ana', text })));
    mapSpeaker(db(), t.speakers.get('Ana')!, ana);
  });

  CASES.forEach(([line, identifier], i) => {
    it(`does not let out ${JSON.stringify(identifier)}`, async () => {
      const r = t.ranges[i]!;
      expect(t.text.slice(r.start, r.end)).toBe(line);
      const id = (await api['quote-from-selection']({ sourceId: t.sourceId, start: r.start, end: r.end })).quoteId!;
      const c = checkQuotes(core, { quoteIds: [id] }, exportOptions({}))[0]!;
      const out = c.gate.passed ? c.out!.text : null;
      // Blocked, or passed with the identifier gone.
      expect(out === null || !out.includes(identifier)).toBe(true);
    });
  });
});
