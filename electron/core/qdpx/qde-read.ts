/**
 * Reading a REFI-QDA project (`project.qde`, namespace urn:QDA-XML:project:1.0) into a plain model:
 * users, the code tree, variables, cases, text sources (and the transcripts of audio and video
 * sources) with their selections and codings, notes and what each NoteRef points at, and sets.
 * Sources Focal cannot hold (PDF, picture, media without a transcript) are listed, never dropped
 * silently. Safety first (exchange/qda-xml.ts refuses DOCTYPEs and entities before parsing);
 * schema problems are found by validating against the Project schema, each with its line.
 */
import { XMLParser } from 'fast-xml-parser';
import { FocalError } from '../errors';
import { canonicalGuid, schemaProblems, type SchemaProblem } from '../exchange/qda-xml';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';

export interface QdeCoding {
  guid: string | null;
  codeGuid: string | null;
  user: string | null;
  at: string | null;
}

export interface QdeSelection {
  guid: string | null;
  start: number;
  end: number;
  user: string | null;
  at: string | null;
  description: string | null;
  codings: QdeCoding[];
}

export interface QdeSource {
  guid: string | null;
  name: string;
  kind: 'text' | 'audio' | 'video';
  plainTextPath: string | null;
  content: string | null;
  description: string | null;
  selections: QdeSelection[];
  /** Codings on the whole source. */
  codings: QdeCoding[];
  /** Audio/video: the recording's path as written, and the transcript's sync points (ms at a position). */
  mediaPath: string | null;
  syncPoints: Array<{ guid: string | null; ms: number | null; position: number | null }>;
  user: string | null;
  at: string | null;
}

export interface QdeCode {
  guid: string | null;
  name: string;
  color: string | null;
  description: string | null;
  children: QdeCode[];
}

export interface QdeVariable {
  guid: string | null;
  name: string;
  type: 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';
}

export interface QdeCase {
  guid: string | null;
  name: string;
  description: string | null;
  values: Array<{ variable: string | null; value: string | null }>;
  sourceRefs: string[];
  selectionRefs: string[];
}

export interface QdeNote {
  guid: string | null;
  name: string;
  plainTextPath: string | null;
  content: string | null;
  user: string | null;
  at: string | null;
}

export interface QdeProject {
  name: string;
  users: Map<string, string>;
  codes: QdeCode[];
  variables: QdeVariable[];
  cases: QdeCase[];
  sources: QdeSource[];
  notes: QdeNote[];
  /** Note GUID → the GUID of what it is attached to (null: the project), in file order. */
  noteRefs: Array<{ note: string; target: string | null }>;
  sets: Array<{ name: string; codes: number; sources: number }>;
  skipped: Array<{ kind: 'PDF' | 'picture' | 'audio' | 'video'; name: string }>;
  /** Schema problems (never syntax: a file that is not well-formed rejects this promise). */
  problems: Promise<SchemaProblem[]>;
}

type Node = Record<string, unknown>;
const ARRAYS = new Set(['User', 'Code', 'Variable', 'Case', 'VariableValue', 'SourceRef', 'SelectionRef', 'TextSource', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource', 'PlainTextSelection', 'Coding', 'NoteRef', 'Note', 'Set', 'MemberCode', 'MemberSource', 'MemberNote', 'Transcript', 'SyncPoint', 'TranscriptSelection']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  isArray: (name) => ARRAYS.has(name),
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: true,
});

const arr = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v === undefined || v === null || v === '' ? [] : [v as Node]);
const attr = (n: Node, k: string): string | null => (typeof n[`@${k}`] === 'string' ? (n[`@${k}`] as string) : null);
const text = (v: unknown): string | null => {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object' && '#text' in (v as Node)) return String((v as Node)['#text']);
  return typeof v === 'object' ? '' : String(v);
};
const guid = (n: Node, k = 'guid') => canonicalGuid(attr(n, k));
const int = (s: string | null): number | null => (s !== null && /^\s*[-+]?\d+\s*$/.test(s) ? Number(s) : null);

function codings(n: Node): QdeCoding[] {
  return arr(n.Coding).map((c) => ({ guid: guid(c), codeGuid: canonicalGuid(attr(arr(c.CodeRef)[0] ?? (c.CodeRef as Node) ?? {}, 'targetGUID')), user: guid(c, 'creatingUser'), at: attr(c, 'creationDateTime') }));
}

function readCode(n: Node): QdeCode {
  return { guid: guid(n), name: attr(n, 'name') ?? '', color: attr(n, 'color'), description: text(n.Description), children: arr(n.Code).map(readCode) };
}

/** Parses project.qde; throws (naming `label` and the line) when it is not well-formed or not a REFI project. */
export async function readQde(xml: string, label: string): Promise<QdeProject> {
  const rootTag = /<(?!\?|!)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(xml);
  if (!rootTag) throw new FocalError('bad-input', `${label}: no XML element was found, so it is not a REFI-QDA project.`);
  if (rootTag[2] !== 'Project') throw new FocalError('bad-input', `${label}: its root element is <${rootTag[2]}>, not <Project>, so it is not a REFI-QDA project.`);
  // The validator runs in a worker while the text is parsed here; a syntax error is reported as the validator words it (with its line).
  const validating = schemaProblems(xml, 'Project-mrt2019.xsd');
  let doc: Node | null = null;
  let parseError: Error | null = null;
  try {
    doc = parser.parse(xml) as Node;
  } catch (e) {
    parseError = e as Error;
  }
  // Not well-formed: the validator's words (with the line) are awaited now; otherwise the caller
  // awaits `problems` before it keeps anything (checkProblems), so the import runs meanwhile.
  const problems = validating.then((list) => {
    const syntax = list.find((x) => x.syntax);
    if (syntax) throw new FocalError('bad-input', `${label}: it is not well-formed XML (${syntax.line !== null ? `line ${syntax.line}: ` : ''}${syntax.message}); nothing was imported.`);
    return list;
  });
  if (parseError || !doc) {
    await problems;
    throw new FocalError('bad-input', `${label}: it is not well-formed XML (${(parseError?.message ?? 'no document').split('\n')[0]}); nothing was imported.`);
  }
  const p = (doc.Project ?? {}) as Node;
  const users = new Map<string, string>();
  for (const u of arr((p.Users as Node | undefined)?.User)) {
    const g = guid(u);
    if (g) users.set(g, attr(u, 'name') ?? attr(u, 'id') ?? 'Unnamed coder');
  }
  const codes = arr(((p.CodeBook as Node | undefined)?.Codes as Node | undefined)?.Code).map(readCode);
  const TYPES = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'] as const;
  const variables = arr((p.Variables as Node | undefined)?.Variable).map((v) => {
    const t = attr(v, 'typeOfVariable') ?? 'Text';
    return { guid: guid(v), name: attr(v, 'name') ?? '', type: (TYPES as readonly string[]).includes(t) ? (t as QdeVariable['type']) : 'Text' };
  });
  const cases = arr((p.Cases as Node | undefined)?.Case).map((c) => ({
    guid: guid(c),
    name: attr(c, 'name') ?? '',
    description: text(c.Description),
    values: arr(c.VariableValue).map((vv) => {
      const ref = arr(vv.VariableRef)[0] ?? (vv.VariableRef as Node | undefined) ?? {};
      const value = text(vv.TextValue) ?? text(vv.BooleanValue) ?? text(vv.IntegerValue) ?? text(vv.FloatValue) ?? text(vv.DateValue) ?? text(vv.DateTimeValue);
      return { variable: canonicalGuid(attr(ref, 'targetGUID')), value };
    }),
    sourceRefs: arr(c.SourceRef).map((r) => canonicalGuid(attr(r, 'targetGUID'))).filter((x): x is string => !!x),
    selectionRefs: arr(c.SelectionRef).map((r) => canonicalGuid(attr(r, 'targetGUID'))).filter((x): x is string => !!x),
  }));

  const noteRefs: QdeProject['noteRefs'] = [];
  const refsOf = (n: Node, target: string | null) => {
    for (const r of arr(n.NoteRef)) {
      const g = canonicalGuid(attr(r, 'targetGUID'));
      if (g) noteRefs.push({ note: g, target });
    }
  };
  refsOf(p, null);
  const walkCodeRefs = (list: Node[]) => {
    for (const c of list) {
      refsOf(c, guid(c));
      walkCodeRefs(arr(c.Code));
    }
  };
  walkCodeRefs(arr(((p.CodeBook as Node | undefined)?.Codes as Node | undefined)?.Code));
  for (const c of arr((p.Cases as Node | undefined)?.Case)) refsOf(c, guid(c));

  const selections = (n: Node, tag: string): QdeSelection[] =>
    arr(n[tag]).map((s) => {
      refsOf(s, guid(s));
      for (const c of arr(s.Coding)) refsOf(c, guid(c));
      return {
        guid: guid(s),
        start: int(attr(s, 'startPosition')) ?? -1,
        end: int(attr(s, 'endPosition')) ?? -1,
        user: guid(s, 'creatingUser'),
        at: attr(s, 'creationDateTime'),
        description: text(s.Description),
        codings: codings(s),
      };
    });

  const sourcesNode = (p.Sources ?? {}) as Node;
  const sources: QdeSource[] = [];
  const skipped: QdeProject['skipped'] = [];
  for (const s of arr(sourcesNode.TextSource)) {
    refsOf(s, guid(s));
    sources.push({
      guid: guid(s),
      name: attr(s, 'name') ?? '',
      kind: 'text',
      plainTextPath: attr(s, 'plainTextPath'),
      content: text(s.PlainTextContent),
      description: text(s.Description),
      selections: selections(s, 'PlainTextSelection'),
      codings: codings(s),
      mediaPath: null,
      syncPoints: [],
      user: guid(s, 'creatingUser'),
      at: attr(s, 'creationDateTime'),
    });
  }
  for (const [tag, kind] of [['AudioSource', 'audio'], ['VideoSource', 'video']] as const) {
    for (const s of arr(sourcesNode[tag])) {
      refsOf(s, guid(s));
      const transcripts = arr(s.Transcript);
      if (!transcripts.length) {
        skipped.push({ kind, name: attr(s, 'name') ?? attr(s, 'path') ?? '(unnamed)' });
        continue;
      }
      transcripts.forEach((t, n) => {
        refsOf(t, guid(t));
        sources.push({
          guid: n === 0 ? guid(t) ?? guid(s) : guid(t),
          name: (attr(t, 'name') ?? attr(s, 'name') ?? '') || `${kind} transcript`,
          kind,
          plainTextPath: attr(t, 'plainTextPath'),
          content: text(t.PlainTextContent),
          description: text(s.Description),
          selections: [],
          codings: [],
          mediaPath: attr(s, 'path') ?? attr(s, 'currentPath'),
          syncPoints: arr(t.SyncPoint).map((sp) => ({ guid: guid(sp), ms: int(attr(sp, 'timeStamp')), position: int(attr(sp, 'position')) })),
          user: guid(t, 'creatingUser'),
          at: attr(t, 'creationDateTime'),
        });
      });
    }
  }
  for (const s of arr(sourcesNode.PDFSource)) skipped.push({ kind: 'PDF', name: attr(s, 'name') ?? attr(s, 'path') ?? '(unnamed)' });
  for (const s of arr(sourcesNode.PictureSource)) skipped.push({ kind: 'picture', name: attr(s, 'name') ?? attr(s, 'path') ?? '(unnamed)' });

  const notes = arr((p.Notes as Node | undefined)?.Note).map((n) => ({
    guid: guid(n),
    name: attr(n, 'name') ?? '',
    plainTextPath: attr(n, 'plainTextPath'),
    content: text(n.PlainTextContent),
    user: guid(n, 'creatingUser'),
    at: attr(n, 'creationDateTime'),
  }));
  const sets = arr((p.Sets as Node | undefined)?.Set).map((s) => ({ name: attr(s, 'name') ?? '', codes: arr(s.MemberCode).length, sources: arr(s.MemberSource).length }));
  return { name: attr(p, 'name') ?? '', users, codes, variables, cases, sources, notes, noteRefs, sets, skipped, problems };
}
