/** `focal code add|apply|list` and `focal segments`: the code tree and coding from the command line. */
import type { Command } from 'commander';
import type { Code } from '../../../shared/domain/project';
import type { FocalCore } from '../../core/app/focal-core';
import { call, CliError, print, withProject, type Output } from '../cli-context';
import { flagText, talkFlagger, viewNotExport } from '../talk-flags';
import { formatTimestamp } from '../../../shared/format/timestamps';

async function frameId(core: FocalCore, name: string | undefined): Promise<number> {
  const frames = await call(core, 'frames-list', {});
  if (!name) return frames[0]!.id;
  const f = frames.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!f) throw new CliError(`no code frame named "${name}"; frames: ${frames.map((x) => x.name).join(', ')}`);
  return f.id;
}

/** Code paths are written like folders: "Whānau/Connection". */
function pathOf(code: Code, byId: Map<number, Code>): string {
  const parts = [code.name];
  let p = code.parentId !== null ? byId.get(code.parentId) : undefined;
  while (p) {
    parts.unshift(p.name);
    p = p.parentId !== null ? byId.get(p.parentId) : undefined;
  }
  return parts.join('/');
}

async function findCode(core: FocalCore, path: string, frame?: string): Promise<Code> {
  const codes = await call(core, 'codes-list', frame ? { frameId: await frameId(core, frame) } : {});
  const byId = new Map(codes.map((c) => [c.id, c]));
  const want = path.normalize('NFC').toLowerCase();
  const found = codes.filter((c) => pathOf(c, byId).toLowerCase() === want);
  if (found.length !== 1) throw new CliError(found.length ? `"${path}" names codes in several frames; add --frame` : `no code "${path}"; see focal code list`);
  return found[0]!;
}

export function registerCodeCommands(program: Command, output: (json: boolean) => Output): void {
  const code = program.command('code').description('the code tree and coding');

  code
    .command('add <project> <path>')
    .description('add a code; a path such as "Whānau/Connection" creates missing parents')
    .option('--frame <name>', 'code frame (default: the first)')
    .option('--color <hex>', 'colour as #rrggbb')
    .option('--json', 'machine-readable output')
    .action(async (project: string, path: string, opts: { frame?: string; color?: string; json?: boolean }) => {
      await withProject(project, async (core) => {
        const fid = await frameId(core, opts.frame);
        let parentId: number | null = null;
        let made: Code | undefined;
        const names = path.split('/').map((s) => s.trim()).filter(Boolean);
        for (const [i, name] of names.entries()) {
          const siblings = (await call(core, 'codes-list', { frameId: fid })).filter((c) => c.parentId === parentId);
          const existing = siblings.find((c) => c.name.toLowerCase() === name.normalize('NFC').toLowerCase());
          const last = i === names.length - 1;
          if (existing && last) throw new CliError(`a code "${path}" already exists`);
          made = existing ?? (await call(core, 'code-create', { frameId: fid, parentId, name, ...(last && opts.color ? { color: opts.color } : {}) }));
          parentId = made.id;
        }
        if (!made) throw new CliError('give a code name');
        print(output(!!opts.json), made, () => `Added code ${path} (id ${made!.id}, ${made!.color})`);
      });
    });

  code
    .command('apply <project>')
    .description('apply a code to a range of a transcript (UTF-16 offsets, as in the app)')
    .requiredOption('--source <id>', 'transcript id (see focal info / sources)')
    .requiredOption('--start <n>', 'start offset')
    .requiredOption('--end <n>', 'end offset')
    .requiredOption('--code <path>', 'code path, e.g. "Whānau/Connection"')
    .option('--frame <name>', 'code frame, when the path is ambiguous')
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { source: string; start: string; end: string; code: string; frame?: string; json?: boolean }) => {
      await withProject(project, async (core) => {
        const c = await findCode(core, o.code, o.frame);
        const coding = await call(core, 'coding-apply', { codeId: c.id, sourceId: Number(o.source), start: Number(o.start), end: Number(o.end) });
        print(output(!!o.json), coding, () => `Coded ${coding.start}–${coding.end} of source ${coding.sourceId} with ${o.code}`);
      });
    });

  code
    .command('auto <project>')
    .description('auto-code every match of a text (macrons optional) or every turn of a speaker; --dry-run previews')
    .requiredOption('--code <path>', 'code path, e.g. "Whānau"')
    .option('--pattern <text>', 'text to find (macrons, double vowels and dashes folded)')
    .option('--speaker <name>', 'speaker label, or the name of the participant it is mapped to')
    .option('--whole-word', 'only whole words match --pattern')
    .option('--turn', 'code the whole turn a match is in, not just the match')
    .option('--frame <name>', 'code frame, when the path is ambiguous')
    .option('--dry-run', 'show what would be coded; change nothing')
    .option('--json', 'machine-readable output')
    .action(
      async (
        project: string,
        o: { code: string; pattern?: string; speaker?: string; wholeWord?: boolean; turn?: boolean; frame?: string; dryRun?: boolean; json?: boolean },
      ) => {
        if ((o.pattern === undefined) === (o.speaker === undefined)) throw new CliError('give either --pattern TEXT or --speaker NAME');
        await withProject(project, async (core) => {
          const c = await findCode(core, o.code, o.frame);
          const input = {
            codeId: c.id,
            ...(o.pattern !== undefined ? { pattern: o.pattern, wholeWord: !!o.wholeWord, scope: o.turn ? ('turn' as const) : ('match' as const) } : { speaker: o.speaker as string }),
          };
          if (o.dryRun) {
            const p = await call(core, 'autocode-preview', input);
            print(output(!!o.json), p, () =>
              p.count === 0
                ? 'Nothing to code.'
                : [
                    `Would code ${p.count - p.alreadyCoded} passage(s) in ${p.sources} source(s) with ${o.code}${p.alreadyCoded ? ` (${p.alreadyCoded} already coded)` : ''}:`,
                    ...p.ranges.map((r) => `  ${r.sourceTitle} ${r.start}–${r.end}${r.speaker ? ` ${r.speaker}` : ''}: “${r.text.length > 80 ? `${r.text.slice(0, 80)}…` : r.text}”`),
                    ...(p.truncated ? [`  … and ${p.count - p.ranges.length} more`] : []),
                  ].join('\n'),
            );
            return;
          }
          const r = await call(core, 'autocode-apply', input);
          print(output(!!o.json), r, () => `Coded ${r.coded} passage(s) with ${o.code}${r.skipped ? `; ${r.skipped} already coded` : ''}`);
        });
      },
    );

  code
    .command('list <project>')
    .description('the code tree with counts')
    .option('--frame <name>', 'only this frame')
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { frame?: string; json?: boolean }) => {
      await withProject(project, async (core) => {
        const codes = await call(core, 'codes-list', o.frame ? { frameId: await frameId(core, o.frame) } : {});
        const byId = new Map(codes.map((c) => [c.id, c]));
        const rows = codes.map((c) => ({ ...c, path: pathOf(c, byId) }));
        print(output(!!o.json), rows, () =>
          rows.length ? rows.map((c) => `${c.path}  (${c.counts.segments} segments, ${c.counts.sources} sources, ${c.counts.participants} participants)`).join('\n') : 'No codes yet.',
        );
      });
    });

  viewNotExport(program.command('segments <project>'))
    .description("a code's coded segments with speaker and source (restricted passages masked; withdrawn and declined talk flagged)")
    .requiredOption('--code <path>', 'code path')
    .option('--frame <name>', 'code frame, when the path is ambiguous')
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { code: string; frame?: string; json?: boolean }) => {
      await withProject(project, async (core) => {
        const c = await findCode(core, o.code, o.frame);
        const flag = talkFlagger(core);
        const segs = await Promise.all((await call(core, 'segments-list', { codeId: c.id })).map(async (s) => ({ ...s, flags: await flag(s.sourceId, s.start, s.end) })));
        print(output(!!o.json), segs, () =>
          segs.length ? segs.map((s) => `${flagText(s.flags)}${s.sourceTitle}${s.time ? ` @ ${formatTimestamp(s.time.start * 1000)}` : ''} — ${s.speakers.map((p) => p.name ?? p.label).join(', ') || 'no speaker'}:\n  “${s.text}”`).join('\n') : `No segments coded with ${o.code}.`,
        );
      });
    });
}
