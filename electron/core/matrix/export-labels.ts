/**
 * The labels a matrix or chart file may carry. A view on screen keeps real names; a file names
 * people by pseudonym (a neutral `Participant N` when none is set), groups by their attribution
 * (as the gate does), sources by their export title (Gate's rule: pseudonymised, or a neutral
 * `Session N (kind)` when the title holds anything undecided), and passes every other label
 * (code names, roles, attribute values, session kinds) through detection and the rules: a label
 * holding an undecided identifier becomes neutral (`Code 12`, `Role 2`, `Value 3`) with a note
 * saying why (never what). Real names only when forced, and only if every person named in the
 * file consented to be named (consent `named` = yes, as gate row 6).
 */
import type { MatrixColumns, MatrixResult } from '../../../shared/domain/analysis';
import type { CandidateKind } from '../../../shared/domain/pseudonyms';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { exportSourceTitle, groupAttribution } from '../gate/evaluate';
import { GateData, type PersonRow } from '../gate/gate-data';
import { pseudoPort, type PseudoPort } from '../gate/pseudo-port';

export interface LabelOptions {
  /** Forced real names for people (refused unless each named person consented to be named). */
  realNames?: boolean | undefined;
}

export interface Labeller {
  /** A free-text label as it may leave: rules applied, or `neutral` (and a note) when it holds anything undecided. */
  text(text: string, neutral: string, what: string): string;
  /** A code's full path, segment by segment (a segment that holds anything undecided becomes `Code <id>`). */
  codePath(codeId: number): { name: string; path: string };
  readonly notes: string[];
  readonly db: ProjectDb;
  readonly port: PseudoPort;
}

const KIND_WORDS: Record<CandidateKind, string> = {
  participant: 'a participant’s name',
  'first-name': 'a first name',
  'third-party': 'a person’s name',
  place: 'a place',
  organisation: 'an organisation',
  service: 'a service',
  nhi: 'an NHI number',
  phone: 'a phone number',
  email: 'an email address',
  url: 'a web address',
  address: 'an address',
  'date-of-birth': 'a date of birth',
};

export function labeller(db: ProjectDb): Labeller {
  const port = pseudoPort(db);
  const notes: string[] = [];
  const noted = new Set<string>();
  const text = (value: string, neutral: string, what: string): string => {
    const r = port.pseudonymise(value);
    const pending = [...r.unresolved, ...port.detect(value).filter((c) => c.status === 'pending')];
    if (!pending.length) return r.text;
    if (!noted.has(neutral)) {
      noted.add(neutral);
      const kinds = [...new Set(pending.map((c) => KIND_WORDS[c.kind] ?? 'an identifier'))].join(', ');
      notes.push(`${neutral}: the ${what} holds ${kinds} not yet decided, so it is not shown. Decide it under Pseudonyms and export again.`);
    }
    return neutral;
  };
  const codes = new Map(
    (db.prepare('SELECT id, parent_id AS parentId, name FROM codes').all() as Array<{ id: number; parentId: number | null; name: string }>).map((c) => [c.id, c]),
  );
  const names = new Map<number, string>();
  const nameOf = (id: number): string => {
    let n = names.get(id);
    if (n === undefined) names.set(id, (n = text(codes.get(id)?.name ?? '', `Code ${id}`, 'code name')));
    return n;
  };
  const codePath = (codeId: number) => {
    const parts: string[] = [];
    for (let c = codes.get(codeId), n = 0; c && n < 100; c = c.parentId === null ? undefined : codes.get(c.parentId), n++) parts.unshift(nameOf(c.id));
    return { name: nameOf(codeId), path: parts.join('/') };
  };
  return { text, codePath, notes, db, port };
}

/** Who is named in a file with forced real names and has not consented to it: refused, naming them (to the person exporting, not in any file). */
function requireNamedConsent(people: PersonRow[]): void {
  const missing = people.filter((p) => p.consent?.named !== 'yes');
  if (!missing.length) return;
  const who = missing.map((p) => p.name).join(', ');
  throw new FocalError(
    'blocked-by-gate',
    `Real names need each person's consent to be named: ${who} ${missing.length === 1 ? 'has' : 'have'} not consented (consent “named” is not yes). Export with pseudonyms, or record their consent first.`,
    { reason: 'no-named-consent', participantIds: missing.map((p) => p.id) },
  );
}

type Col = { key: string; label: string };

function columnLabels(l: Labeller, cols: MatrixColumns, list: Col[], options: LabelOptions): string[] {
  const db = l.db;
  switch (cols) {
    case 'participant': {
      const people = new GateData(db).people;
      const named = list.map((c) => people.get(Number(c.key))).filter((p): p is PersonRow => !!p && p.kind === 'person');
      if (options.realNames) requireNamedConsent(named);
      return list.map((c) => {
        const id = Number(c.key);
        // An unlinked speaker label (key -speakerId) is whatever the transcript said: never printed.
        if (id < 0) return `Unlinked speaker ${-id}`;
        const p = people.get(id);
        if (p?.kind === 'group') return groupAttribution(p) ?? `Group ${id}`;
        if (options.realNames && p) return p.name;
        return p?.pseudonym?.trim() || `Participant ${id}`;
      });
    }
    case 'group': {
      const people = new GateData(db).people;
      return list.map((c) => groupAttribution(people.get(Number(c.key))) ?? `Group ${c.key}`);
    }
    case 'source': {
      const src = db.prepare('SELECT id, title, mode, kind FROM sources WHERE id = ?');
      return list.map((c) => {
        const s = src.get(Number(c.key)) as { id: number; title: string; mode: 'mainstream' | 'tikanga'; kind: string } | undefined;
        return s ? exportSourceTitle(l.port, s) : `Session ${c.key}`;
      });
    }
    case 'role':
      return list.map((c, j) => l.text(c.label, `Role ${j + 1}`, 'role'));
    case 'attribute':
      return list.map((c, j) => (c.key === '' ? c.label : l.text(c.label, `Value ${j + 1}`, 'attribute value')));
    case 'kind':
      return list.map((c, j) => (c.key === '(not set)' ? c.label : l.text(c.label, `Session kind ${j + 1}`, 'session kind')));
    case 'mode':
      return list.map((c) => (c.key === 'tikanga' ? 'tikanga' : c.key === 'mainstream' ? 'mainstream' : `Mode ${c.key}`));
  }
}

export interface LabelledMatrix {
  /** The matrix with every label as it may leave (counts unchanged). */
  matrix: MatrixResult;
  /** Why some labels are neutral (never the label itself). */
  notes: string[];
}

/** A matrix (as matrix-run returns it) relabelled for a file. */
export function labelMatrixForExport(db: ProjectDb, m: MatrixResult, options: LabelOptions = {}): LabelledMatrix {
  const l = labeller(db);
  const colLabels = columnLabels(l, m.colsBy, m.cols, options);
  const rows = m.rows.map((r) => ({ ...r, ...l.codePath(r.codeId) }));
  const colsLabel = m.colsBy === 'attribute' ? l.text(m.colsLabel, 'Attribute', 'attribute name') : m.colsLabel;
  const cols = m.cols.map((c, j) => ({ key: c.key, label: colLabels[j] ?? `Column ${j + 1}`, j }));
  // On screen columns are in real-name order; in a file that order would hint at who is who, so
  // they are put in the order of the labels the file shows (sources stay in import order).
  if (m.colsBy !== 'source') cols.sort((a, b) => a.label.localeCompare(b.label, 'en-NZ', { sensitivity: 'base', numeric: true }));
  return {
    matrix: { ...m, rows, cols: cols.map(({ key, label }) => ({ key, label })), cells: m.cells.map((row) => cols.map((c) => row[c.j]!)), colsLabel },
    notes: l.notes,
  };
}
