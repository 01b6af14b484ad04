/**
 * The words around a word that say it is a person's name: a title or kinship word before it ("Dr",
 * "Whaea", "my koro", "Aunty"), or a verb after it that people do ("said", "told", "rang"). Shared by
 * the register and capitalised-name detectors.
 */
import { joinable, type TokenisedText } from '../tokens';

/** Titles and forms of address, written before a name (capitalised, or as the word before a name). */
export const TITLES = new Set([
  'dr', 'doctor', 'mr', 'mrs', 'ms', 'miss', 'mx', 'sir', 'dame', 'nurse', 'professor', 'prof', 'judge', 'constable', 'officer', 'sergeant', 'detective', 'pastor', 'reverend', 'rev', 'father', 'sister',
  'aunty', 'auntie', 'uncle', 'nan', 'nana', 'nanny', 'matua', 'whaea', 'koro', 'kuia', 'koka', 'taua', 'poua', 'papa', 'mama', 'koroua', 'whaene',
]);

/** Kinship words: "my koro Rangi", "her cousin Tipene". */
export const FAMILY = new Set([
  ...TITLES,
  'cousin', 'cuz', 'bro', 'brother', 'sis', 'mum', 'mother', 'dad', 'father', 'son', 'daughter', 'nephew', 'niece', 'tuakana', 'teina', 'tungane', 'tuahine', 'mokopuna', 'moko',
  'grandson', 'granddaughter', 'grandma', 'grandmother', 'grandad', 'granddad', 'grandfather', 'grandpa', 'husband', 'wife', 'partner', 'mate', 'friend', 'boss', 'neighbour', 'pāpā',
  'tamaiti', 'tama', 'tamahine',
]);

/** Kinship words and roles people are named after: "our boss Mike", "the counsellor Losa". */
export const KINSHIP = new Set([...FAMILY, 'kaumatua', 'kaiawhina', 'kaimahi', 'counsellor', 'psychologist', 'psychiatrist', 'gp', 'worker', 'supervisor', 'manager', 'coordinator']);

/** Verbs that follow a person, not a thing: "Aroha said", "Moana rang". */
export const PERSON_VERBS = new Set([
  'said', 'says', 'told', 'tells', 'asked', 'asks', 'rang', 'rings', 'phoned', 'called', 'calls', 'texted', 'emailed', 'messaged', 'reckons', 'reckoned', 'replied', 'answered', 'explained',
    'helped', 'laughed', 'cried', 'agreed', 'shouted', 'yelled', 'whispered', 'visited', 'drove', 'passed', 'died', 'thinks', 'thought', 'wanted', 'wants', 'knew', 'knows',
  'works', 'worked', 'lives', 'lived',
]);

/** Index of the token starting at `start` (tokens are sorted), or -1. */
export function tokenIndexAt(t: TokenisedText, start: number): number {
  let lo = 0;
  let hi = t.tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = t.tokens[mid]!.start;
    if (s === start) return mid;
    if (s < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The word just before token i in the same phrase (no full stop or line between), or ''. */
export function wordBefore(t: TokenisedText, i: number): string {
  return i > 0 && joinable(t, i - 1) ? t.tokens[i - 1]!.word : '';
}

/** The word just after token i in the same phrase, or ''. */
export function wordAfter(t: TokenisedText, i: number): string {
  return i + 1 < t.tokens.length && joinable(t, i) ? t.tokens[i + 1]!.word : '';
}

/** A title, kinship or role word stands just before token i (`family`: titles and kin only). */
export function afterKinship(t: TokenisedText, i: number, family = false): boolean {
  return (family ? FAMILY : KINSHIP).has(wordBefore(t, i));
}

/** Token i (the last word of a name) is followed by a verb people do. */
export function beforePersonVerb(t: TokenisedText, last: number): boolean {
  return PERSON_VERBS.has(wordAfter(t, last));
}

/** Te reo nouns for people and groups: "Kaumātua said" is not a name. */
export const PERSON_NOUNS = new Set([
  'kaumatua', 'kuia', 'koro', 'koroua', 'whanau', 'rangatahi', 'tamariki', 'tamaiti', 'mokopuna', 'moko', 'kaimahi', 'kaiako', 'kaitiaki', 'kaiarahi', 'tohunga', 'rangatira', 'manuhiri', 'iwi',
  'hapu', 'ropu', 'tangata', 'wahine', 'tane', 'tauiwi', 'hoa', 'pakeke', 'tipuna', 'tupuna', 'pepi', 'whaea', 'matua', 'nan', 'nanny', 'mama', 'papa', 'hapori', 'whanaunga', 'whaiora', 'teina', 'tuakana',
]);
