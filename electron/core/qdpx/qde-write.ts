/**
 * The project.qde XML (REFI-QDA Project, urn:QDA-XML:project:1.0) from a model built by
 * qdpx-export.ts, in the order the schema requires: Users, CodeBook, Variables, Cases, Sources,
 * Notes, then the project's own NoteRefs. Everything written is escaped (exchange/qda-xml.ts).
 */
import { FOCAL_VERSION } from '../../../shared/version';
import { escapeAttr as a, escapeText as t } from '../exchange/qda-xml';

export interface OutCode {
  guid: string;
  name: string;
  color: string;
  description: string;
  codable: boolean;
  noteRefs: string[];
  children: OutCode[];
}

export interface OutSelection {
  guid: string;
  start: number;
  end: number;
  user: string | null;
  at: string | null;
  codings: Array<{ guid: string; code: string; user: string | null; at: string | null; noteRefs: string[] }>;
}

export interface OutSource {
  guid: string;
  name: string;
  path: string;
  at: string;
  selections: OutSelection[];
  noteRefs: string[];
}

export interface OutVariable {
  guid: string;
  name: string;
  type: 'Text' | 'Float' | 'Date';
}

export interface OutCase {
  guid: string;
  name: string;
  description: string;
  values: Array<{ variable: OutVariable; value: string }>;
  selections: string[];
}

export interface OutNote {
  guid: string;
  name: string;
  text: string;
  user: string | null;
  at: string;
}

export interface OutProject {
  name: string;
  at: string;
  users: Array<{ guid: string; name: string }>;
  codes: OutCode[];
  variables: OutVariable[];
  cases: OutCase[];
  sources: OutSource[];
  notes: OutNote[];
  projectNoteRefs: string[];
}

const opt = (k: string, v: string | null | undefined) => (v ? ` ${k}="${a(v)}"` : '');
const refs = (tag: string, list: string[], pad: string) => list.map((g) => `${pad}<${tag} targetGUID="${g}"/>`);

export function qdeXml(p: OutProject): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>', `<Project xmlns="urn:QDA-XML:project:1.0" name="${a(p.name)}" origin="${a(`Focal ${FOCAL_VERSION}`)}" creationDateTime="${p.at}">`];
  if (p.users.length) {
    out.push('  <Users>', ...p.users.map((u) => `    <User guid="${u.guid}" name="${a(u.name)}"/>`), '  </Users>');
  }
  if (p.codes.length) {
    out.push('  <CodeBook>', '    <Codes>');
    const walk = (list: OutCode[], depth: number) => {
      for (const c of list) {
        const pad = '  '.repeat(depth);
        const head = `${pad}<Code guid="${c.guid}" name="${a(c.name)}" isCodable="${c.codable}" color="${a(c.color)}"`;
        if (!c.description && !c.noteRefs.length && !c.children.length) {
          out.push(`${head}/>`);
          continue;
        }
        out.push(`${head}>`);
        if (c.description) out.push(`${pad}  <Description>${t(c.description)}</Description>`);
        out.push(...refs('NoteRef', c.noteRefs, `${pad}  `));
        walk(c.children, depth + 1);
        out.push(`${pad}</Code>`);
      }
    };
    walk(p.codes, 3);
    out.push('    </Codes>', '  </CodeBook>');
  }
  if (p.variables.length) {
    out.push('  <Variables>', ...p.variables.map((v) => `    <Variable guid="${v.guid}" name="${a(v.name)}" typeOfVariable="${v.type}"/>`), '  </Variables>');
  }
  if (p.cases.length) {
    out.push('  <Cases>');
    for (const c of p.cases) {
      out.push(`    <Case guid="${c.guid}" name="${a(c.name)}">`);
      if (c.description) out.push(`      <Description>${t(c.description)}</Description>`);
      for (const v of c.values) {
        const tag = v.variable.type === 'Float' ? 'FloatValue' : v.variable.type === 'Date' ? 'DateValue' : 'TextValue';
        out.push(`      <VariableValue><VariableRef targetGUID="${v.variable.guid}"/><${tag}>${t(v.value)}</${tag}></VariableValue>`);
      }
      out.push(...refs('SelectionRef', c.selections, '      '), '    </Case>');
    }
    out.push('  </Cases>');
  }
  if (p.sources.length) {
    out.push('  <Sources>');
    for (const s of p.sources) {
      out.push(`    <TextSource guid="${s.guid}" name="${a(s.name)}" plainTextPath="${a(s.path)}" creationDateTime="${s.at}">`);
      for (const sel of s.selections) {
        // Who coded and when are on the Coding; the selection carries them only when it has no coding of its own.
        const head = `      <PlainTextSelection guid="${sel.guid}" startPosition="${sel.start}" endPosition="${sel.end}"${sel.codings.length ? '' : `${opt('creatingUser', sel.user)}${opt('creationDateTime', sel.at)}`}`;
        if (!sel.codings.length) {
          out.push(`${head}/>`);
          continue;
        }
        out.push(`${head}>`);
        for (const c of sel.codings) {
          out.push(`        <Coding guid="${c.guid}"${opt('creatingUser', c.user)}${opt('creationDateTime', c.at)}><CodeRef targetGUID="${c.code}"/>${c.noteRefs.map((g) => `<NoteRef targetGUID="${g}"/>`).join('')}</Coding>`);
        }
        out.push('      </PlainTextSelection>');
      }
      out.push(...refs('NoteRef', s.noteRefs, '      '), '    </TextSource>');
    }
    out.push('  </Sources>');
  }
  if (p.notes.length) {
    out.push('  <Notes>');
    for (const n of p.notes) {
      out.push(`    <Note guid="${n.guid}" name="${a(n.name)}"${opt('creatingUser', n.user)} creationDateTime="${n.at}">`, `      <PlainTextContent>${t(n.text)}</PlainTextContent>`, '    </Note>');
    }
    out.push('  </Notes>');
  }
  out.push(...refs('NoteRef', p.projectNoteRefs, '  '), '</Project>', '');
  return out.join('\n');
}
