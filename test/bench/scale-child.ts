/**
 * One measured operation of the `scale` bench in a process of its own, so its peak RSS is the
 * operation's (the core with the project open plus whatever the call holds), not the bench's.
 * `tsx test/bench/scale-child.ts <project.focal> <call> <json input>` prints one JSON line:
 * { ms, cpuMs (this process's CPU time: comparable on a busy machine), rssMB (peak), baseMB (peak after opening), value summary }.
 */
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { FocalCore } from '../../electron/core/app/focal-core';
import { headlessHost } from '../../electron/core/host';

const [path, name, json] = process.argv.slice(2) as [string, string, string];
const app = mkdtempSync(join(tmpdir(), 'focal-scale-child-'));
const core = new FocalCore({ dataDir: app, host: headlessHost('cli'), logger: () => {} });
const peakMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
try {
  const opened = await core.call('project-open', { path });
  if (!opened.ok) throw new Error(opened.error.message);
  const baseMB = peakMB();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const env = await core.call(name, JSON.parse(json));
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
  const v = env.value as unknown;
  const summary = Array.isArray(v)
    ? { length: v.length }
    : v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'number' || typeof x === 'string' || x === null).slice(0, 8))
      : { value: v };
  if (v && typeof v === 'object' && !Array.isArray(v) && Array.isArray((v as { items?: unknown }).items)) Object.assign(summary, { items: (v as { items: unknown[] }).items.length });
  if (v && typeof v === 'object' && !Array.isArray(v) && Array.isArray((v as { groups?: unknown }).groups)) Object.assign(summary, { groups: (v as { groups: unknown[] }).groups.length });
  process.stdout.write(`${JSON.stringify({ ms, cpuMs, rssMB: peakMB(), baseMB, summary })}\n`);
} finally {
  core.dispose();
  rmSync(app, { recursive: true, force: true });
}
