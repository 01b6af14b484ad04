/**
 * What the CLI says next to talk it prints: whether it is withdrawn (a withdrawn passage or a
 * withdrawn participant's turn), declined (a speaker declined to be quoted), or restricted (a tapu
 * passage, shown masked as •••• exactly as the app's views mask it). Terminal output is a view, like
 * the app's screens: the flags say what would never leave through an export.
 */
import type { Command } from 'commander';
import type { SourceDetail } from '../../shared/domain/project';
import type { TranscriptExportMark } from '../../shared/domain/quotes-from';
import type { FocalCore } from '../core/app/focal-core';
import { call } from './cli-context';

export type TalkFlag = 'withdrawn' | 'declined' | 'restricted';

export const VIEW_NOT_EXPORT =
  '\nTerminal output is a view, not an export: it shows talk as the app does (restricted (tapu) passages masked as ••••, ' +
  'withdrawn and declined talk flagged [withdrawn] / [declined]). Nothing printed here has passed the export gate; ' +
  'to take quotes out of the project, use focal export.';

/** Adds the view-not-export note to a command's --help. */
export function viewNotExport(cmd: Command): Command {
  return cmd.addHelpText('after', VIEW_NOT_EXPORT);
}

interface SourceFacts {
  detail: SourceDetail;
  marks: TranscriptExportMark[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** A flagger for one command: each source and participant is read once, through the same calls as the app. */
export function talkFlagger(core: FocalCore): (sourceId: number, start: number, end: number) => Promise<TalkFlag[]> {
  const sources = new Map<number, Promise<SourceFacts>>();
  const declined = new Map<number, Promise<boolean>>();
  const facts = (sourceId: number) => {
    if (!sources.has(sourceId)) {
      sources.set(
        sourceId,
        (async () => ({ detail: await call(core, 'source-get', { sourceId }), marks: await call(core, 'transcript-export-marks', { sourceId }) }))(),
      );
    }
    return sources.get(sourceId)!;
  };
  const hasDeclined = (participantId: number) => {
    if (!declined.has(participantId)) declined.set(participantId, call(core, 'participant-get', { id: participantId }).then((p) => p.consent?.quote === 'no'));
    return declined.get(participantId)!;
  };
  return async (sourceId, start, end) => {
    const range = { start, end: Math.max(end, start + 1) };
    const { detail, marks } = await facts(sourceId);
    const flags: TalkFlag[] = [];
    if (marks.some((m) => m.kind !== 'restricted' && overlaps(m, range))) flags.push('withdrawn');
    const people = new Set<number>();
    for (const b of detail.blocks) {
      if (b.kind !== 'turn' || b.speakerId === null || !overlaps(b, range)) continue;
      const p = detail.speakers.find((s) => s.id === b.speakerId)?.participantId;
      if (p !== null && p !== undefined) people.add(p);
    }
    for (const p of people) {
      if (await hasDeclined(p)) {
        flags.push('declined');
        break;
      }
    }
    if ((detail.masked ?? []).some((m) => overlaps(m, range)) || marks.some((m) => m.kind === 'restricted' && overlaps(m, range))) flags.push('restricted');
    return flags;
  };
}

/** `[withdrawn] [declined] ` before a row, or nothing. */
export const flagText = (flags: TalkFlag[]) => (flags.length ? `${flags.map((f) => `[${f}]`).join(' ')} ` : '');
