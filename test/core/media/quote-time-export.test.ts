/** Quote-bank exports with the time option: each quote's time in its recording where the transcript is timed, and nothing else changes without it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { acceptAllCandidates, codeEveryTurn, importAndMap } from '../export/fixture-project';

describe('quote bank with times', () => {
  const { api, core, dir } = testCore();
  const exportTo = async (format: 'md' | 'csv', name: string, includeTime?: boolean) => {
    core.host.chooseExportPath = async () => join(dir, name);
    const r = await api['export-quotes']({ selection: {}, format, options: includeTime === undefined ? undefined : { includeTime } });
    return readFileSync(r.path!, 'utf8');
  };

  beforeAll(async () => {
    await api['project-new']({ name: 'Times study', path: join(dir, 'study.focal') });
    await importAndMap(api);
    await codeEveryTurn(api);
    acceptAllCandidates(core);
  }, 60_000);

  it('adds "at mm:ss" to quotes from timed transcripts (VTT, SRT) only, and a time column to the CSV', async () => {
    const quotes = (await api['quotes-list']({})).filter((q) => q.gate.passed);
    const sources = await api['sources-list']({});
    const vtt = sources.find((s) => s.format === 'vtt')!;
    const fromVtt = quotes.find((q) => q.sourceId === vtt.id)!;
    const turn = (await api['source-get']({ sourceId: vtt.id })).blocks.find((b) => fromVtt.start >= b.start && fromVtt.start < b.end)!;
    expect(turn.startMs).not.toBeNull();
    const md = await exportTo('md', 'with-times.md', true);
    const stamp = `${String(Math.floor(turn.startMs! / 60000)).padStart(2, '0')}:${String(Math.floor((turn.startMs! % 60000) / 1000)).padStart(2, '0')}`;
    expect(md).toContain(`${vtt.title} at ${stamp}`);
    // The untimed hui and the table have no times.
    const untimed = sources.filter((x) => x.format === 'txt' || x.format === 'tsv');
    expect(untimed.length).toBe(2);
    for (const s of untimed) expect(md).not.toMatch(new RegExp(`${s.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} at \\d`));
    const csv = await exportTo('csv', 'with-times.csv', true);
    expect(csv.split('\n')[0]).toMatch(/,time\r?$/);
    expect(csv).toMatch(/,\d\d:\d\d\r?\n/);
  });

  it('without the option, the exports are as before: no times, no time column', async () => {
    expect(await exportTo('md', 'plain.md')).not.toMatch(/ at \d\d:\d\d/);
    expect((await exportTo('csv', 'plain.csv')).split('\n')[0]).not.toContain('time');
  });
});
