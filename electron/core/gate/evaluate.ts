/**
 * The export gate: evaluates every row of the table for a batch of quotes and, for those that pass,
 * produces what may leave the app: the pseudonymised text, the attribution (pseudonym, consented
 * name or group label), the pseudonymised source title, the code and the mode.
 * Pure over the project (reads only); the caller records what was exported.
 */
import { REASON_ROW, type GateDecision, type GateReason } from '../../../shared/domain/gate';
import type { Candidate } from '../../../shared/domain/pseudonyms';
import type { ExportOptions, QuoteOut } from '../../../shared/domain/quotes';
import type { GateData, PersonRow, SourceData, SpeakerRow } from './gate-data';
import { MetadataGate } from './metadata';
import type { PseudoPort } from './pseudo-port';
import { joinFragments, keptPieces, quoteFragments, speechBlocks, type QuoteRange } from './quote-text';
import { quoteGroups, rows, type Attribution, type RowInput } from './rows';

export interface GateVerdict {
  decision: GateDecision;
  /** The quote's words before pseudonymisation (in-app only). */
  original: string;
  /** The attribution as it would be printed, e.g. `(Huia, peer supporter)`. */
  attribution: string;
  out: QuoteOut | null;
}

/** Today's date in New Zealand, yyyy-mm-dd: a withdrawal dated today is already in force. */
export function nzDate(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Auckland', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
  return parts;
}

function speakersIn(src: SourceData, pieces: Array<{ start: number; end: number }>): SpeakerRow[] {
  const seen = new Map<number, SpeakerRow>();
  for (const p of pieces) {
    for (const b of speechBlocks(src, p)) {
      const s = b.speakerId === null ? undefined : src.speakers.get(b.speakerId);
      if (s && !seen.has(s.id)) seen.set(s.id, s);
    }
  }
  return [...seen.values()];
}

/** How a group is named in anything that leaves: its attribution, else `<pseudonym>, group interview`; null when neither is set. */
export function groupAttribution(g: Pick<PersonRow, 'attribution' | 'pseudonym'> | undefined): string | null {
  return g?.attribution?.trim() || (g?.pseudonym?.trim() ? `${g.pseudonym.trim()}, group interview` : null);
}

/** A source's title as it may leave: pseudonymised, or a neutral `Session N (kind)` when the title holds anything undecided. */
export function exportSourceTitle(port: PseudoPort, src: Pick<SourceData, 'id' | 'title' | 'mode' | 'kind'>): string {
  const t = port.pseudonymise(src.title);
  const pending = port.detect(src.title).some((c) => c.status === 'pending');
  if (!t.unresolved.length && !pending) return t.text;
  // The kind is free text too: pseudonymised, and left out when it holds anything undecided.
  const k = src.kind ? port.pseudonymise(src.kind) : null;
  const kind = k && !k.unresolved.length && !port.detect(src.kind).some((c) => c.status === 'pending') ? ` (${k.text})` : '';
  return `${src.mode === 'tikanga' ? 'Tikanga-based session' : 'Session'} ${src.id}${kind}`;
}

export function decideAttribution(data: GateData, src: SourceData, speakers: SpeakerRow[], options: ExportOptions): Attribution {
  if (src.mode === 'tikanga' && options.attribution.groupForTikanga) {
    const groups = quoteGroups({ data, src, speakers });
    const groupId = groups.length === 1 ? groups[0]! : null;
    const g = groupId === null ? undefined : data.people.get(groupId);
    return { by: 'group', groupId, label: groupAttribution(g) };
  }
  const people: Array<{ participantId: number; use: 'name' | 'pseudonym' }> = [];
  for (const s of speakers) {
    if (s.participantId === null || people.some((p) => p.participantId === s.participantId)) continue;
    const p = data.people.get(s.participantId);
    const named = p?.consent?.named === 'yes';
    const hasPseudonym = !!p?.pseudonym?.trim();
    const use =
      options.attribution.naming === 'real-names' ? 'name' : options.attribution.naming === 'consented-names' && named ? 'name' : !hasPseudonym && named ? 'name' : 'pseudonym';
    people.push({ participantId: s.participantId, use });
  }
  return { by: 'people', people };
}

/**
 * `(Huia, peer supporter)`, `(Koro Hemi, kaumātua)`, `(Rōpū A, group interview)`; `?` marks what is missing.
 * `clean` is applied to the free-text parts (a role, a group's attribution): the gate passes the rules through it.
 */
export function attributionText(data: GateData, speakers: SpeakerRow[], a: Attribution, clean: (s: string) => string = (s) => s): string {
  if (a.by === 'group') return `(${a.label ? clean(a.label) : 'group attribution not set'})`;
  const parts = a.people.map((x) => {
    const p = data.people.get(x.participantId);
    const who = x.use === 'name' ? (p?.name ?? '?') : (p?.pseudonym?.trim() || 'pseudonym not set');
    const sessionRole = speakers.find((s) => s.participantId === x.participantId)?.role;
    const role = p?.role && p.role !== 'participant' ? p.role : (sessionRole ?? p?.role ?? 'participant');
    return `${who}, ${clean(role)}`;
  });
  return parts.length ? `(${parts.join('; ')})` : '(speaker unknown)';
}

export interface GateQuote extends QuoteRange {
  codeId?: number | null;
  codePath: string | null;
}

/** Row 5 for the attribution: an undecided identifier in a role or a group's attribution blocks the quote. */
function attributionReason(pending: Candidate[]): GateReason[] {
  const texts = [...new Set(pending.map((c) => c.text))];
  if (!texts.length) return [];
  return [
    {
      code: 'identifier-unresolved',
      row: REASON_ROW['identifier-unresolved'],
      message: `The attribution (the speaker's role or the group's attribution) holds ${texts.length === 1 ? 'an identifier' : `${texts.length} identifiers`} not yet decided: ${texts.map((t) => `“${t}”`).join(', ')}.`,
      fix: { kind: 'review-candidates', label: 'Review the detected identifiers', candidates: texts },
    },
  ];
}

export class Gate {
  /** Metadata (code paths, roles, titles) through the same rules; its notes list every neutral label used. */
  readonly meta: MetadataGate;

  constructor(
    private readonly data: GateData,
    private readonly port: PseudoPort,
    private readonly options: ExportOptions,
    private readonly today: string,
  ) {
    this.meta = new MetadataGate(port);
  }

  /** Why neutral labels stand in for metadata in this batch (for the export's result). */
  get notes(): string[] {
    return [...this.meta.notes];
  }

  check(q: GateQuote): GateVerdict {
    const src = this.data.source(q.sourceId);
    const pieces = keptPieces(q);
    const speakers = speakersIn(src, pieces);
    const fragments = quoteFragments(src, q);
    const text = joinFragments(fragments);
    // pseudonymise() detects on its own: its unresolved list is every pending candidate in the text.
    const pseudonymised = fragments.map((f) => ({ joiner: f.joiner, ...this.port.pseudonymise(f.text, f.before, f.after) }));
    const candidates = pseudonymised.flatMap((f) => f.unresolved);
    const pseudo = { text: joinFragments(pseudonymised), unresolved: pseudonymised.flatMap((f) => f.unresolved) };
    const attribution = decideAttribution(this.data, src, speakers, this.options);
    const input: RowInput = { data: this.data, src, quote: q, pieces, speakers, text, candidates, unresolved: pseudo.unresolved, attribution, options: this.options, today: this.today };
    const inAttribution: Candidate[] = [];
    const printed = attributionText(this.data, speakers, attribution, (field) => {
      const c = this.meta.clean(field);
      inAttribution.push(...c.unresolved);
      return c.text;
    });
    const reasons = [...rows.flatMap((row) => row(input)), ...attributionReason(inAttribution)].sort((a, b) => a.row - b.row);
    const decision: GateDecision = { quoteId: q.id, passed: reasons.length === 0, reasons };
    return {
      decision,
      original: text,
      attribution: printed,
      out: decision.passed ? { text: pseudo.text, attribution: printed, sourceTitle: this.sourceTitle(src), codePath: this.meta.codePath(q.codeId, q.codePath), mode: src.mode } : null,
    };
  }

  /** The source's title as pseudonymised; a neutral title when the title itself holds something undecided. */
  private sourceTitle(src: SourceData): string {
    return exportSourceTitle(this.port, src);
  }
}
