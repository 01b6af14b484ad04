/**
 * One source's text as it leaves in a REFI-QDA export, built block by block through the gate's
 * logic, with a map from stored offsets to offsets in the written text (so codings still cover the
 * same words):
 *   - every profile: what the return export never lets out (unreleased tikanga parts, restricted
 *     and withdrawn passages, withdrawal notes, restricted labels: export/return-korero.ts) becomes
 *     `[…]`; the turns of a participant who withdrew become `[…]`;
 *   - deposit: community-only material too; a turn by someone who did not consent to be quoted (or
 *     who is not in the register) becomes `[turn removed: no consent]`; every kept piece is
 *     pseudonymised with the project's rules as the quote gate does (detection with the words before
 *     and after in view), and an undecided identifier is collected so the export can refuse.
 * Turns are written `Label: words` so another tool (and Focal's own import) sees who spoke.
 */
import type { Candidate } from '../../../shared/domain/pseudonyms';
import { excludedSpans } from '../export/return-korero';
import type { GateData, SourceData, Span } from '../gate/gate-data';
import { detectWithContext } from '../gate/pseudo-port';
import type { PseudoContext } from '../pseudonyms/context';
import { detectIdentifiers } from '../pseudonyms/detect';
import { applyCandidates } from '../pseudonyms/replace';

export const REMOVED = '[…]';
export const NO_CONSENT = '[turn removed: no consent]';

/** A stretch of stored text and what stands for it in the written text. */
interface Seg {
  s: number;
  e: number;
  out: number;
  outLen: number;
  kind: 'same' | 'replaced' | 'removed';
}

export interface SourceOut {
  text: string;
  segs: Seg[];
  /** Turns as written, with the participant who spoke (for the case's SelectionRefs). */
  turns: Array<{ participantId: number | null; start: number; end: number }>;
  undecided: Candidate[];
  leftOut: Record<string, number>;
}

export interface OutOptions {
  profile: 'full' | 'deposit';
  today: string;
  ctx: PseudoContext | null;
  /** The label written before a turn: the speaker's label (full) or the participant's pseudonym (deposit). */
  label: (speakerId: number | null) => string | null;
}

function merge(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

export function sourceOut(src: SourceData, data: GateData, o: OutOptions): SourceOut {
  const excluded = merge(
    (excludedSpans(src, data) as Span[]).concat(
      o.profile === 'deposit' ? src.labels.filter((l) => l.label === 'community').map((l) => (l.start === null || l.end === null ? { start: 0, end: src.text.length } : { start: l.start, end: l.end })) : [],
    ),
  );
  const segs: Seg[] = [];
  const turns: SourceOut['turns'] = [];
  const undecided: Candidate[] = [];
  const leftOut: Record<string, number> = {};
  const count = (k: string) => (leftOut[k] = (leftOut[k] ?? 0) + 1);
  let text = '';
  const emit = (s: number, e: number, written: string, kind: Seg['kind']) => {
    segs.push({ s, e, out: text.length, outLen: written.length, kind });
    text += written;
  };
  for (const b of [...src.blocks].sort((x, y) => x.start - y.start)) {
    if (text) text += '\n\n';
    const speaker = b.speakerId === null ? undefined : src.speakers.get(b.speakerId);
    const person = speaker?.participantId == null ? undefined : data.people.get(speaker.participantId);
    const blockStart = text.length;
    if (b.kind === 'turn') {
      const label = o.label(b.speakerId);
      if (label) text += `${label}: `;
    }
    if (b.kind === 'turn' && person?.consent?.withdrawnOn && person.consent.withdrawnOn <= o.today) {
      emit(b.start, b.end, REMOVED, 'removed');
      count('turns of participants who withdrew');
      turns.push({ participantId: null, start: blockStart, end: text.length });
      continue;
    }
    const group = person?.kind === 'group';
    if (o.profile === 'deposit' && b.kind === 'turn' && !group && person?.consent?.quote !== 'yes') {
      emit(b.start, b.end, NO_CONSENT, 'removed');
      count('turns without consent');
      turns.push({ participantId: null, start: blockStart, end: text.length });
      continue;
    }
    let at = b.start;
    const kept = (from: number, to: number) => {
      if (to <= from) return;
      if (o.profile === 'full' || !o.ctx) return emit(from, to, src.text.slice(from, to), 'same');
      const piece = src.text.slice(from, to);
      const before = src.text.slice(Math.max(b.start, from - 200), from);
      const after = src.text.slice(to, Math.min(b.end, to + 200));
      const ctx = o.ctx;
      const r = applyCandidates(piece, detectWithContext((t) => detectIdentifiers(ctx, t, { before, sourceId: src.id }), piece, after));
      undecided.push(...r.unresolved);
      let p = 0;
      for (const rep of r.replacements) {
        if (rep.start > p) emit(from + p, from + rep.start, piece.slice(p, rep.start), 'same');
        emit(from + rep.start, from + rep.end, rep.replacement, 'replaced');
        p = rep.end;
      }
      if (p < piece.length) emit(from + p, to, piece.slice(p), 'same');
    };
    for (const x of excluded) {
      if (x.end <= b.start || x.start >= b.end) continue;
      kept(at, Math.max(at, x.start));
      const from = Math.max(b.start, x.start);
      const to = Math.min(b.end, x.end);
      if (to > from) {
        emit(from, to, REMOVED, 'removed');
        count('passages left out');
      }
      at = Math.max(at, to);
    }
    kept(at, b.end);
    if (b.kind === 'turn') turns.push({ participantId: speaker?.participantId ?? null, start: blockStart, end: text.length });
  }
  return { text, segs, turns, undecided, leftOut };
}

/** A stored range in the written text: from the first kept piece it touches to the last; null when all of it was removed. */
export function mapRange(out: SourceOut, start: number, end: number): { start: number; end: number } | null {
  let lo = 0;
  let hi = out.segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (out.segs[mid]!.e <= start) lo = mid + 1;
    else hi = mid;
  }
  let first: number | null = null;
  let last: number | null = null;
  for (let i = lo; i < out.segs.length && out.segs[i]!.s < end; i++) {
    const g = out.segs[i]!;
    if (g.kind === 'removed' || g.e <= start) continue;
    const s = g.kind === 'same' ? g.out + Math.max(0, start - g.s) : g.out;
    const e = g.kind === 'same' ? g.out + (Math.min(end, g.e) - g.s) : g.out + g.outLen;
    if (first === null) first = s;
    last = e;
  }
  if (first === null || last === null || last <= first) return null;
  return { start: first, end: last };
}
