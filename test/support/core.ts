/** A FocalCore on a temp folder with a headless host, and a typed client over it, for core tests. */
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createClient, type FocalApi } from '../../shared/api/client';
import { FocalCore } from '../../electron/core/app/focal-core';
import { headlessHost } from '../../electron/core/host';
import { tempDir } from './temp';

export function testCore(): { core: FocalCore; api: FocalApi; dir: string; path: (name: string) => string } {
  const dir = tempDir();
  const core = new FocalCore({ dataDir: join(dir, 'app'), host: headlessHost('cli'), logger: () => {} });
  core.state.setPrefs({ userName: 'Test Coder' });
  afterAll(() => core.dispose());
  const { api } = createClient({ invoke: (name, input) => core.call(name, input), on: (e, l) => core.on(e, l) });
  return { core, api, dir, path: (name) => join(dir, name) };
}
