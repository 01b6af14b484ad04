/**
 * Reading a REFI-QDA codebook: leniently on the namespace (the correct urn:QDA-XML:codebook:1.0 and
 * the variants seen in the wild, `…:0:4` and `…:1:0`), strictly on safety (qda-xml.ts refuses
 * DOCTYPEs, entities and oversized files before anything is parsed). Schema problems are found
 * by validating against the Codebook schema with the namespace read as the correct one, so a
 * variant is not itself a problem; each problem names its line.
 */
import { XMLParser } from 'fast-xml-parser';
import { FocalError } from '../errors';
import { CODEBOOK_NS } from './codebook-export';
import { schemaProblems, type SchemaProblem } from './qda-xml';

export const CODEBOOK_NAMESPACES = [CODEBOOK_NS, 'urn:QDA-XML:codebook:1:0', 'urn:QDA-XML:codebook:0:4'];

export interface BookCode {
  guid: string | null;
  name: string;
  color: string | null;
  description: string | null;
  codable: boolean;
  children: BookCode[];
}

export interface Codebook {
  namespace: string | null;
  codes: BookCode[];
  sets: Array<{ name: string; members: number }>;
  problems: SchemaProblem[];
}

/** The root element's name and namespace, read from the text (before any parser). */
function root(text: string): { local: string; namespace: string | null; tagEnd: number; tagStart: number } | null {
  const m = /<(?!\?|!)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*)>/.exec(text);
  if (!m) return null;
  const prefix = m[1] ? m[1].slice(0, -1) : null;
  const attrs = m[3] ?? '';
  const ns = new RegExp(`\\bxmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*(["'])(.*?)\\1`).exec(attrs);
  return { local: m[2]!, namespace: ns ? ns[2]! : null, tagStart: m.index, tagEnd: m.index + m[0].length };
}

/** The text as the schema expects it: a variant namespace read as the correct one (same lines, same offsets of everything else). */
function asCanonical(text: string, r: NonNullable<ReturnType<typeof root>>): string {
  if (r.namespace === CODEBOOK_NS) return text;
  const tag = text.slice(r.tagStart, r.tagEnd);
  const fixed = r.namespace === null ? tag.replace(/^<([\w.:-]+)/, `<$1 xmlns="${CODEBOOK_NS}"`) : tag.split(r.namespace).join(CODEBOOK_NS);
  return text.slice(0, r.tagStart) + fixed + text.slice(r.tagEnd);
}

type Node = Record<string, unknown>;
const asArray = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v === undefined || v === null || v === '' ? [] : [v as Node]);
const textOf = (v: unknown): string | null => {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && '#text' in (v as Node)) return String((v as Node)['#text']);
  return typeof v === 'object' ? '' : String(v);
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  isArray: (name) => name === 'Code' || name === 'Set' || name === 'MemberCode',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  // Character references (&#10; in an attribute, &#x1F33F;) are decoded; named entities beyond XML's five never get here (xmllint refuses them first).
  htmlEntities: true,
});

function readCode(n: Node): BookCode {
  const attr = (k: string) => (typeof n[`@${k}`] === 'string' ? (n[`@${k}`] as string) : null);
  return {
    guid: attr('guid'),
    name: attr('name') ?? '',
    color: attr('color'),
    description: textOf(n.Description),
    codable: attr('isCodable') !== 'false' && attr('isCodable') !== '0',
    children: asArray(n.Code).map(readCode),
  };
}

/** Parses a codebook's text; throws a clear error naming `label` when it is not a codebook at all. */
export async function readCodebook(text: string, label: string): Promise<Codebook> {
  const r = root(text);
  if (!r) throw new FocalError('bad-input', `${label}: no XML element was found, so it is not a REFI codebook.`);
  if (r.local === 'Project') throw new FocalError('bad-input', `${label}: this is a REFI-QDA project (.qde), not a codebook (.qdc); import it as a project.`);
  if (r.local !== 'CodeBook') throw new FocalError('bad-input', `${label}: its root element is <${r.local}>, not <CodeBook>, so it is not a REFI codebook.`);
  if (r.namespace !== null && !CODEBOOK_NAMESPACES.includes(r.namespace)) {
    throw new FocalError('bad-input', `${label}: its namespace "${r.namespace}" is not a REFI codebook's (${CODEBOOK_NS}), so it was not read.`);
  }
  const canonical = asCanonical(text, r);
  const problems = await schemaProblems(canonical, 'Codebook-mrt2019.xsd');
  const syntax = problems.find((p) => p.syntax);
  if (syntax) throw new FocalError('bad-input', `${label}: it is not well-formed XML (${syntax.line !== null ? `line ${syntax.line}: ` : ''}${syntax.message}); it was not read.`);
  let doc: Node;
  try {
    doc = parser.parse(canonical) as Node;
  } catch (e) {
    throw new FocalError('bad-input', `${label}: it is not well-formed XML (${(e as Error).message.split('\n')[0]}); it was not read.`);
  }
  const book = (doc.CodeBook ?? {}) as Node;
  const codes = asArray((book.Codes as Node | undefined)?.Code).map(readCode);
  const sets = asArray((book.Sets as Node | undefined)?.Set).map((s) => ({ name: typeof s['@name'] === 'string' ? (s['@name'] as string) : '', members: asArray(s.MemberCode).length }));
  return { namespace: r.namespace, codes, sets, problems };
}
