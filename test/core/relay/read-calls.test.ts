/**
 * The heavy reads routed to the reader pool (electron/core/relay/routing.ts) must answer on a
 * read-only connection exactly as the writer does: a call listed there that writes anything fails
 * here (SQLite refuses the write), and one whose answer differs (a reader missing some session
 * state) fails the comparison.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/api/client';
import type { CallName } from '../../../shared/api/contract';
import { FocalCore } from '../../../electron/core/app/focal-core';
import { dispatch } from '../../../electron/core/api/dispatch';
import { headlessHost } from '../../../electron/core/host';
import { ProjectSession } from '../../../electron/core/project/project-session';
import { READ_CALLS, routeOf } from '../../../electron/core/relay/routing';
import { tempDir } from '../../support/temp';
import { actAs, buildWorld, type World } from '../tikanga/mask-world';

type ReadCall = (typeof READ_CALLS)[number];

const INPUTS: Record<ReadCall, (w: World) => unknown[]> = {
  'pseudo-scan': (w) => [{}, { sourceId: w.hui.id }, { sourceId: w.hui.id, start: w.tamaTurn.start, end: w.tamaTurn.end }],
  'pseudo-detect': (w) => [{ sourceId: w.hui.id, start: w.tamaTurn.start, end: w.tamaTurn.end }],
  'pseudo-preview': (w) => [{ sourceId: w.hui.id, start: w.tamaTurn.start, end: w.tamaTurn.end }],
  'project-check': () => [{}],
  'kaitiaki-check': () => [{}],
  'search-run': (w) => [{ query: 'fella' }, { query: 'Hutt', viewFrameId: w.frameId }],
  'search-code-preview': (w) => [{ query: 'Hutt', codeId: w.codeId, scope: 'turns' }, { query: 'month', codeId: w.codeId, scope: 'hits' }],
  'coding-query': (w) => [{ any: [w.codeId] }, { any: [w.codeId], frameId: w.frameId }],
  'matrix-run': () => [{ cols: 'mode' }, { cols: 'participant' }],
  'matrix-cell': (w) => [{ codeIds: [w.codeId], cols: 'mode', codeId: w.codeId, colKey: 'tikanga' }],
  'codes-cooccurrence': () => [{}],
  'segments-list': (w) => [{ codeId: w.codeId }, { codeId: w.codeId, sourceId: w.hui.id }],
  'autocode-preview': (w) => [{ codeId: w.codeId, pattern: 'services' }, { codeId: w.codeId, participantId: w.tamaId }],
  'withdrawal-effects': (w) => [{ participantId: w.tamaId }],
  'code-delete-preview': (w) => [{ id: w.extraA }],
  'quotes-list': (w) => [{}, { quoteIds: [w.tapuQuoteId] }],
};

describe('calls routed to read-only readers', () => {
  const dir = tempDir();
  const dataDir = join(dir, 'app');
  let w: World;
  let writer: FocalCore;
  let reader: FocalCore;

  beforeAll(async () => {
    const builder = new FocalCore({ dataDir, host: headlessHost('cli'), logger: () => {} });
    const { api } = createClient({ invoke: (n, i) => builder.call(n, i), on: (e, l) => builder.on(e, l) });
    w = await buildWorld(api, dir, actAs(builder, dir));
    builder.state.setPrefs({ userName: 'Aroha Ngata' });
    builder.dispose();
    // A fresh writer (no kaitiaki key held: the relay keeps reads on the writer while one is) and a reader on a read-only connection.
    writer = new FocalCore({ dataDir, host: headlessHost('cli'), logger: () => {} });
    writer.openProject(w.path);
    reader = new FocalCore({ dataDir, host: headlessHost('cli'), logger: () => {} });
    reader.project = ProjectSession.openReadOnly(w.path);
  }, 60_000);
  afterAll(() => {
    reader?.dispose();
    writer?.dispose();
  });

  it('are routed as reads; writes and light calls stay on the writer; job calls go to every core', () => {
    for (const name of READ_CALLS) expect(routeOf(name)).toBe('read');
    for (const name of ['codes-list', 'coding-apply', 'import-files', 'project-open', 'memo-save', 'app-prefs-set'] satisfies CallName[]) expect(routeOf(name)).toBe('write');
    expect(routeOf('job-cancel')).toBe('jobs');
    expect(routeOf('jobs-list')).toBe('jobs');
  });

  it('a read-only connection refuses writes (so a misrouted write cannot slip through)', () => {
    expect(() => reader.requireProject().db.prepare("UPDATE project SET name = 'x'").run()).toThrow(/readonly/i);
  });

  for (const name of READ_CALLS) {
    it(`${name} answers on a read-only connection exactly as on the writer`, async () => {
      for (const input of INPUTS[name](w)) {
        const fromReader = await dispatch(reader, name, input);
        const fromWriter = await writer.call(name, input);
        expect(fromReader.ok ? null : fromReader.error, `${name} ${JSON.stringify(input)}`).toBeNull();
        expect(fromReader).toEqual(fromWriter);
      }
    });
  }
});
