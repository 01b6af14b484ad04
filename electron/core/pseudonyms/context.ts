/**
 * Everything detection and replacement need from a project, read and compiled once (per export, per
 * check, per scan): the register's names and pseudonyms, the rules, the decisions and the gazetteer.
 */
import type Database from 'better-sqlite3';
import { fold } from '../../../shared/text/fold';
import type { CandidateKind, PseudonymRule, RuleCategory } from '../../../shared/domain/pseudonyms';
import { handleKeys, type HandleKey } from './detectors/handles';
import { gazetteer, type Gazetteer } from './gazetteer';
import { TermMatcher } from './register';

export interface RegisterPerson {
  id: number;
  name: string;
  pseudonym: string | null;
  role: string;
}

/** What a register or rule match stands for. */
export interface CoverValue {
  source: 'rule' | 'register';
  kind: CandidateKind;
  replacement: string;
  /** Covered: a rule, or a participant with a pseudonym. Otherwise a pending register name. */
  covered: boolean;
  ruleId?: number;
  participantId?: number;
  /** Longer terms win ties: full names before first names. */
  words: number;
  /** Which part of a register name this is. */
  part?: 'full' | 'first' | 'surname';
}

export interface PseudoContext {
  people: RegisterPerson[];
  /** Every participant's (people and groups) pseudonym, or null. */
  pseudonyms: Map<number, string | null>;
  rules: PseudonymRule[];
  /** Folded text → decision (only not-identifying exists). */
  decisions: Map<string, 'not-identifying'>;
  /** Matches rule terms and variants. */
  ruleTerms: TermMatcher<CoverValue>;
  /** Matches participants' full names, first names and surnames. */
  registerTerms: TermMatcher<CoverValue>;
  gazetteer: Gazetteer;
  /** Handles built from register names (`jasonwhitu`, `jwhitu`), see detectors/handles.ts. */
  handles: Map<string, HandleKey>;
  /** Folded real names and pseudonyms in the project, for collision checks. */
  takenNames: Set<string>;
  /** Folded first name → how many people in the register have it (two Rangis: neither is certain). */
  firstNameCount: Map<string, number>;
  /** People mapped to a speaker anywhere in the project, and per source. */
  speaking: Set<number>;
  speakingBySource: Map<number, Set<number>>;
}

interface RuleRow {
  id: number;
  term: string;
  variants: string;
  replacement: string;
  category: RuleCategory;
  participantId: number | null;
  createdBy: string;
  createdAt: string;
}

export function readRules(db: Database.Database): PseudonymRule[] {
  const rows = db
    .prepare(
      `SELECT id, term, variants, replacement, category, participant_id AS participantId, created_by AS createdBy, created_at AS createdAt
       FROM pseudonym_rules ORDER BY term COLLATE NOCASE, id`,
    )
    .all() as RuleRow[];
  return rows.map((r) => ({ ...r, variants: parseVariants(r.variants) }));
}

export function parseVariants(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function kindForCategory(category: RuleCategory): CandidateKind {
  switch (category) {
    case 'participant':
      return 'participant';
    case 'third-party':
    case 'staff':
      return 'third-party';
    case 'place':
      return 'place';
    case 'organisation':
      return 'organisation';
    case 'service':
      return 'service';
    default:
      return 'third-party';
  }
}

const words = (s: string) => s.trim().split(/\s+/).length;

/**
 * The name variants of a participant: full name, first name, and surname (3+ letters). A part
 * written in lower case ("van", or "received" in a label-made participant "Feedback received") is
 * not a name on its own and would match ordinary words, so it is not a variant.
 */
export function nameVariants(name: string): { text: string; kind: CandidateKind; part: 'full' | 'first' | 'surname' }[] {
  const clean = name.trim().replace(/\s+/g, ' ');
  const parts = clean.split(' ').filter((p) => /\p{L}/u.test(p));
  const proper = (p: string) => p.length >= 2 && p.charAt(0) !== p.charAt(0).toLowerCase();
  const out: { text: string; kind: CandidateKind; part: 'full' | 'first' | 'surname' }[] = [{ text: clean, kind: 'participant', part: 'full' }];
  if (parts.length > 1) {
    if (proper(parts[0]!)) out.push({ text: parts[0]!, kind: 'first-name', part: 'first' });
    const last = parts[parts.length - 1]!;
    if (last.length >= 3 && proper(last)) out.push({ text: last, kind: 'participant', part: 'surname' });
  }
  return out;
}

/**
 * What a lone surname is replaced with. Never the participant's pseudonym: a surname is shared by a
 * family (the speaker's koro has the speaker's surname), so printing the participant's pseudonym for it
 * would say "this relative is that participant", and re-identify the family.
 */
export const SURNAME_REPLACEMENT = '[surname]';

export interface PseudoData {
  /** Every participant, people and groups (only people's names are detected in text). */
  participants: { id: number; kind: 'person' | 'group'; name: string; pseudonym: string | null; role: string }[];
  rules: PseudonymRule[];
  /** Folded texts marked not identifying. */
  decisions: string[];
  /** Who is mapped to a speaker in which source (the speaker context of a first name). */
  speakers?: { sourceId: number; participantId: number }[];
}

export function readPseudoData(db: Database.Database): PseudoData {
  return {
    participants: db.prepare('SELECT id, kind, name, pseudonym, role FROM participants ORDER BY id').all() as PseudoData['participants'],
    rules: readRules(db),
    decisions: (db.prepare('SELECT folded FROM pseudonym_decisions').all() as { folded: string }[]).map((d) => d.folded),
    speakers: db
      .prepare('SELECT DISTINCT source_id AS sourceId, participant_id AS participantId FROM speakers WHERE participant_id IS NOT NULL ORDER BY source_id, participant_id')
      .all() as { sourceId: number; participantId: number }[],
  };
}

export function loadPseudoContext(db: Database.Database): PseudoContext {
  return buildPseudoContext(readPseudoData(db));
}

/** Compiles a context from plain data (the database's, or a test's). */
export function buildPseudoContext(data: PseudoData): PseudoContext {
  const people: RegisterPerson[] = data.participants
    .filter((p) => p.kind === 'person')
    .map((p) => ({ id: p.id, name: p.name, pseudonym: p.pseudonym?.trim() || null, role: p.role }));
  const rules = data.rules;
  const decisions = new Map<string, 'not-identifying'>();
  for (const d of data.decisions) decisions.set(d, 'not-identifying');

  const g = gazetteer();
  const ruleTerms = new TermMatcher<CoverValue>(
    rules.flatMap((r) =>
      [r.term, ...r.variants].map((text) => ({
        text,
        value: {
          source: 'rule' as const,
          kind: r.participantId ? 'participant' : kindForCategory(r.category),
          replacement: r.replacement,
          covered: true,
          ruleId: r.id,
          ...(r.participantId ? { participantId: r.participantId } : {}),
          words: words(text),
        },
      })),
    ),
    g.everyday,
  );
  const registerTerms = new TermMatcher<CoverValue>(
    people.flatMap((p) =>
      nameVariants(p.name).map((v) => ({
        text: v.text,
        value: {
          source: 'register' as const,
          kind: v.kind,
          replacement: v.part === 'surname' ? SURNAME_REPLACEMENT : (p.pseudonym ?? `[${p.role || 'participant'}]`),
          covered: v.part === 'surname' || p.pseudonym !== null,
          participantId: p.id,
          words: words(v.text),
          part: v.part,
        },
      })),
    ),
    g.everyday,
  );
  const firstNameCount = new Map<string, number>();
  for (const p of people) {
    const first = nameVariants(p.name).find((v) => v.part === 'first');
    if (first) firstNameCount.set(fold(first.text), (firstNameCount.get(fold(first.text)) ?? 0) + 1);
  }
  const speaking = new Set<number>();
  const speakingBySource = new Map<number, Set<number>>();
  for (const sp of data.speakers ?? []) {
    speaking.add(sp.participantId);
    let set = speakingBySource.get(sp.sourceId);
    if (!set) speakingBySource.set(sp.sourceId, (set = new Set()));
    set.add(sp.participantId);
  }
  const takenNames = new Set<string>();
  const pseudonyms = new Map<number, string | null>();
  for (const p of data.participants) {
    pseudonyms.set(p.id, p.pseudonym?.trim() || null);
    for (const v of nameVariants(p.name)) takenNames.add(fold(v.text));
    if (p.pseudonym?.trim()) takenNames.add(fold(p.pseudonym.trim()));
  }
  for (const r of rules) {
    if (r.category === 'participant' || r.category === 'third-party' || r.category === 'staff') {
      for (const v of [r.term, ...r.variants]) for (const n of nameVariants(v)) takenNames.add(fold(n.text));
      takenNames.add(fold(r.replacement));
    }
  }
  return { people, pseudonyms, rules, decisions, ruleTerms, registerTerms, gazetteer: g, handles: handleKeys(people, g.everyday), takenNames, firstNameCount, speaking, speakingBySource };
}
