/**
 * The search box's query language, parsed here and never handed raw to FTS5:
 *
 *   words          whānau hui          (implicit AND)
 *   "phrases"      "peer support"
 *   prefixes       whaka*
 *   operators      AND, OR, NOT        (upper case; lower-case "and" is a word)
 *   grouping       (hui OR wānanga) NOT karakia
 *
 * Each term is folded with shared/text/fold.ts (macrons, diacritics, double vowels, dashes),
 * split into tokens the way the index's unicode61 tokenizer splits them, and written back as a
 * quoted FTS5 string, so no user text can become an FTS5 operator, column filter or NEAR group.
 * Precedence: NOT binds tightest, then AND, then OR. Unbalanced brackets are forgiven.
 */
import { fold } from '../../../shared/text/fold';
import { FocalError } from '../errors';

export type QueryNode =
  | { type: 'term'; tokens: string[]; prefix: boolean; raw: string; quoted: boolean }
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode };

/** Token characters as unicode61 sees them: letters, numbers (and marks, private use); all else separates. */
const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

export function tokenize(folded: string): string[] {
  return folded.match(TOKEN) ?? [];
}

type Lex = { kind: 'word'; text: string; quoted: boolean } | { kind: 'op'; op: 'AND' | 'OR' | 'NOT' } | { kind: '(' } | { kind: ')' };

function lex(input: string): Lex[] {
  const out: Lex[] = [];
  let i = 0;
  const s = input.normalize('NFC');
  while (i < s.length) {
    const c = s[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      out.push({ kind: c });
      i++;
    } else if (c === '"' || c === '“' || c === '”') {
      // A phrase runs to the next quote (or the end, if the quote is never closed).
      let j = i + 1;
      while (j < s.length && !'"“”'.includes(s[j] as string)) j++;
      let text = s.slice(i + 1, j);
      j++;
      // A star right after the closing quote makes the phrase's last word a prefix.
      if (s[j] === '*') {
        text += '*';
        j++;
      }
      out.push({ kind: 'word', text, quoted: true });
      i = j;
    } else {
      let j = i;
      while (j < s.length && !/[\s()"“”]/.test(s[j] as string)) j++;
      const text = s.slice(i, j);
      if (text === 'AND' || text === 'OR' || text === 'NOT') out.push({ kind: 'op', op: text });
      else out.push({ kind: 'word', text, quoted: false });
      i = j;
    }
  }
  return out;
}

function term(text: string, quoted: boolean): QueryNode | null {
  const prefix = /\*\s*$/.test(text);
  const tokens = tokenize(fold(text.replace(/\*/g, ' ')));
  if (!tokens.length) return null;
  return { type: 'term', tokens, prefix, raw: text.trim(), quoted };
}

/** Parses a query; null when it has nothing to search for (only punctuation, an empty box). */
export function parseQuery(input: string): QueryNode | null {
  const toks = lex(input);
  let pos = 0;
  const peek = () => toks[pos];

  const parseOr = (): QueryNode | null => {
    const parts: QueryNode[] = [];
    const first = parseAnd();
    if (first) parts.push(first);
    while (peek()?.kind === 'op' && (peek() as { op: string }).op === 'OR') {
      pos++;
      const next = parseAnd();
      if (next) parts.push(next);
    }
    if (!parts.length) return null;
    return parts.length === 1 ? (parts[0] as QueryNode) : { type: 'or', children: parts };
  };

  const parseAnd = (): QueryNode | null => {
    const parts: QueryNode[] = [];
    for (;;) {
      const t = peek();
      if (!t || t.kind === ')' || (t.kind === 'op' && t.op === 'OR')) break;
      if (t.kind === 'op' && t.op === 'AND') {
        pos++;
        continue;
      }
      const u = parseUnary();
      if (u) parts.push(u);
    }
    if (!parts.length) return null;
    return parts.length === 1 ? (parts[0] as QueryNode) : { type: 'and', children: parts };
  };

  const parseUnary = (): QueryNode | null => {
    const t = peek();
    if (!t) return null;
    if (t.kind === 'op' && t.op === 'NOT') {
      pos++;
      const child = parseUnary();
      return child ? { type: 'not', child } : null;
    }
    pos++;
    if (t.kind === '(') {
      const inner = parseOr();
      if (peek()?.kind === ')') pos++;
      return inner;
    }
    if (t.kind === 'word') return term(t.text, t.quoted);
    return null; // a stray ")" is dropped
  };

  let root: QueryNode | null = null;
  const parts: QueryNode[] = [];
  while (pos < toks.length) {
    const r = parseOr();
    if (r) parts.push(r);
    if (peek()?.kind === ')') pos++; // unbalanced closing bracket
  }
  if (parts.length === 1) root = parts[0] as QueryNode;
  else if (parts.length > 1) root = { type: 'and', children: parts };
  return root ? simplify(root) : null;
}

function simplify(n: QueryNode): QueryNode {
  if (n.type === 'term') return n;
  if (n.type === 'not') {
    const c = simplify(n.child);
    return c.type === 'not' ? c.child : { type: 'not', child: c };
  }
  const children = n.children.map(simplify).flatMap((c) => (c.type === n.type ? (c as { children: QueryNode[] }).children : [c]));
  return children.length === 1 ? (children[0] as QueryNode) : { type: n.type, children };
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Writes the FTS5 MATCH expression. Every term is a quoted string (with `*` after it for a
 * prefix), every group is bracketed, and NOT is written as FTS5's binary `x NOT y`.
 * Throws a bad-input FocalError for queries FTS5 cannot run, such as NOT with nothing before it.
 */
export function toFts(n: QueryNode): string {
  switch (n.type) {
    case 'term':
      return quote(n.tokens.join(' ')) + (n.prefix ? '*' : '');
    case 'not':
      throw notAlone();
    case 'or':
      return `(${n.children.map((c) => (c.type === 'not' ? throwNot() : toFts(c))).join(' OR ')})`;
    case 'and': {
      const pos = n.children.filter((c) => c.type !== 'not');
      const neg = n.children.filter((c): c is Extract<QueryNode, { type: 'not' }> => c.type === 'not');
      if (!pos.length) throw notAlone();
      let expr = pos.length === 1 ? toFts(pos[0] as QueryNode) : `(${pos.map(toFts).join(' AND ')})`;
      for (const m of neg) expr = `(${expr} NOT ${toFts(m.child)})`;
      return expr;
    }
  }
}

function notAlone(): FocalError {
  return new FocalError('bad-input', 'NOT needs something to search for before it, e.g. whānau NOT hui.');
}
function throwNot(): never {
  throw notAlone();
}

/** The query as understood, for showing back to the researcher (terms as typed, operators made explicit). */
export function describe(n: QueryNode, top = true): string {
  switch (n.type) {
    case 'term':
      return n.quoted ? `"${n.raw.replace(/\*$/, '')}"${n.prefix ? '*' : ''}` : n.raw;
    case 'not':
      return `NOT ${describe(n.child, false)}`;
    case 'and':
    case 'or': {
      const s = n.children.map((c) => describe(c, false)).join(n.type === 'and' ? ' AND ' : ' OR ');
      return top ? s : `(${s})`;
    }
  }
}

/** The terms that make a block match (not the NOT ones): what gets highlighted and coded. */
export function positiveTerms(n: QueryNode, negated = false): Array<{ tokens: string[]; prefix: boolean }> {
  switch (n.type) {
    case 'term':
      return negated ? [] : [{ tokens: n.tokens, prefix: n.prefix }];
    case 'not':
      return positiveTerms(n.child, !negated);
    default:
      return n.children.flatMap((c) => positiveTerms(c, negated));
  }
}
