/** `focal media link|unlink|show`: the recording beside a transcript (never copied into the project). */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { formatTimestamp } from '../../../shared/format/timestamps';
import { call, CliError, print, withProject, type Output } from '../cli-context';

function sourceIdOf(raw: string): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id < 1) throw new CliError(`--source wants a transcript id (a whole number), not '${raw}'`, 2);
  return id;
}

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

export function registerMediaCommands(program: Command, output: (json: boolean) => Output): void {
  const media = program.command('media').description('recordings linked to transcripts (kept beside the project, never inside it)');
  media
    .command('link <project> <file>')
    .description('link a recording (mp3, m4a, wav, ogg, opus, mp4, webm, mov) to a transcript; the path (relative to the project when beside it), size and SHA-256 are stored')
    .requiredOption('--source <id>', 'the transcript (its id, as `focal info` shows)')
    .option('--json', 'machine-readable output')
    .action(async (project: string, file: string, o: { source: string; json?: boolean }) => {
      const sourceId = sourceIdOf(o.source);
      await withProject(project, async (core) => {
        const link = await call(core, 'media-link', { sourceId, path: resolve(file) });
        print(output(!!o.json), link, () => `Linked ${link.fileName} (${link.kind}, ${size(link.size)}, sha256 ${link.sha256.slice(0, 12)}…) to transcript ${sourceId} as ${link.relative ? `./${link.path}` : link.path}`);
      });
    });
  media
    .command('unlink <project>')
    .description('remove the link between a transcript and its recording (the file itself stays where it is)')
    .requiredOption('--source <id>', 'the transcript')
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { source: string; json?: boolean }) => {
      const sourceId = sourceIdOf(o.source);
      await withProject(project, async (core) => {
        await call(core, 'media-unlink', { sourceId });
        print(output(!!o.json), { sourceId, unlinked: true }, () => `Unlinked the recording of transcript ${sourceId}`);
      });
    });
  media
    .command('show <project>')
    .description('the recording linked to a transcript, whether it is where the link says (a moved file is found again by name and hash), and its turn times')
    .requiredOption('--source <id>', 'the transcript')
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { source: string; json?: boolean }) => {
      const sourceId = sourceIdOf(o.source);
      await withProject(project, async (core) => {
        const info = await call(core, 'media-get', { sourceId });
        const { streamKey: _key, ...shown } = info;
        print(output(!!o.json), shown, () =>
          [
            info.link ? `${info.link.fileName}: ${info.status}${info.relinked ? ' (found again after a move)' : ''} — ${info.link.relative ? `./${info.link.path}` : info.link.path}` : `Transcript ${sourceId} has no recording linked`,
            ...(info.refusal ? [info.refusal] : []),
            ...info.skip.map((s) => `skipped (restricted): ${formatTimestamp(s.startMs)}–${s.endMs === null ? 'end' : formatTimestamp(s.endMs)}`),
            `${info.turns.length} timed turns${info.syncPoints.length ? `, ${info.syncPoints.length} sync points` : ''}`,
          ].join('\n'),
        );
      });
    });
}
