/**
 * The export gate, row by row (the table in the design notes, export-gate.md). Each row is a
 * function that looks at one quote and returns the reasons it fails (empty when it passes), so
 * a quote that fails several rows gets every reason at once and the analyst fixes it in one pass.
 */
import { REASON_ROW, type GateFix, type GateReason, type ReasonCode } from '../../../shared/domain/gate';
import type { ExportOptions } from '../../../shared/domain/quotes';
import type { Candidate } from '../../../shared/domain/pseudonyms';
import type { GateData, PersonRow, SourceData, SpeakerRow, Span } from './gate-data';
import { quoteMatches } from '../kaitiaki/subjects';
import { keptPieces, overlaps, speechBlocks, type QuoteRange } from './quote-text';
import { restrictedSpans, undecidedForReason } from '../tikanga/mask-reasons';

export interface RowInput {
  data: GateData;
  src: SourceData;
  quote: QuoteRange;
  pieces: Span[];
  /** The speech turns' speaker labels in the kept pieces, in order of first appearance. */
  speakers: SpeakerRow[];
  /** The text that would be exported, before pseudonymisation. */
  text: string;
  /** Candidates detected in `text`, and what pseudonymisation left unresolved. */
  candidates: Candidate[];
  unresolved: Candidate[];
  /** How the quote is attributed, as decided by attribute(). */
  attribution: Attribution;
  options: ExportOptions;
  /** The export date, yyyy-mm-dd (New Zealand). */
  today: string;
}

export type Attribution =
  | { by: 'group'; groupId: number | null; label: string | null }
  | { by: 'people'; people: Array<{ participantId: number; use: 'name' | 'pseudonym' }> };

const reason = (code: ReasonCode, message: string, fix: GateFix | null): GateReason => ({ code, row: REASON_ROW[code], message, fix });

const personOf = (i: RowInput, s: SpeakerRow): PersonRow | undefined => (s.participantId === null ? undefined : i.data.people.get(s.participantId));

/** Every mapped participant speaking in the quote, once each. */
function people(i: RowInput): PersonRow[] {
  const seen = new Map<number, PersonRow>();
  for (const s of i.speakers) {
    const p = personOf(i, s);
    if (p && !seen.has(p.id)) seen.set(p.id, p);
  }
  return [...seen.values()];
}

/**
 * Groups whose consent and kaitiaki govern a tikanga-based quote: the transcript's group; when none
 * is set, the group most of the transcript's speakers belong to (a hui's rōpū, not the research
 * team its facilitator belongs to); ties give every tied group, each of which must then agree.
 */
export function quoteGroups(i: Pick<RowInput, 'data' | 'src'> & Partial<Pick<RowInput, 'speakers'>>): number[] {
  if (i.src.groupId !== null) return [i.src.groupId];
  const counts = new Map<number, number>();
  const seen = new Set<number>();
  for (const s of i.src.speakers.values()) {
    if (s.participantId === null || seen.has(s.participantId)) continue;
    seen.add(s.participantId);
    for (const g of i.data.people.get(s.participantId)?.groupIds ?? []) if (i.data.people.get(g)?.kind === 'group') counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const most = Math.max(0, ...counts.values());
  return [...counts.entries()].filter(([, n]) => n === most && n > 0).map(([g]) => g);
}

const nameOf = (i: RowInput, id: number) => i.data.people.get(id)?.name ?? `participant ${id}`;

export const rows: Array<(i: RowInput) => GateReason[]> = [
  // 1 speaker known
  (i) => {
    const out: GateReason[] = [];
    for (const b of i.pieces.flatMap((p) => speechBlocks(i.src, p))) {
      if (b.kind === 'turn' && b.speakerId !== null && i.src.speakers.get(b.speakerId)?.participantId != null) continue;
      const sp = b.speakerId === null ? undefined : i.src.speakers.get(b.speakerId);
      if (out.some((r) => r.fix?.speakerId === sp?.id)) continue;
      out.push(
        reason('speaker-unmapped', sp ? `The speaker label "${sp.label}" is not mapped to anyone in the register.` : 'Part of the quote has no speaker.', {
          kind: 'map-speaker',
          label: sp ? `Map "${sp.label}" to a participant` : 'Choose text with a known speaker',
          ...(sp ? { speakerId: sp.id } : {}),
        }),
      );
    }
    return out;
  },
  // 2 consent to quote
  (i) =>
    people(i)
      // A group speaking as one (a label mapped to the group) needs its own consent, or collective consent to quoting.
      .filter((p) => p.consent?.quote !== 'yes' && !(p.kind === 'group' && i.data.collective.some((c) => c.groupId === p.id && c.forQuotes && c.givenOn <= i.today && (c.revokedOn === null || c.revokedOn > i.today))))
      .map((p) =>
        reason('no-quote-consent', `${p.name} ${p.consent?.quote === 'no' ? 'declined to be quoted' : 'has no consent to be quoted on record'}.`, {
          kind: p.consent?.quote === 'no' ? 'trim-quote' : 'record-consent',
          label: p.consent?.quote === 'no' ? `Trim the quote to other speakers than ${p.name}` : `Record ${p.name}'s consent`,
          participantId: p.id,
        }),
      ),
  // 3 not withdrawn
  (i) =>
    people(i)
      .filter((p) => p.consent?.withdrawnOn && p.consent.withdrawnOn <= i.today)
      .map((p) => reason('participant-withdrawn', `${p.name} withdrew on ${p.consent!.withdrawnOn}.`, null)),
  // 4 passage open
  (i) => {
    const out: GateReason[] = [];
    const hit = (s: Span) => i.pieces.some((p) => overlaps(p, s));
    const withdrawn = i.src.marks.filter((m) => m.kind === 'withdrawn' && hit(m));
    const notes = i.src.withdrawalNotes.filter(hit);
    if (withdrawn.length || notes.length) {
      const why = withdrawn.map((m) => m.reason).filter(Boolean)[0] ?? notes[0]?.note ?? '';
      out.push(reason('passage-withdrawn', `The quote overlaps a withdrawn passage${why ? ` (${why})` : ''}.`, null));
    }
    const restricted = i.src.marks.filter((m) => m.kind === 'restricted' && hit(m));
    if (restricted.length) {
      const why = restricted.map((m) => m.reason).filter(Boolean)[0];
      out.push(reason('passage-restricted', `The quote overlaps a restricted passage${why ? ` (${why})` : ''}.`, null));
    }
    return out;
  },
  // 5 identifiers resolved
  (i) => {
    const pending = [...i.candidates.filter((c) => c.status === 'pending'), ...i.unresolved];
    if (!pending.length) return [];
    // Inside a restricted (tapu) passage an identifier is named by kind and position, never its words (tikanga/mask-reasons.ts).
    const { shown, hidden } = undecidedForReason(i.src, restrictedSpans(i.src.labels, i.src.text.length), i.pieces, pending);
    const count = shown.length + hidden.length;
    return [
      reason('identifier-unresolved', `${count} detected identifier${count === 1 ? ' is' : 's are'} not yet decided: ${[...shown.map((t) => `“${t}”`), ...hidden].join(', ')}.`, {
        kind: 'review-candidates',
        label: 'Review the detected identifiers',
        candidates: shown,
      }),
    ];
  },
  // 6 naming allowed
  (i) =>
    i.attribution.by === 'people'
      ? i.attribution.people
          .filter((a) => a.use === 'name' && i.data.people.get(a.participantId)?.consent?.named !== 'yes')
          .map((a) =>
            reason('name-without-consent', `${nameOf(i, a.participantId)} did not consent to be named.`, { kind: 'use-pseudonym', label: 'Attribute by pseudonym', participantId: a.participantId }),
          )
      : [],
  // 7 pseudonym exists
  (i) => {
    if (i.attribution.by === 'group') {
      if (i.attribution.label) return [];
      const g = i.attribution.groupId;
      return [
        reason('no-pseudonym', g === null ? 'This kōrero is attributed to a group, but the transcript has no group.' : `Group attribution not set for ${nameOf(i, g)}: the group decides how its collective kōrero is attributed.`, {
          kind: 'set-pseudonym',
          label: g === null ? "Set the transcript's group" : `Set "Attribution of collective kōrero" on ${nameOf(i, g)}'s page`,
          ...(g === null ? {} : { groupId: g }),
        }),
      ];
    }
    return i.attribution.people
      .filter((a) => a.use === 'pseudonym' && !i.data.people.get(a.participantId)?.pseudonym?.trim())
      .map((a) => reason('no-pseudonym', `${nameOf(i, a.participantId)} has no pseudonym.`, { kind: 'set-pseudonym', label: `Set or generate a pseudonym for ${nameOf(i, a.participantId)}`, participantId: a.participantId }));
  },
  // 8 collective consent (tikanga-based sources)
  (i) => {
    if (i.src.mode !== 'tikanga') return [];
    const groups = quoteGroups(i);
    if (!groups.length) return [reason('no-collective-consent', 'This tikanga-based transcript has no group whose collective consent covers it.', { kind: 'record-collective-consent', label: "Set the transcript's group and record its collective consent" })];
    const byGroup = i.attribution.by === 'group';
    return groups.flatMap((g) => {
      const ok = i.data.collective.some(
        (c) =>
          c.groupId === g &&
          c.givenOn <= i.today &&
          (c.revokedOn === null || c.revokedOn > i.today) &&
          (i.options.profile === 'return' ? c.forReturn : c.forQuotes) &&
          (!byGroup || c.forGroupAttribution),
      );
      if (ok) return [];
      const use = i.options.profile === 'return' ? 'returning kōrero to the group' : `quoting${byGroup ? ' with group attribution' : ''}`;
      return [reason('no-collective-consent', `${nameOf(i, g)}'s collective consent does not cover ${use}.`, { kind: 'record-collective-consent', label: `Record ${nameOf(i, g)}'s collective consent`, groupId: g })];
    });
  },
  // 9 kaitiaki approval (tikanga-based sources)
  (i) => {
    if (i.src.mode !== 'tikanga') return [];
    const groups = quoteGroups(i);
    if (!groups.length) return [reason('no-kaitiaki-approval', 'This tikanga-based transcript has no group, so no kaitiaki can approve it.', { kind: 'ask-kaitiaki', label: "Set the transcript's group, then ask its kaitiaki" })];
    return groups.flatMap((g) => {
      const kaitiaki = i.data.people.get(g)?.kaitiakiId ?? null;
      // A signed statement removed from the group's record (a revocation, say) could have turned any
      // decision around: nothing of the group's leaves until the kaitiaki has looked (gap-ack) or the
      // project is restored from a copy.
      if (i.data.statementGaps.has(g)) {
        return [
          reason('no-kaitiaki-approval', `A signed kaitiaki statement of ${nameOf(i, g)} was removed from this project, so none of its kaitiaki's decisions can be trusted.`, {
            kind: 'ask-kaitiaki',
            label: `Ask ${kaitiaki ? nameOf(i, kaitiaki) : "the group's kaitiaki"} to review the record (or restore the project from a copy)`,
            groupId: g,
            ...(kaitiaki ? { participantId: kaitiaki } : {}),
          }),
        ];
      }
      // Only signed decisions that verify count (GateData), and a decision on a quote only while
      // it still names this quote's exact text (source hash, range, cuts, text hash).
      const relevant = i.data.approvals.filter(
        (a) =>
          a.groupId === g &&
          a.revokedAt === null &&
          ((a.scope === 'quote' && a.quoteId === i.quote.id && quoteMatches(a.quote ?? undefined, i.quote, i.src.sha256, i.src.text)) ||
            (a.scope === 'export' && !!i.options.approvalLabel && a.exportLabel === i.options.approvalLabel)),
      );
      // Decisions are in time order: the latest one stands (a refusal after an approval withdraws it).
      // A decision on the quote itself outranks one on a whole export: a blanket approval of an
      // export never overrides the kaitiaki's refusal of a quote in it (nor the reverse).
      const onQuote = relevant.filter((a) => a.scope === 'quote');
      const latest = (onQuote.length ? onQuote : relevant)[(onQuote.length ? onQuote : relevant).length - 1];
      if (latest?.decision === 'approved') return [];
      const msg = latest ? `${nameOf(i, g)}'s kaitiaki refused this quote.` : `No approval by ${nameOf(i, g)}'s kaitiaki covers this quote.`;
      return [reason('no-kaitiaki-approval', msg, { kind: 'ask-kaitiaki', label: `Ask ${kaitiaki ? nameOf(i, kaitiaki) : "the group's kaitiaki"}`, groupId: g, ...(kaitiaki ? { participantId: kaitiaki } : {}) })];
    });
  },
  // 10 sensitivity labels
  (i) => {
    const latest = new Map<string, (typeof i.src.labels)[number]>();
    for (const l of i.src.labels) latest.set(`${l.start}:${l.end}`, l);
    const applying = [...latest.values()].filter((l) => l.start === null || l.end === null || i.pieces.some((p) => overlaps(p, { start: l.start!, end: l.end! })));
    const out: GateReason[] = [];
    if (applying.some((l) => l.label === 'restricted')) out.push(reason('label-restricted', 'The kaitiaki labelled this material restricted (tapu); it never leaves the project.', null));
    if (i.options.profile !== 'return' && applying.some((l) => l.label === 'community')) {
      out.push(reason('label-community-only', 'The kaitiaki labelled this material for community use only.', { kind: 'use-return-profile', label: 'Export it in a return-to-the-group export instead' }));
    }
    return out;
  },
  // 11 tikanga parts (tikanga-based sources)
  (i) => {
    if (i.src.mode !== 'tikanga') return [];
    const groups = quoteGroups(i);
    return i.src.parts
      .filter((p) => p.phase !== 'korero' && i.pieces.some((x) => overlaps(x, p)) && !i.data.partReleased(i.src, p, groups))
      .map((p) => reason('tikanga-part', `The quote overlaps the ${p.kind} (${p.phase}), which the kaitiaki has not released.`, { kind: 'ask-kaitiaki', label: 'Ask the kaitiaki to release it' }));
  },
  // 12 not speech
  (i) => (/\p{L}/u.test(i.text) ? [] : [reason('not-speech', 'The range holds no spoken words (only notes such as [laughter]).', { kind: 'choose-spoken-text', label: 'Choose spoken text' })]),
];

export { keptPieces };
