/**
 * The gazetteer and stop lists, read from resources/gazetteer/*.json (bundled into the core at build
 * time, so the CLI, the app and the tests all see the same data). Compiled once per process.
 */
import health from '../../../resources/gazetteer/health.json';
import organisations from '../../../resources/gazetteer/organisations.json';
import places from '../../../resources/gazetteer/places.json';
import pseudonyms from '../../../resources/gazetteer/pseudonyms.json';
import stopwords from '../../../resources/gazetteer/stopwords.json';
import teReo from '../../../resources/gazetteer/te-reo.json';
import english from '../../../resources/gazetteer/english-common.json';
import firstNames from '../../../resources/gazetteer/first-names.json';
import type { CandidateKind } from '../../../shared/domain/pseudonyms';
import { PhraseDict } from './tokens';
import { fold } from '../../../shared/text/fold';

export interface GazetteerEntry {
  name: string;
  kind: CandidateKind;
  replacement: string;
  /** Written all in capitals (an acronym such as WINZ): matches only capitals. */
  acronym: boolean;
}

export interface Gazetteer {
  places: PhraseDict<GazetteerEntry>;
  /** Te reo words and phrases, English function words, days, months...: never names on their own. */
  stop: PhraseDict<true>;
  /** Common English words: capitalised at a sentence start they are not names. */
  common: Set<string>;
  /** Common given names: a lone one at a sentence start is still a name. */
  firstNames: Set<string>;
  pseudonymList: readonly string[];
  sizes: { places: number; stop: number };
  /** Te reo words that are also common given names (Aroha, Moana, Rangi...). */
  teReoGivenNames: Set<string>;
  /** Single te reo words (folded) that are not also in the English stop list (peoples, titles, days). */
  teReoWords: Set<string>;
  /**
   * An everyday word (folded, one word): a te reo word or stop word, a common English word, or an
   * English word that is also a name (baker, grace, mere). Written in lower case it is the word, not
   * the person.
   */
  everyday(folded: string): boolean;
}

let cached: Gazetteer | null = null;

function isAcronym(name: string): boolean {
  return /^[A-Z0-9&]{2,}$/.test(name.replace(/\s/g, ''));
}

export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const dict = new PhraseDict<GazetteerEntry>();
  const add = (names: string[], kind: CandidateKind, replacement: string) => {
    for (const name of names) dict.add(name, { name, kind, replacement, acronym: isAcronym(name) });
  };
  // Order matters only for names in two lists: the first list wins (Auckland the town, not the region).
  add(health.dhbs, 'organisation', health.replacement);
  add(organisations.services.names, 'service', organisations.services.replacement);
  add(organisations.organisations.names, 'organisation', organisations.organisations.replacement);
  add(places.towns.names, 'place', places.towns.replacement);
  add(places.maunga.names, 'place', places.maunga.replacement);
  add(places.waterways.names, 'place', places.waterways.replacement);
  add(places.regions.names, 'place', places.regions.replacement);

  const stop = new PhraseDict<true>();
  for (const w of teReo.words) stop.add(w, true);
  for (const w of stopwords.words) stop.add(w, true);
  const common = new Set(english.words.map((w) => fold(w)));
  const nameWords = new Set(english.alsoNames.map((w) => fold(w)));
  cached = {
    places: dict,
    stop,
    common,
    firstNames: new Set(firstNames.names.map((w) => fold(w))),
    pseudonymList: pseudonyms.names,
    sizes: { places: dict.size, stop: stop.size },
    teReoGivenNames: new Set(teReo.alsoGivenNames.map((w) => fold(w))),
    teReoWords: new Set(teReo.words.map((w) => fold(w)).filter((w) => !/\s/.test(w) && !stopwords.words.some((x) => fold(x) === w))),
    everyday: (w) => stop.get(w) === true || common.has(w) || nameWords.has(w),
  };
  return cached;
}
