/**
 * `focal check` and the app's check: every consent and pseudonymisation problem in the project,
 * each with the fix. Read-only; the gate still decides each quote on its own at export time.
 */
import type { Problem } from '../../../shared/domain/quotes';
import type { ProjectDb } from '../db/open-project';
import type { Job } from '../jobs/jobs';
import { GateData } from '../gate/gate-data';
import { pseudoPort } from '../gate/pseudo-port';
import { loadPseudoContext, pseudonymCollisions } from '../pseudonyms';
import { quoteGroups } from '../gate/rows';
import { unclassifiedNotes } from './note-check';
import { restrictedSpans, undecidedForReason } from '../tikanga/mask-reasons';
import { kaitiakiProblems } from '../kaitiaki/check';
import { withdrawalEffects } from './withdrawal';

export function projectCheck(db: ProjectDb): Problem[] {
  const out: Problem[] = [];
  for (const _ of checkSteps(db, out));
  return out;
}

/** The check as a job: progress per transcript, stoppable between transcripts (it writes nothing). */
export async function projectCheckJob(db: ProjectDb, job: Job): Promise<Problem[]> {
  const out: Problem[] = [];
  for (const step of checkSteps(db, out)) {
    job.progress(step.done, step.total, `Checking “${step.title}”`);
    await job.tick();
  }
  return out;
}

/**
 * The check, one transcript at a time: each is read (text, turns, marks), detected and checked,
 * then let go before the next, so memory is that of one transcript whatever the project's size.
 */
function* checkSteps(db: ProjectDb, out: Problem[]): Generator<{ done: number; total: number; title: string }> {
  const data = new GateData(db);
  const speakers = db
    .prepare(
      `SELECT sp.id, sp.label, sp.participant_id AS participantId, sp.source_id AS sourceId, s.title
       FROM speakers sp JOIN sources s ON s.id = sp.source_id WHERE sp.not_speaker = 0 ORDER BY sp.source_id, sp.id`,
    )
    .all() as Array<{ id: number; label: string; participantId: number | null; sourceId: number; title: string }>;
  for (const s of speakers.filter((x) => x.participantId === null)) {
    out.push({ kind: 'speaker-unmapped', severity: 'error', message: `"${s.label}" in "${s.title}" is not mapped to anyone in the register.`, fix: 'Map the speaker label in the speaker review.', sourceId: s.sourceId, speakerId: s.id });
  }
  const speaking = new Set(speakers.map((s) => s.participantId).filter((x): x is number => x !== null));
  for (const id of speaking) {
    const p = data.people.get(id);
    if (!p || p.kind !== 'person') continue;
    if (!p.consent || p.consent.quote === 'unknown') out.push({ kind: 'consent-missing', severity: 'error', message: `${p.name} has no consent to be quoted recorded.`, fix: `Record ${p.name}'s consent in the participant register.`, participantId: id });
    else if (p.consent.quote === 'no') out.push({ kind: 'quote-consent-declined', severity: 'warning', message: `${p.name} declined to be quoted: none of their talk will be exported.`, fix: 'Nothing to do; quote other speakers.', participantId: id });
    if (!p.pseudonym?.trim() && p.consent?.quote !== 'no') out.push({ kind: 'pseudonym-missing', severity: 'error', message: `${p.name} speaks but has no pseudonym.`, fix: `Set or generate a pseudonym for ${p.name}.`, participantId: id });
    if (p.consent?.withdrawnOn) {
      const fx = withdrawalEffects(db, id);
      if (fx.segments.length || fx.quotes.length) {
        out.push({
          kind: 'withdrawn-with-codings',
          severity: 'warning',
          message: `${p.name} withdrew on ${p.consent.withdrawnOn}, but ${fx.segments.length} coded segment(s) and ${fx.quotes.length} quote(s) hold their talk; none of it will be exported.`,
          fix: 'Review the affected segments and quotes (withdrawal effects).',
          participantId: id,
        });
      }
    }
  }
  // A pseudonym that is a real name prints that name; two people with one pseudonym are confused.
  for (const c of pseudonymCollisions(loadPseudoContext(db))) {
    const p = data.people.get(c.participantId);
    const who = p?.name ?? `Participant ${c.participantId}`;
    const message =
      c.reason === 'duplicate'
        ? `${who} and ${c.matches} have the same pseudonym, “${c.pseudonym}”: their quotes would read as one person's.`
        : c.reason === 'own-name'
          ? `${who}'s pseudonym “${c.pseudonym}” is part of their own name${p?.consent?.named === 'yes' ? ' (they consented to be named)' : ''}.`
          : `${who}'s pseudonym “${c.pseudonym}” is the real name of ${c.matches}: it would print that name.`;
    const severity = c.reason === 'own-name' && p?.consent?.named === 'yes' ? 'warning' : 'error';
    out.push({ kind: 'pseudonym-collision', severity, message, fix: `Choose another pseudonym for ${who} (or use Suggest).`, participantId: c.participantId });
  }
  const port = pseudoPort(db);
  const sources = db.prepare('SELECT id, title, mode FROM sources ORDER BY id').all() as Array<{ id: number; title: string; mode: string }>;
  for (const [at, s] of sources.entries()) {
    yield { done: at, total: sources.length, title: s.title };
    const src = data.source(s.id);
    data.forget(s.id);
    // Inside a restricted (tapu) passage an identifier is named by kind and position only (tikanga/mask-reasons.ts).
    const { shown, hidden } = undecidedForReason(src, restrictedSpans(src.labels, src.text.length), [{ start: 0, end: src.text.length }], port.detect(src.text).filter((c) => c.status === 'pending'));
    const pending = [...hidden, ...shown.map((t) => `“${t}”`)]; // restricted ones first, so the cut at 8 never hides them
    if (pending.length) {
      out.push({ kind: 'identifiers-pending', severity: 'error', message: `"${s.title}" has ${pending.length} detected identifier(s) nobody has decided on: ${pending.slice(0, 8).join(', ')}${pending.length > 8 ? ', …' : ''}.`, fix: 'Review the candidates (focal pseudo scan).', sourceId: s.id });
    }
    for (const n of src.withdrawalNotes) {
      if (!src.marks.some((m) => m.kind === 'withdrawn' && m.start <= n.start && m.end >= n.end)) {
        out.push({ kind: 'withdrawal-note-unmarked', severity: 'warning', message: `"${s.title}" notes [${n.note}] but the passage is not marked withdrawn (Focal treats the turn as withdrawn anyway).`, fix: 'Mark the passage withdrawn so the record says so.', sourceId: s.id });
      }
    }
    if (s.mode !== 'tikanga') continue;
    const groups = quoteGroups({ data, src });
    if (!groups.length) {
      out.push({ kind: 'tikanga-no-group', severity: 'error', message: `"${s.title}" is tikanga-based but has no group whose consent and kaitiaki cover it.`, fix: "Set the transcript's group in its details.", sourceId: s.id });
      continue;
    }
    for (const g of groups) {
      const grp = data.people.get(g);
      if (!data.collective.some((c) => c.groupId === g && c.revokedOn === null && c.forQuotes)) {
        out.push({ kind: 'collective-consent-missing', severity: 'warning', message: `${grp?.name ?? 'The group'} has no collective consent for quotes; no quote from "${s.title}" can be exported.`, fix: `Record ${grp?.name ?? 'the group'}'s collective consent.`, sourceId: s.id, participantId: g });
      }
      if (grp && grp.kaitiakiId === null) {
        out.push({ kind: 'kaitiaki-missing', severity: 'warning', message: `${grp.name} has no kaitiaki named for its data.`, fix: `Name ${grp.name}'s kaitiaki.`, participantId: g });
      }
    }
  }
  yield { done: sources.length, total: sources.length, title: 'every transcript' };
  out.push(...unclassifiedNotes(db));
  out.push(...kaitiakiProblems(db));
}
