/** Signed kaitiaki decisions: signing and verifying 1,000 statements, and the gate over 1,000 tikanga-based quotes with signed approvals. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FocalCore } from '../../electron/core/app/focal-core';
import { headlessHost } from '../../electron/core/host';
import { holdKey } from '../../electron/core/kaitiaki/authority';
import { canonicalJson, signBody, verifyBody } from '../../electron/core/kaitiaki/key-crypto';
import { verifiedDecisions } from '../../electron/core/kaitiaki/verified-decisions';
import { groupKey, newKey } from '../support/kaitiaki-sign';
import { syntheticTranscript } from '../support/synthetic';
import { type Bench, fmt, stats } from './bench-kit';

export const kaitiakiBench: Bench = {
  name: 'kaitiaki',
  async run(dir) {
    const key = newKey();
    const bodies = Array.from({ length: 1000 }, (_, i) => canonicalJson({ v: 1, kind: 'approval', group: 1, key: key.fingerprint, at: new Date(0).toISOString(), by: 'Kaitiaki', subject: { scope: 'quote', decision: 'approved', quote: { id: i, source: 'x'.repeat(64), start: i, end: i + 10, cuts: [], text: 'y'.repeat(64) } } }));
    let t0 = performance.now();
    const sigs = bodies.map((b) => signBody(b, key));
    const sign = performance.now() - t0;
    t0 = performance.now();
    const ok = bodies.filter((b, i) => verifyBody(b, sigs[i]!, key.publicKey)).length;
    const verify = performance.now() - t0;

    const core = new FocalCore({ dataDir: join(dir, 'app'), host: headlessHost('cli'), logger: () => {} });
    const must = async <T = Record<string, unknown>>(name: string, input: unknown): Promise<T> => {
      const env = await core.call(name, input);
      if (!env.ok) throw new Error(env.error.message);
      return env.value as T;
    };
    try {
      await must('project-new', { name: 'Kaitiaki bench', path: join(dir, 'k.focal') });
      const kaitiaki = await must<{ id: number }>('participant-create', { kind: 'person', name: 'Kaitiaki Tuatahi' });
      const group = await must<{ id: number }>('participant-create', { kind: 'group', name: 'Rōpū Bench' });
      await must('participant-update', { id: group.id, kaitiakiId: kaitiaki.id });
      const file = join(dir, 'hui.txt');
      writeFileSync(file, syntheticTranscript(100_000, 7));
      await must('import-files', { files: [{ name: 'hui.txt', path: file }], mode: 'tikanga', groupId: group.id });
      holdKey(core, groupKey(core.requireProject().db, group.id));
      const code = await must<{ id: number }>('code-create', { frameId: 1, name: 'Everything' });
      const [s] = await must<Array<{ id: number }>>('sources-list', {});
      const d = await must<{ blocks: Array<{ id: number; kind: string }> }>('source-get', { sourceId: s!.id });
      await must('coding-apply-blocks', { codeId: code.id, blockIds: d.blocks.filter((b) => b.kind === 'turn').slice(0, 1000).map((b) => b.id) });
      const ids = (await must<number[]>('quotes-from-code', { codeId: code.id })).slice(0, 1000);
      t0 = performance.now();
      for (const id of ids) await must('approval-record', { scope: 'quote', quoteId: id, decision: 'approved' });
      const record = performance.now() - t0;
      t0 = performance.now();
      const v = verifiedDecisions(core.requireProject().db);
      const verifyStored = performance.now() - t0;
      const gate: number[] = [];
      let blocked9 = 0;
      for (let i = 0; i < 5; i++) {
        t0 = performance.now();
        const qs = await must<Array<{ gate: { reasons: Array<{ code: string }> } }>>('quotes-list', {});
        gate.push(performance.now() - t0);
        blocked9 = qs.filter((q) => q.gate.reasons.some((r) => r.code === 'no-kaitiaki-approval')).length;
      }
      const g = stats(gate);
      return [
        { benchmark: 'kaitiaki: sign 1,000 statements (Ed25519)', figure: fmt(sign), target: '', note: `${fmt(sign / 1000)} each` },
        { benchmark: 'kaitiaki: verify 1,000 signatures', figure: fmt(verify), target: '', note: `${ok} verify` },
        { benchmark: `kaitiaki: record ${ids.length} signed approvals through the API`, figure: fmt(record), target: '', note: 'statement + row + audit each' },
        { benchmark: `kaitiaki: read and verify ${v.approvals.length} stored decisions (first read)`, figure: fmt(verifyStored), target: '', note: `${v.invalid.length} invalid` },
        { benchmark: `gate over ${ids.length} tikanga-based quotes with signed approvals`, figure: `median ${fmt(g.median)}`, target: '< 2 s', note: `${blocked9} lack approval` },
      ];
    } finally {
      core.dispose();
    }
  },
};
