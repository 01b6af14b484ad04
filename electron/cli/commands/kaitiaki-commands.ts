/**
 * `focal kaitiaki init|review-pack|sign|import-decisions`: the kaitiaki key and signed decisions
 * from the command line. The passphrase comes from FOCAL_KAITIAKI_PASSPHRASE or a prompt (never
 * an argument, which would stay in the shell's history). `sign` needs no project: it is what the
 * kaitiaki runs on their own machine with the review pack and their key file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { fold } from '../../../shared/text/fold';
import { parseKeyFile, unlockKeyFile } from '../../core/kaitiaki/key-crypto';
import { parseDecisionsFile, parseReviewPack, signPack } from '../../core/kaitiaki/review-pack';
import type { FocalCore } from '../../core/app/focal-core';
import { call, CliError, print, withProject, type Output } from '../cli-context';

async function passphrase(prompt: string): Promise<string> {
  const env = process.env.FOCAL_KAITIAKI_PASSPHRASE;
  if (env) return env;
  if (!process.stdin.isTTY) throw new CliError('set FOCAL_KAITIAKI_PASSPHRASE (or run in a terminal to be asked)', 2);
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Do not echo the passphrase.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.includes(prompt)) process.stderr.write(s);
  };
  const answer = await new Promise<string>((done) => rl.question(prompt, done));
  rl.close();
  process.stderr.write('\n');
  return answer;
}

async function groupId(core: FocalCore, name: string): Promise<number> {
  const people = await call(core, 'participants-list', {});
  const groups = people.filter((p) => p.kind === 'group' && fold(p.name) === fold(name.trim()));
  if (groups.length !== 1) throw new CliError(`no group "${name}" in the register (groups: ${people.filter((p) => p.kind === 'group').map((p) => `"${p.name}"`).join(', ') || 'none'})`);
  return groups[0]!.id;
}

function ids(list: string, what: string): number[] {
  return list.split(',').filter(Boolean).map((s) => {
    const n = Number(s.trim());
    if (!Number.isInteger(n) || n <= 0) throw new CliError(`${what}: "${s}" is not a quote id`, 2);
    return n;
  });
}

export function registerKaitiakiCommands(program: Command, output: (json: boolean) => Output): void {
  const k = program.command('kaitiaki').description("the kaitiaki's key and signed decisions");
  k.command('init <project>')
    .description("create the group's kaitiaki key: a key file the kaitiaki keeps (never in the project), sealed with their passphrase")
    .requiredOption('--group <name>', 'the group (rōpū) as named in the register')
    .requiredOption('--key-file <file>', 'where the kaitiaki keeps the key file (never overwritten)')
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { group: string; keyFile: string; json?: boolean }) => {
      await withProject(project, async (core) => {
        const g = await groupId(core, o.group);
        const made = await call(core, 'kaitiaki-key-create', { groupId: g, keyFile: resolve(o.keyFile), passphrase: await passphrase('Choose a passphrase for the kaitiaki key: ') });
        print(output(!!o.json), made, () =>
          [
            `Created the kaitiaki key of ${made.groupName} for ${made.kaitiaki?.name}: ${made.keyFile}`,
            `Fingerprint (read it aloud to confirm): ${made.fingerprint}`,
            `Recovery code (shown only now; write it down and keep it with the group's records): ${made.recoveryCode ?? ''}`,
          ].join('\n'),
        );
      });
    });
  k.command('review-pack <project>')
    .description("the quotes awaiting the group's kaitiaki, with a little context and nothing else from the project, for the kaitiaki to decide elsewhere")
    .requiredOption('--group <name>', 'the group (rōpū) as named in the register')
    .requiredOption('--out <file>', 'the review pack to write (JSON)')
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { group: string; out: string; json?: boolean }) => {
      await withProject(project, async (core) => {
        const pack = await call(core, 'kaitiaki-review-pack', { groupId: await groupId(core, o.group) });
        writeFileSync(resolve(o.out), `${JSON.stringify(pack, null, 2)}\n`, { flag: 'wx' });
        print(output(!!o.json), { quotes: pack.quotes.length, out: resolve(o.out) }, () => `${pack.quotes.length} quote(s) awaiting ${pack.kaitiakiName} written to ${resolve(o.out)}`);
      });
    });
  k.command('sign <pack>')
    .description('on the kaitiaki’s machine: sign decisions on the quotes of a review pack (approve:ID,ID refuse:ID)')
    .requiredOption('--key-file <file>', 'the kaitiaki key file')
    .requiredOption('--decisions <decisions...>', 'approve:ID,ID and/or refuse:ID,ID')
    .requiredOption('--out <file>', 'the decisions file to write (JSON), to send back to the analyst')
    .option('--conditions <ID=TEXT...>', 'conditions on an approval, signed with it (e.g. 12="Only in the report to the rōpū")')
    .option('--json', 'machine-readable output')
    .action(async (packFile: string, o: { keyFile: string; decisions: string[]; out: string; conditions?: string[]; json?: boolean }) => {
      const pack = parseReviewPack(readFileSync(resolve(packFile), 'utf8'), packFile);
      const decided = { approve: [] as number[], refuse: [] as number[] };
      for (const d of o.decisions) {
        const [verb, list = ''] = d.split(':');
        if (verb === 'approve') decided.approve.push(...ids(list, d));
        else if (verb === 'refuse') decided.refuse.push(...ids(list, d));
        else throw new CliError(`--decisions: "${d}" is not approve:IDs or refuse:IDs`, 2);
      }
      const conditions: Record<number, string> = {};
      for (const c of o.conditions ?? []) {
        const at = c.indexOf('=');
        const [quoteId] = at > 0 ? ids(c.slice(0, at), c) : [];
        const text = at > 0 ? c.slice(at + 1).trim() : '';
        if (quoteId === undefined || !text) throw new CliError(`--conditions: "${c}" is not ID=TEXT`, 2);
        if (!decided.approve.includes(quoteId)) throw new CliError(`--conditions: quote ${quoteId} is not approved here; conditions go with an approval`, 2);
        conditions[quoteId] = text;
      }
      const key = unlockKeyFile(parseKeyFile(readFileSync(resolve(o.keyFile), 'utf8'), o.keyFile), await passphrase('Passphrase of the kaitiaki key: '));
      const file = signPack(pack, key, { ...decided, conditions }, new Date().toISOString());
      writeFileSync(resolve(o.out), `${JSON.stringify(file, null, 2)}\n`, { flag: 'wx' });
      print(output(!!o.json), { approved: decided.approve.length, refused: decided.refuse.length, out: resolve(o.out) }, () => `Signed ${decided.approve.length} approval(s) and ${decided.refuse.length} refusal(s) with key ${key.fingerprint}: ${resolve(o.out)}`);
    });
  k.command('acknowledge-gap <project>')
    .description("the kaitiaki, after reviewing the group's decisions: acknowledge statements removed from the project's record (listed by focal check)")
    .requiredOption('--group <name>', 'the group (rōpū) as named in the register')
    .requiredOption('--key-file <file>', 'the kaitiaki key file')
    .option('--json', 'machine-readable output')
    .action(async (project: string, o: { group: string; keyFile: string; json?: boolean }) => {
      await withProject(project, async (core) => {
        const g = await groupId(core, o.group);
        await call(core, 'kaitiaki-key-unlock', { groupId: g, keyFile: resolve(o.keyFile), passphrase: await passphrase('Passphrase of the kaitiaki key: ') });
        const r = await call(core, 'kaitiaki-gap-acknowledge', { groupId: g });
        print(output(!!o.json), r, () => (r.acknowledged ? `Acknowledged ${r.acknowledged} removed statement(s) in the record of ${o.group}` : `The record of ${o.group} has no gap`));
      });
    });
  k.command('import-decisions <project> <decisions>')
    .description("verify a kaitiaki's signed decisions file and import it; each decision must name its quote's exact text")
    .option('--json', 'machine-readable output')
    .action(async (project: string, decisionsFile: string, o: { json?: boolean }) => {
      const decisions = parseDecisionsFile(readFileSync(resolve(decisionsFile), 'utf8'), decisionsFile);
      await withProject(project, async (core) => {
        const r = await call(core, 'kaitiaki-import-decisions', { decisions });
        print(output(!!o.json), r, () => [`Imported ${r.imported} signed decision(s)`, ...r.skipped.map((s) => `skipped${s.quoteId ? ` quote ${s.quoteId}` : ''}: ${s.why}`)].join('\n'));
        if (r.skipped.length) process.exitCode = 1;
      });
    });
}
