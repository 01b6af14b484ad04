/**
 * QDA-XML (REFI-QDA) on the way in and out: bytes to text safely, validation against the REFI
 * schemas shipped in resources/refi/ (xmllint compiled to WebAssembly: in-process, no native
 * build), and escaping for what Focal writes.
 *
 * Input is refused before any parser sees it when it is too large or declares a DOCTYPE or an
 * entity: QDA-XML never needs one, and refusing them closes external entities (XXE: a file that
 * reads the user's files) and entity expansion (billion laughs) at once.
 */
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { FocalError } from '../errors';
import { resourcePath } from '../resources';

/** Larger than any real codebook or project.qde Focal would read in one piece. */
export const MAX_XML_BYTES = 64 * 1024 * 1024;

export type RefiSchema = 'Codebook-mrt2019.xsd' | 'Project-mrt2019.xsd';

export interface SchemaProblem {
  line: number | null;
  message: string;
  /** Not well-formed XML (as opposed to well-formed XML the schema does not allow). */
  syntax: boolean;
}

/** The text of an XML file: UTF-8 (BOM optional) or UTF-16 with a BOM; refused when too big, not text, or declaring a DOCTYPE/entity. */
export function xmlText(bytes: Uint8Array, label: string): string {
  if (bytes.length > MAX_XML_BYTES) {
    throw new FocalError('bad-input', `${label}: the file is ${(bytes.length / 1048576).toFixed(1)} MB, more than the ${MAX_XML_BYTES / 1048576} MB Focal reads as QDA-XML; it was not read.`);
  }
  let text: string;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    else text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new FocalError('bad-input', `${label}: the file is not UTF-8 or UTF-16 text, so it is not QDA-XML; it was not read.`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // UTF-16 input is re-encoded as UTF-8 for the validator, so its declaration must say so.
  text = text.replace(/^(<\?xml[^>]*encoding\s*=\s*["'])utf-16(?:le|be)?(["'])/i, '$1UTF-8$2');
  const doctype = /<!\s*(DOCTYPE|ENTITY)/i.exec(text);
  if (doctype) {
    const line = text.slice(0, doctype.index).split('\n').length;
    throw new FocalError(
      'bad-input',
      `${label}: line ${line} declares ${doctype[1]!.toUpperCase() === 'DOCTYPE' ? 'a DOCTYPE' : 'an entity'}; QDA-XML never needs one and Focal does not read files that do (they can expand without end or read other files); it was not read.`,
    );
  }
  if (!/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*</.test(text)) throw new FocalError('bad-input', `${label}: the file does not start as XML, so it is not QDA-XML; it was not read.`);
  return text;
}

/** Reads a file from disk as QDA-XML text (size checked before it is read). */
export function readXmlFile(path: string, label: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FocalError(code === 'ENOENT' ? 'not-found' : 'bad-input', `${label}: ${code === 'ENOENT' ? 'there is no such file' : `it could not be read (${code ?? (e as Error).message})`}.`);
  }
  return xmlText(bytes, label);
}

const schemaCache = new Map<RefiSchema, string>();
function schemaText(schema: RefiSchema): string {
  let s = schemaCache.get(schema);
  if (!s) {
    s = readFileSync(resourcePath('refi', schema), 'utf8');
    schemaCache.set(schema, s);
  }
  return s;
}

/** Schema problems of an XML text against a REFI schema (empty when valid), each with its line. */
export async function schemaProblems(xml: string, schema: RefiSchema): Promise<SchemaProblem[]> {
  const bytes = Buffer.from(xml, 'utf8');
  const pages = Math.min(65536, Math.max(512, Math.ceil((bytes.length * 8) / 65536) + 512));
  const r = await validateXML({ xml: [{ fileName: 'input.xml', contents: bytes }], schema: [{ fileName: schema, contents: schemaText(schema) }], maxMemoryPages: pages });
  if (r.valid) return [];
  // xmllint echoes the offending line and a caret after a parser error: only lines that name the input file and a line number are problems.
  const problems = r.errors
    .filter((e) => e.loc?.fileName === 'input.xml' && Number.isFinite(e.loc.lineNumber))
    .map((e) => ({
      line: e.loc!.lineNumber,
      syntax: /parser error/i.test(e.message),
      message: e.message
        .replace(/^\s*(Schemas validity error|parser error)\s*:\s*/i, '')
        .replace(/\{urn:QDA-XML:[^}]*\}/g, '')
        .replace(/ by the pattern '[^']*'/, ' by the pattern for a GUID or colour')
        .trim(),
    }))
    .filter((p) => p.message && !/fails to validate$/.test(p.message));
  return problems.length ? problems : [{ line: null, syntax: true, message: r.rawOutput.trim().split('\n')[0] || 'the file could not be read as XML' }];
}

/** One line per problem, "line 12: …", at most `max`. */
export function describeProblems(problems: SchemaProblem[], max = 5): string {
  const shown = problems.slice(0, max).map((p) => (p.line !== null ? `line ${p.line}: ${p.message}` : p.message));
  return shown.join('; ') + (problems.length > max ? `; and ${problems.length - max} more` : '');
}

// XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates (paired ones are fine) and U+FFFE/U+FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text as element content: &, < and > escaped; a CR kept as &#13; (a parser would turn it into LF). */
export function escapeText(s: string): string {
  if (!/[&<>\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/.test(s)) return s;
  return s.replace(NOT_XML_CHAR, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Text as an attribute value in double quotes; line ends and tabs kept as character references (a parser would make them spaces). */
export function escapeAttr(s: string): string {
  if (!/[&<>"\t\n\r\u0000-\u001f\ud800-\udfff\ufffe\uffff]/.test(s)) return s;
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** A GUID as Focal stores it: lower-case, no braces; null when it is not a GUID at all. */
export function canonicalGuid(g: unknown): string | null {
  if (typeof g !== 'string') return null;
  const m = /^\s*\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?\s*$/.exec(g);
  return m ? m[1]!.toLowerCase() : null;
}
