/**
 * The "return to the group" document's content, built in the core: a rōpū's own kōrero (its
 * tikanga-based transcripts' spoken words as recorded, pseudonymised), the codes applied to it per
 * frame, and the quotes the export gate passes under the 'return' profile (collective consent for
 * return and the kaitiaki's approval). Left out, always: opening and closing tikanga parts the
 * kaitiaki has not released, restricted (tapu) material, withdrawn passages and the talk of anyone
 * who withdrew, turns whose identifiers are not yet decided; anything of another group's or of a
 * mainstream session. Speakers appear as the group decided: its label, or pseudonyms (a real name
 * only where the person consented to be named).
 */
import type { ExportOptions, QuoteCut } from '../../../shared/domain/quotes';
import type { ReturnCode, ReturnDocument, ReturnSource } from '../../../shared/domain/return-export';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { attributionText, decideAttribution, nzDate } from '../gate/evaluate';
import { GateData, type SourceData, type Span } from '../gate/gate-data';
import { pseudoPort, type PseudoPort } from '../gate/pseudo-port';
import { joinFragments, overlaps, quoteFragments } from '../gate/quote-text';
import { quoteGroups } from '../gate/rows';
import { codePaths } from '../quotes/quote-store';
import { MetadataGate } from '../gate/metadata';
import { checkQuotes } from './check-quotes';

/** The options a return export runs under: the 'return' profile, and never forced real names. */
export function returnOptions(o: ExportOptions): ExportOptions {
  return { ...o, profile: 'return', attribution: { ...o.attribution, naming: o.attribution.naming === 'real-names' ? 'consented-names' : o.attribution.naming } };
}

/** The tikanga-based transcripts whose kōrero is this group's alone. */
export function groupSourceIds(data: GateData, db: ProjectDb, groupId: number): number[] {
  const ids = db.prepare("SELECT id FROM sources WHERE mode = 'tikanga' ORDER BY id").pluck().all() as number[];
  return ids.filter((id) => {
    const g = quoteGroups({ data, src: data.source(id) });
    return g.length === 1 && g[0] === groupId;
  });
}

/** Stretches of a transcript that never go back in the document, each with why. */
export function excludedSpans(src: SourceData, data: GateData): Array<Span & { why: string }> {
  const out: Array<Span & { why: string }> = [];
  const groups = quoteGroups({ data, src });
  for (const p of src.parts) if (p.phase !== 'korero' && !data.partReleased(src, p, groups)) out.push({ start: p.start, end: p.end, why: 'unreleased tikanga part' });
  for (const m of src.marks) out.push({ start: m.start, end: m.end, why: m.kind === 'restricted' ? 'restricted' : 'withdrawn' });
  for (const n of src.withdrawalNotes) out.push({ start: n.start, end: n.end, why: 'withdrawn' });
  const latest = new Map<string, (typeof src.labels)[number]>();
  for (const l of src.labels) latest.set(`${l.start}:${l.end}`, l);
  for (const l of latest.values()) {
    if (l.label !== 'restricted') continue;
    out.push(l.start === null || l.end === null ? { start: 0, end: src.text.length, why: 'restricted' } : { start: l.start, end: l.end, why: 'restricted' });
  }
  return out;
}

function sourceKorero(src: SourceData, data: GateData, port: PseudoPort, options: ExportOptions, today: string, groupLabel: string): ReturnSource {
  const excluded = excludedSpans(src, data);
  const withheld: Record<string, number> = {};
  const skip = (why: string) => (withheld[why] = (withheld[why] ?? 0) + 1);
  const turns: ReturnSource['turns'] = [];
  for (const b of src.blocks) {
    if (b.kind !== 'turn' && b.kind !== 'text') continue;
    const hits = excluded.filter((e) => overlaps(e, b));
    const covered = hits.find((e) => e.start <= b.start && e.end >= b.end);
    if (covered) {
      skip(covered.why);
      continue;
    }
    const speaker = b.speakerId === null ? undefined : src.speakers.get(b.speakerId);
    const person = speaker?.participantId == null ? undefined : data.people.get(speaker.participantId);
    if (b.kind === 'turn' && !person) {
      skip('speaker not mapped to the register');
      continue;
    }
    if (person?.consent?.withdrawnOn && person.consent.withdrawnOn <= today) {
      skip('withdrawn');
      continue;
    }
    const cuts: QuoteCut[] = hits
      .map((e) => ({ start: Math.max(b.start, e.start), end: Math.min(b.end, e.end), mark: '[…]' as const }))
      .sort((x, y) => x.start - y.start);
    const fragments = quoteFragments(src, { start: b.start, end: b.end, cuts });
    if (!fragments.some((f) => /\p{L}/u.test(f.text))) continue;
    const pseudo = fragments.map((f) => ({ joiner: f.joiner, ...port.pseudonymise(f.text, f.before, f.after) }));
    if (pseudo.some((f) => f.unresolved.length)) {
      skip('identifier not yet reviewed');
      continue;
    }
    const speakers = speaker ? [speaker] : [];
    const attribution = decideAttribution(data, src, speakers, options);
    // Attributed to the group: its label, and the research team's facilitator told apart from the rōpū.
    const role = `${person?.role ?? ''} ${speaker?.role ?? ''}`;
    const label =
      attribution.by === 'group'
        ? /facilitator|interviewer|researcher/i.test(role) ? 'Facilitator' : groupLabel
        : attributionText(data, speakers, attribution, (f) => {
            // A role holding an undecided identifier is printed as a plain role, never as written.
            const c = port.pseudonymise(f);
            return c.unresolved.length ? 'participant' : c.text;
          }).replace(/^\((.*)\)$/s, '$1');
    turns.push({ speaker: label, text: joinFragments(pseudo), start: b.start, end: b.end });
  }
  const title = port.pseudonymise(src.title);
  const pending = port.detect(src.title).some((c) => c.status === 'pending');
  return { sourceId: src.id, title: title.unresolved.length || pending ? `Tikanga-based session ${src.id}` : title.text, kind: src.kind, turns, withheld };
}

/**
 * The codes applied to the group's kōrero in the group's own frames: kaupapa Māori frames, and any
 * frame chosen for its sessions. A mainstream code someone applied to the kōrero is not the group's.
 */
function codesApplied(core: FocalCore, sourceIds: number[], meta: MetadataGate): ReturnCode[] {
  if (!sourceIds.length) return [];
  const db = core.requireProject().db;
  const paths = codePaths(db);
  const rows = db
    .prepare(
      `SELECT f.name AS frame, f.kind AS frameKind, c.id AS codeId, COUNT(*) AS count FROM codings k
       JOIN codes c ON c.id = k.code_id JOIN code_frames f ON f.id = c.frame_id
       WHERE k.source_id IN (${sourceIds.map(() => '?').join(',')})
         AND (f.kind = 'kaupapa-maori' OR f.id IN (SELECT frame_id FROM frame_sources WHERE source_id = k.source_id))
       GROUP BY c.id`,
    )
    .all(...sourceIds) as Array<{ frame: string; frameKind: ReturnCode['frameKind']; codeId: number; count: number }>;
  return rows
    .map((r) => {
      const frame = meta.clean(r.frame);
      return { frame: frame.unresolved.length ? 'Code frame' : frame.text, frameKind: r.frameKind, path: meta.codePath(r.codeId, paths.get(r.codeId) ?? '?'), count: r.count };
    })
    .sort((a, b) => (a.frameKind === b.frameKind ? a.frame.localeCompare(b.frame, 'en-NZ') || a.path.localeCompare(b.path, 'en-NZ') : a.frameKind === 'kaupapa-maori' ? -1 : 1));
}

/** Refuses unless the group has standing collective consent for returning its kōrero. */
export function requireReturnConsent(data: GateData, groupId: number, today: string): void {
  const ok = data.collective.some((c) => c.groupId === groupId && c.givenOn <= today && (c.revokedOn === null || c.revokedOn > today) && c.forReturn);
  if (!ok) {
    const name = data.people.get(groupId)?.name ?? `group ${groupId}`;
    throw new FocalError('blocked-by-gate', `${name}'s collective consent does not cover the return of its kōrero. Record the group's consent "for return of findings" (Tikanga, collective consent), then export again.`);
  }
}

export function buildReturn(core: FocalCore, groupId: number, options: ExportOptions): ReturnDocument & { checked: ReturnType<typeof checkQuotes> } {
  const db = core.requireProject().db;
  const data = new GateData(db);
  const group = data.people.get(groupId);
  if (!group || group.kind !== 'group') throw new FocalError('not-found', `There is no group with id ${groupId}; a return export is for a rōpū, whānau, hapū or organisation in the register.`);
  const today = nzDate(core.now());
  requireReturnConsent(data, groupId, today);
  const opts = returnOptions(options);
  const sourceIds = groupSourceIds(data, db, groupId);
  if (!sourceIds.length) throw new FocalError('bad-input', `No tikanga-based transcript is ${group.name}'s: set a hui's group (the transcript's details), then export again.`);
  const port = pseudoPort(db);
  const meta = new MetadataGate(port);
  // The group's label is metadata: through the rules, a neutral label while it holds anything undecided.
  const raw = meta.clean(group.attribution?.trim() || group.pseudonym?.trim() || group.name);
  const label = (raw.unresolved.length ? 'the rōpū' : raw.text).replace(/, group interview$/i, '');
  const sources = sourceIds.map((id) => sourceKorero(data.source(id), data, port, opts, today, label));
  const checked = sourceIds.flatMap((sourceId) => checkQuotes(core, { sourceId }, opts));
  const quotes = checked.filter((q) => q.gate.passed && q.out).map((q) => ({ quoteId: q.id, text: q.out!.text, attribution: q.out!.attribution, codePath: q.out!.codePath }));
  return { groupId, groupLabel: label, sources, codes: codesApplied(core, sourceIds, meta), quotes, quotesBlocked: checked.length - quotes.length, checked };
}
