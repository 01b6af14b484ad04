/**
 * The speaker review on the command line, as the app's: `focal speakers` lists every label with
 * its transcript, turns and suggestion; `focal speakers accept` is the app's "Accept all"; and
 * `focal speakers map` links one label to a person (existing or new) or marks it not a speaker.
 * Labels only: no transcript text is printed.
 */
import type { Command } from 'commander';
import type { SpeakerReviewRow } from '../../../shared/domain/project';
import { fold } from '../../../shared/text/fold';
import type { FocalCore } from '../../core/app/focal-core';
import { call, CliError, print, withProject, type Output } from '../cli-context';

function sourceId(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n <= 0) throw new CliError(`--source wants a source id (a whole number, see focal info), not '${value}'`, 2);
  return n;
}

const turns = (n: number) => `${n} turn${n === 1 ? '' : 's'}`;

function state(r: SpeakerReviewRow, names: Map<number, string>): string {
  if (r.notSpeaker) return 'not a speaker';
  if (r.participantId !== null) return `linked: ${names.get(r.participantId) ?? r.suggestion.name} (${r.role})`;
  if (r.suggestion.generic) return `→ ask who the ${r.suggestion.role} was (focal speakers map --participant NAME)`;
  if (r.suggestion.participantId !== null) return `→ ${r.suggestion.name} (${r.suggestion.role})`;
  return `→ new participant "${r.suggestion.name}" (${r.suggestion.role})`;
}

function listText(rows: SpeakerReviewRow[], names: Map<number, string>): string {
  if (!rows.length) return 'No speaker labels: the transcripts have no turns by named speakers.';
  const width = Math.min(40, Math.max(...rows.map((r) => r.label.length)));
  const lines: string[] = [];
  let current = -1;
  for (const r of rows) {
    if (r.sourceId !== current) {
      current = r.sourceId;
      lines.push(`${r.sourceTitle} (source ${r.sourceId})`);
    }
    lines.push(`  ${r.label.padEnd(width)}  ${turns(r.turnCount).padStart(9)}  ${state(r, names)}`);
  }
  const open = rows.filter((r) => r.participantId === null && !r.notSpeaker).length;
  lines.push(`${rows.length} label${rows.length === 1 ? '' : 's'}, ${open} not linked yet${open ? ' (focal speakers accept links each to its suggestion)' : ''}`);
  return lines.join('\n');
}

async function participantNames(core: FocalCore): Promise<Map<number, string>> {
  return new Map((await call(core, 'participants-list', {})).map((p) => [p.id, p.name]));
}

/** The one label called `label` (as written, or ignoring case and macrons), in `source` or in the only transcript that has it. */
async function findLabel(core: FocalCore, label: string, source: number | undefined): Promise<SpeakerReviewRow> {
  const rows = await call(core, 'speakers-review', source === undefined ? {} : { sourceId: source });
  const exact = rows.filter((r) => r.label === label);
  const hits = exact.length ? exact : rows.filter((r) => fold(r.label) === fold(label));
  if (hits.length === 1) return hits[0]!;
  if (hits.length > 1) {
    throw new CliError(`'${label}' is a label in ${hits.length} transcripts (${hits.map((h) => `source ${h.sourceId}`).join(', ')}); choose one with --source ID`, 2);
  }
  if (source !== undefined) throw new CliError(`source ${source} has no speaker label '${label}'; its labels are: ${rows.map((r) => r.label).join(', ') || 'none'}`);
  throw new CliError(`no transcript has a speaker label '${label}'; focal speakers lists them`);
}

function listOptions(args: string[]): { source?: string; json: boolean } {
  const o: { source?: string; json: boolean } = { json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') o.json = true;
    else if (a === '--source') o.source = args[++i] ?? '';
    else if (a.startsWith('--source=')) o.source = a.slice('--source='.length);
    else throw new CliError(`focal speakers takes --source ID and --json, not '${a}'`, 2);
  }
  return o;
}

interface MapOptions {
  label?: string;
  source?: string;
  participant?: string;
  new?: string;
  role?: string;
  notSpeaker?: boolean;
  json?: boolean;
}

export function registerSpeakersCommands(program: Command, output: (json: boolean) => Output): void {
  // The list's `--source` and `--json` are read by hand: declared here, commander would take them
  // from the subcommands too (accept, map), which have their own.
  const speakers = program
    .command('speakers')
    .description('the speaker review: labels, suggestions, linking labels to people (options: --source ID, --json)')
    .argument('<project>')
    .argument('[options...]', '--source ID (only this source), --json (machine-readable output)')
    .allowUnknownOption()
    .action(async (project: string, rest: string[]) => {
      const o = listOptions(rest);
      const only = sourceId(o.source);
      await withProject(project, async (core) => {
        const rows = await call(core, 'speakers-review', only === undefined ? {} : { sourceId: only });
        const names = await participantNames(core);
        print(output(o.json), rows, () => listText(rows, names));
      });
    });

  speakers
    .command('accept <project>')
    .description('link every label not yet linked to its suggestion, as the app\'s Accept all (labels naming only a role are asked about)')
    .option('--source <id>', 'only this source')
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { source?: string; json?: boolean }) => {
      const only = sourceId(o.source);
      await withProject(project, async (core) => {
        const r = await call(core, 'speakers-accept-all', only === undefined ? {} : { sourceIds: [only] });
        print(output(!!o.json), r, () => {
          if (r.linked === 0 && !r.question) return 'Nothing to link: every label is linked or marked not a speaker';
          const left = r.question?.labels.length ?? 0;
          const lines = [`${r.linked} label${r.linked === 1 ? '' : 's'} linked; ${left} left to decide`];
          if (r.question) lines.push(`who is ${r.question.labels.map((l) => `'${l}'`).join(', ')}? focal speakers map --label LABEL --participant NAME`);
          return lines.join('\n');
        });
      });
    });

  speakers
    .command('map <project> [label] [person]')
    .description('link one label to a person in the register (PERSON or --participant), to a new person (--new, --role), or mark it --not-speaker')
    .option('--label <label>', 'the speaker label as written in the transcript')
    .option('--source <id>', 'the transcript, when the label is in more than one')
    .option('--participant <name>', 'a participant already in the register')
    .option('--new <name>', 'create this participant and link the label to them')
    .option('--role <role>', 'their role in the session (participant, facilitator, interviewer, kaumātua, …)')
    .option('--not-speaker', 'the label is not a speaker (a heading, a form field): its turns become unattributed text')
    .option('--json', 'machine-readable output')
    .action(async (project: string, labelArg: string | undefined, personArg: string | undefined, o: MapOptions) => {
      const label = o.label ?? labelArg;
      if (!label) throw new CliError('give the label to map: --label LABEL (or as the first word after the project)', 2);
      const person = o.participant ?? (o.label === undefined ? personArg : (labelArg ?? personArg));
      const choices = [person !== undefined, o.new !== undefined, !!o.notSpeaker].filter(Boolean).length;
      if (choices !== 1) throw new CliError('give one of --participant NAME, --new NAME or --not-speaker (exactly one)', 2);
      const only = sourceId(o.source);
      await withProject(project, async (core) => {
        const row = await findLabel(core, label, only);
        const role = o.role?.trim() || undefined;
        if (o.notSpeaker) {
          const rows = await call(core, 'speakers-not-speaker', { speakerIds: [row.speakerId] });
          const done = rows.find((r) => r.speakerId === row.speakerId)!;
          print(output(!!o.json), done, () => `${row.label}: not a speaker (its ${turns(done.turnCount)} are now unattributed text)`);
          return;
        }
        let participantId: number | undefined;
        let name = o.new ?? '';
        if (person !== undefined) {
          const people = (await call(core, 'participants-list', {})).filter((p) => fold(p.name) === fold(person));
          if (people.length !== 1) {
            throw new CliError(
              people.length
                ? `${people.length} participants are named '${person}'; link the label in the app, where you can tell them apart`
                : `there is no participant named '${person}'; to create them, use --new '${person}' (with --role)`,
            );
          }
          participantId = people[0]!.id;
          name = people[0]!.name;
        }
        const rows = await call(core, 'speakers-map', {
          speakerIds: [row.speakerId],
          ...(participantId !== undefined ? { participantId } : { create: { name, ...(role ? { role } : {}) } }),
          ...(role ? { role } : {}),
        });
        const done = rows.find((r) => r.speakerId === row.speakerId)!;
        print(output(!!o.json), done, () => `${row.label} → ${name} (${done.role}${participantId === undefined ? ', new participant' : ''})`);
      });
    });
}
