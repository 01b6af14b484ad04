/**
 * Small, dependency-free helpers for the HTML fragments importers meet: cells of workshop
 * tables, mammoth's output for Word files, and entities in WebVTT/SRT cue text. Not a general
 * HTML parser: it only needs to handle well-formed fragments and plain text that happens to
 * contain `<` or `&` (which is left alone unless it really is a tag or an entity).
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
};

/** `&amp;`, `&nbsp;`, `&#257;`, `&#x101;`; unknown names and bare `&` are left as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Something that really is a tag: `<p>`, `</b>`, `<br/>`, `<v Name>`, `<c.loud>` — not `a < b`. */
export const TAG = /<\/?[a-z][^<>]*>/gi;

/** Tags that end a line of text when converting a fragment to plain text. */
const BREAKING_TAG = /^<\/?(?:p|br|div|li|tr|h[1-6]|ul|ol|table)\b/i;

/**
 * An HTML fragment → plain text: `<p>`/`<br>` (and other block tags) become line breaks, other
 * tags are dropped, entities decoded, spaces in a line collapsed, blank lines removed.
 */
export function htmlToText(fragment: string): string {
  const withBreaks = fragment.replace(TAG, (tag) => (BREAKING_TAG.test(tag) ? '\n' : ''));
  return decodeEntities(withBreaks)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** A paragraph of mammoth's HTML: its plain text and the bold text it opens with, if any. */
export interface HtmlParagraph {
  text: string;
  /** The text with its spacing as written (Otter and Teams put two spaces or a tab before a time). */
  raw: string;
  /** Text of a bold run at the very start of the paragraph (`<strong>Aroha:</strong> ...`). */
  leadingBold?: string;
  heading: boolean;
}

const BLOCK_TAG = /^<(\/?)(p|h[1-6]|li|td|th|tr|table|ul|ol)\b/i;

/**
 * Splits mammoth's HTML into paragraphs by walking its tags in order, so nested lists and
 * tables need no special handling. An empty `<p></p>` comes back as a paragraph with empty
 * text: empty Word paragraphs are the blank lines that separate a header from the transcript.
 */
export function htmlParagraphs(html: string): HtmlParagraph[] {
  const out: HtmlParagraph[] = [];
  let text = '';
  let bold = '';
  let boldDepth = 0;
  /** Still collecting the leading bold run: nothing but bold text seen so far in this paragraph. */
  let leading = true;
  /** The block tag that opened the current paragraph, e.g. "p" or "h2". */
  let openTag = '';

  const emit = (keepEmpty: boolean) => {
    const decoded = decodeEntities(text);
    const clean = decoded.replace(/[ \t]+/g, ' ').trim();
    if (clean !== '' || keepEmpty) {
      const p: HtmlParagraph = { text: clean, raw: decoded.trim(), heading: /^h[1-6]$/.test(openTag) };
      const b = decodeEntities(bold).replace(/\s+/g, ' ').trim();
      if (b !== '' && clean !== '') p.leadingBold = b;
      out.push(p);
    }
    text = '';
    bold = '';
    leading = true;
    openTag = '';
  };

  for (const token of html.split(/(<[^<>]*>)/)) {
    if (token === '') continue;
    if (!token.startsWith('<')) {
      text += token;
      if (boldDepth > 0 && leading) bold += token;
      else if (token.trim() !== '') leading = false;
      continue;
    }
    const block = BLOCK_TAG.exec(token);
    if (block) {
      const name = (block[2] ?? '').toLowerCase();
      const closing = block[1] === '/';
      // Only a `<p>` closed with nothing in it is a deliberate empty paragraph.
      emit(closing && name === 'p' && openTag === 'p');
      if (!closing) openTag = name;
      continue;
    }
    if (/^<br\b/i.test(token)) {
      text += '\n';
      leading = false;
    } else if (/^<(strong|b)\b/i.test(token)) boldDepth++;
    else if (/^<\/(strong|b)\b/i.test(token)) boldDepth = Math.max(0, boldDepth - 1);
  }
  emit(false);
  return out;
}
