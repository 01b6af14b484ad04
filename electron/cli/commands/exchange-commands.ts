/** `focal qdc export|import`: REFI-QDA codebooks out of and into a project's code frames. */
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { fold } from '../../../shared/text/fold';
import type { FocalCore } from '../../core/app/focal-core';
import { call, CliError, makeCore, print, withProject, type Output } from '../cli-context';

/** The frame named (macrons and case optional), or the only one; several and none named is a usage error. */
async function chooseFrame(core: FocalCore, name: string | undefined): Promise<number> {
  const frames = await call(core, 'frames-list', {});
  const list = frames.map((f) => `"${f.name}"`).join(', ');
  if (name === undefined) {
    if (frames.length === 1) return frames[0]!.id;
    throw new CliError(`this project has ${frames.length} code frames (${list}); choose one with --frame`, 2);
  }
  const want = fold(name.trim());
  const f = frames.find((x) => fold(x.name) === want);
  if (!f) throw new CliError(`no code frame named "${name}"; frames: ${list}`);
  return f.id;
}

export function registerExchangeCommands(program: Command, output: (json: boolean) => Output): void {
  const qdc = program.command('qdc').description('REFI-QDA codebooks (.qdc): exchange code trees with NVivo, ATLAS.ti, MAXQDA, QualCoder');
  qdc
    .command('export <project>')
    .description("write a frame's codes as a REFI-QDA codebook (validated against the Codebook schema), or as a CSV codebook report with counts")
    .requiredOption('--out <file>', 'file to write')
    .option('--frame <name>', 'the code frame (needed when the project has several)')
    .option('--format <format>', 'qdc (default), csv or docx (a Word codebook report)', 'qdc')
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { out: string; frame?: string; format: string; json?: boolean }) => {
      if (o.format !== 'qdc' && o.format !== 'csv' && o.format !== 'docx') throw new CliError(`--format must be qdc, csv or docx, not "${o.format}"`, 2);
      const out = resolve(o.out);
      await withProject(project, async (core) => {
        // The CLI's "dialog" is --out: the file is still written (and audited) by the core.
        core.host.chooseExportPath = async () => out;
        const frameId = await chooseFrame(core, o.frame);
        const r = await call(core, 'qdc-export', { frameId, format: o.format as 'qdc' | 'csv' | 'docx' });
        print(output(!!o.json), r, () => `Exported ${r.codes} code(s) as a ${r.format === 'qdc' ? 'REFI-QDA codebook' : r.format === 'csv' ? 'CSV codebook report' : 'Word codebook report'} to ${r.path} (sha256 ${r.sha256})`);
      });
    });
  qdc
    .command('import <project> <file>')
    .description('import a REFI-QDA codebook into a frame: codes matched by GUID, then by path; never duplicated; one undo step')
    .option('--frame <name>', 'the code frame to import into (needed when the project has several)')
    .option('--new-frame <name>', 'import into a new code frame of this name instead')
    .option('--kind <kind>', 'the new frame: mainstream (default) or kaupapa-maori', 'mainstream')
    .option('--lenient', 'import what is readable from a file that does not match the schema (its problems are listed)')
    .option('--json', 'machine-readable output')
    .action(async (project: string, file: string, o: { frame?: string; newFrame?: string; kind: string; lenient?: boolean; json?: boolean }) => {
      if (o.frame !== undefined && o.newFrame !== undefined) throw new CliError('give --frame or --new-frame, not both', 2);
      if (o.kind !== 'mainstream' && o.kind !== 'kaupapa-maori') throw new CliError(`--kind must be mainstream or kaupapa-maori, not "${o.kind}"`, 2);
      const path = resolve(file);
      await withProject(project, async (core) => {
        const target = o.newFrame !== undefined ? { newFrame: { name: o.newFrame, kind: o.kind as 'mainstream' | 'kaupapa-maori' } } : { frameId: await chooseFrame(core, o.frame) };
        const r = await call(core, 'qdc-import', { file: { name: basename(path), path }, ...target, lenient: !!o.lenient });
        print(output(!!o.json), r, () =>
          [
            `Imported ${r.file} into the frame "${r.frameName}": ${r.created} created, ${r.matched} matched, ${r.renamed.length} renamed, ${r.moved} moved, ${r.updated} updated${r.undoLabel ? '' : ' (nothing changed)'}`,
            ...r.renamed.map((x) => `  renamed "${x.from}" to "${x.to}"`),
            ...r.warnings.map((w) => `  note: ${w}`),
          ].join('\n'),
        );
      });
    });
}

/** `focal qdpx import|export`: whole projects in and out as REFI-QDA (.qdpx). */
export function registerQdpxCommands(program: Command, output: (json: boolean) => Output): void {
  const qdpx = program.command('qdpx').description('REFI-QDA projects (.qdpx): whole projects in from and out to NVivo, ATLAS.ti, MAXQDA, QualCoder; a de-identified deposit');
  qdpx
    .command('import <file>')
    .description('import a .qdpx as a NEW project: sources with speaker detection, codes, codings with coders, notes as memos, cases and variables as participants and attributes; nothing is left behind on failure')
    .requiredOption('--out <new.focal>', 'the new project file (must not exist)')
    .option('--lenient', 'import what is readable from a file the Project schema rejects (its problems are listed)')
    .option('--json', 'machine-readable output')
    .action(async (file: string, o: { out: string; lenient?: boolean; json?: boolean }) => {
      const path = resolve(file);
      const core = makeCore();
      try {
        const r = await call(core, 'qdpx-import', { file: { name: basename(path), path }, out: resolve(o.out), lenient: !!o.lenient });
        const c = r.counts;
        print(output(!!o.json), r, () =>
          [
            `Imported ${r.file} as ${r.project}: ${c.sources} source(s), ${c.codes} code(s), ${c.codings} coding(s), ${c.memos} memo(s), ${c.participants} participant(s) with ${c.attributes} attribute(s), ${c.speakersMapped} speaker label(s) mapped, ${c.coders} coder(s)`,
            ...(r.skipped.length ? [`  skipped ${r.skipped.length} source(s) Focal cannot hold: ${r.skipped.map((s) => `${s.name} (${s.kind})`).join(', ')}`] : []),
            ...r.codingsNotImported.map((x) => `  coding not imported: ${x}`),
            ...r.recordings.map((x) => `  ${x}`),
            ...r.warnings.map((w) => `  note: ${w}`),
            `  ${r.tikangaQuestion}`,
          ].join('\n'),
        );
      } finally {
        core.dispose();
      }
    });
  qdpx
    .command('export <project>')
    .description('write the project as a .qdpx (validated against the Project schema) through the gate: full (identifiable; restricted, unreleased and withdrawn material left out) or deposit (pseudonymised; refused while identifiers are undecided)')
    .requiredOption('--out <file>', 'file to write')
    .option('--profile <profile>', 'full (default) or deposit', 'full')
    .option('--attribute <name...>', 'deposit: participant attributes judged safe to include (none unless named)')
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { out: string; profile: string; attribute?: string[]; json?: boolean }) => {
      if (o.profile !== 'full' && o.profile !== 'deposit') throw new CliError(`--profile must be full or deposit, not "${o.profile}"`, 2);
      const out = resolve(o.out);
      await withProject(project, async (core) => {
        core.host.chooseExportPath = async () => out;
        const r = await call(core, 'qdpx-export', { profile: o.profile as 'full' | 'deposit', attributes: o.attribute ?? [] });
        const c = r.counts;
        const left = Object.entries(r.leftOut).map(([k, n]) => `${n} ${k}`);
        print(output(!!o.json), r, () =>
          [
            `Exported ${c.sources} source(s), ${c.codes} code(s), ${c.codings} coding(s), ${c.memos} memo(s), ${c.cases} case(s) as a REFI-QDA project (${r.profile}) to ${r.path} (sha256 ${r.sha256})`,
            ...(left.length ? [`  left out: ${left.join(', ')}`] : []),
            ...r.notes.map((n) => `  note: ${n}`),
          ].join('\n'),
        );
      });
    });
}
