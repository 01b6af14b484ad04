/** `focal show`: a transcript as turns, as the app's transcript view shows it (masked where it masks). */
import type { Command } from 'commander';
import { formatTimestamp } from '../../../shared/format/timestamps';
import { call, CliError, print, withProject, type Output } from '../cli-context';
import { flagText, talkFlagger, viewNotExport, type TalkFlag } from '../talk-flags';

interface ShownTurn {
  kind: 'turn' | 'note' | 'heading' | 'text';
  speaker: string | null;
  participant: string | null;
  start: number;
  end: number;
  time: { start: number; end: number | null } | null;
  text: string;
  flags: TalkFlag[];
}


export function registerShowCommand(program: Command, output: (json: boolean) => Output): void {
  viewNotExport(program.command('show <project>'))
    .description('a transcript as turns: speaker, offsets (UTF-16, as the app uses), time where the file gave one, and the words (restricted passages masked)')
    .requiredOption('--source <id>', 'the transcript (its id, as `focal info`/the app show)')
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { source: string; json?: boolean }) => {
      const sourceId = Number(o.source);
      if (!Number.isInteger(sourceId) || sourceId < 1) throw new CliError(`--source wants a transcript id (a whole number), not '${o.source}'`, 2);
      await withProject(project, async (core) => {
        // source-get masks restricted passages for this viewer exactly as the transcript view does.
        const s = await call(core, 'source-get', { sourceId });
        const flag = talkFlagger(core);
        const people = new Map((await call(core, 'participants-list', {})).map((p) => [p.id, p.name]));
        const speakers = new Map(s.speakers.map((sp) => [sp.id, sp]));
        const turns: ShownTurn[] = [];
        for (const b of s.blocks) {
          const sp = b.speakerId === null ? undefined : speakers.get(b.speakerId);
          turns.push({
            kind: b.kind,
            speaker: sp?.label ?? null,
            participant: sp?.participantId ? (people.get(sp.participantId) ?? null) : null,
            start: b.start,
            end: b.end,
            time: b.startMs === null ? null : { start: b.startMs / 1000, end: b.endMs === null ? null : b.endMs / 1000 },
            text: s.text.slice(b.start, b.end),
            flags: b.kind === 'turn' || b.kind === 'text' ? await flag(sourceId, b.start, b.end) : [],
          });
        }
        print(output(!!o.json), { sourceId, title: s.title, mode: s.mode, masked: s.masked ?? [], turns }, () =>
          [
            `${s.title} (${s.mode === 'tikanga' ? 'tikanga-based' : 'mainstream'}, ${turns.length} blocks)${s.masked?.length ? ' · restricted passages masked' : ''}`,
            ...turns.map((t) => {
              const who = t.kind === 'turn' ? `${t.speaker ?? '?'}${t.participant && t.participant !== t.speaker ? ` (${t.participant})` : ''}` : `[${t.kind}]`;
              const at = t.time ? ` ${formatTimestamp(t.time.start * 1000)}` : '';
              return `${flagText(t.flags)}${who}${at}  ${t.start}–${t.end}\n  ${t.text.replace(/\n/g, '\n  ')}`;
            }),
          ].join('\n'),
        );
      });
    });
}
