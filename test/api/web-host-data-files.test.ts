/** Browser mode's answer for review packs and decisions files: saved in exports/ under a new numbered name, opened from received/ (newest .json). */
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWebHost } from '../../electron/web/web-host';
import { tempDir } from '../support/temp';

describe('web host data files', () => {
  it('saves a review pack in exports/, never over an existing file, with a safe name', async () => {
    const dir = tempDir();
    const host = createWebHost(dir);
    const first = await host.chooseDataFile('save', 'review-pack', 'Te Whare Oranga rōpū review pack.json');
    expect(first).toBe(join(dir, 'exports', 'Te Whare Oranga rōpū review pack.json'));
    writeFileSync(first!, '{}');
    expect(await host.chooseDataFile('save', 'review-pack', 'Te Whare Oranga rōpū review pack.json')).toBe(join(dir, 'exports', 'Te Whare Oranga rōpū review pack (2).json'));
    const odd = (await host.chooseDataFile('save', 'kaitiaki-decisions', '../../escape/decisions'))!;
    expect(odd.startsWith(join(dir, 'exports') + '/')).toBe(true);
    expect(odd.slice(join(dir, 'exports').length + 1)).not.toMatch(/\//);
    expect(odd).toMatch(/\.json$/);
  });

  it('opens the newest .json received, and nothing when none was received', async () => {
    const dir = tempDir();
    const host = createWebHost(dir);
    expect(await host.chooseDataFile('open', 'review-pack', '')).toBeNull();
    mkdirSync(join(dir, 'received'));
    writeFileSync(join(dir, 'received', 'older.json'), '{}');
    writeFileSync(join(dir, 'received', 'newer.json'), '{}');
    writeFileSync(join(dir, 'received', 'note.txt'), 'not a pack');
    utimesSync(join(dir, 'received', 'older.json'), new Date('2020-01-01'), new Date('2020-01-01'));
    expect(await host.chooseDataFile('open', 'review-pack', '')).toBe(join(dir, 'received', 'newer.json'));
  });
});
