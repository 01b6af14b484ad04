/**
 * Positions from another tool's text into Focal's stored text, never assuming they are equal.
 *
 * REFI-QDA positions count UTF-16 code units of the source's plain text as the tool wrote it (BOM
 * left out, CRLF counted as two). Focal stores that text normalised (line ends to LF, NFC) and then
 * re-assembled by speaker detection (labels taken out of turns, lines trimmed, blank lines
 * collapsed, header lines read as details). Two maps are composed:
 *   raw → normalised: built while normalising, character cluster by cluster;
 *   normalised → stored: each stored line is found, in order, in the normalised text (a stored
 *   line is always a piece of one normalised line), giving anchors (runs that are equal).
 * A position inside an anchor maps exactly; one in a gap (a speaker label, a trimmed space, a
 * header) moves to the nearest stored text on the side that keeps the coding's words.
 */

export interface Anchor {
  /** Start in the normalised text, start in the stored text, length (equal in both). */
  n: number;
  s: number;
  len: number;
}

/** The raw text normalised as decode.ts does (CRLF/CR/FF/VT to LF, NFC), with map[i] = normalised offset of raw offset i. */
export function normaliseWithMap(raw: string): { text: string; map: Int32Array } {
  const map = new Int32Array(raw.length + 1);
  let out = '';
  let i = 0;
  const cluster = /\P{M}\p{M}*|\p{M}+/uy;
  const lineEnd = /[\r\f\v]/g;
  let slowUntil = 0;
  while (i < raw.length) {
    // Fast path: a stretch up to the next CR/FF/VT that NFC leaves as it is maps one to one.
    if (i >= slowUntil) {
      lineEnd.lastIndex = i;
      const stop = lineEnd.exec(raw)?.index ?? raw.length;
      if (stop > i) {
        const stretch = raw.slice(i, stop);
        if (stretch.normalize('NFC') === stretch) {
          for (let k = 0; k < stretch.length; k++) map[i + k] = out.length + k;
          out += stretch;
          i = stop;
          continue;
        }
        slowUntil = stop; // this stretch changes under NFC: cluster by cluster
      }
    }
    const c = raw.charCodeAt(i);
    if (c === 13) {
      map[i] = out.length;
      if (raw.charCodeAt(i + 1) === 10) {
        map[i + 1] = out.length;
        i += 2;
      } else i += 1;
      out += '\n';
      continue;
    }
    if (c === 12 || c === 11) {
      map[i] = out.length;
      out += '\n';
      i += 1;
      continue;
    }
    cluster.lastIndex = i;
    const m = cluster.exec(raw);
    const piece = m ? m[0] : raw[i]!;
    const norm = piece.length === 1 && piece.charCodeAt(0) < 0x300 ? piece : piece.normalize('NFC');
    if (norm.length === piece.length) for (let k = 0; k < piece.length; k++) map[i + k] = out.length + k;
    else for (let k = 0; k < piece.length; k++) map[i + k] = out.length;
    out += norm;
    i += piece.length;
  }
  map[raw.length] = out.length;
  return { text: out, map };
}

/** Anchors of the stored text in the normalised text: each stored line found in order. */
export function storedAnchors(normalised: string, stored: string): Anchor[] {
  const anchors: Anchor[] = [];
  let cursor = 0;
  let s = 0;
  for (const line of stored.split('\n')) {
    if (line.length) {
      const at = normalised.indexOf(line, cursor);
      if (at !== -1) {
        anchors.push({ n: at, s, len: line.length });
        cursor = at + line.length;
      }
    }
    s += line.length + 1;
  }
  return anchors;
}

/**
 * A normalised position in the stored text. `side` 'start' moves a position in a gap forward to
 * the next stored text, 'end' back to the end of the previous; null when there is none that way.
 */
export function mapToStored(anchors: Anchor[], p: number, side: 'start' | 'end'): number | null {
  let lo = 0;
  let hi = anchors.length - 1;
  let last = -1; // the last anchor starting at or before p
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (anchors[mid]!.n <= p) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const a = last >= 0 ? anchors[last]! : undefined;
  if (a && p <= a.n + a.len) {
    if (side === 'start' && p === a.n + a.len) {
      const next = anchors[last + 1];
      return next ? next.s : null;
    }
    if (side === 'end' && p === a.n && last > 0) return anchors[last - 1]!.s + anchors[last - 1]!.len;
    return a.s + (p - a.n);
  }
  if (side === 'start') {
    const next = anchors[last + 1];
    return next ? next.s : null;
  }
  return a ? a.s + a.len : null;
}

/** Raw positions (UTF-16 units of the tool's text) → a stored range; null when nothing of Focal's text is left in it. */
export class PositionMap {
  private readonly anchors: Anchor[];
  constructor(
    private readonly rawToNorm: Int32Array,
    normalised: string,
    stored: string,
  ) {
    this.anchors = storedAnchors(normalised, stored);
  }

  get rawLength(): number {
    return this.rawToNorm.length - 1;
  }

  range(start: number, end: number): { start: number; end: number } | null {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > this.rawLength) return null;
    const s = mapToStored(this.anchors, this.rawToNorm[start]!, 'start');
    const e = mapToStored(this.anchors, this.rawToNorm[end]!, 'end');
    if (s === null || e === null || e <= s) return null;
    return { start: s, end: e };
  }

  /** A single raw position (a sync point) in the stored text, moved forward into text. */
  point(p: number): number | null {
    if (!Number.isInteger(p) || p < 0 || p > this.rawLength) return null;
    return mapToStored(this.anchors, this.rawToNorm[p]!, 'start');
  }
}
