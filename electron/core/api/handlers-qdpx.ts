/** Handlers for whole projects in and out as REFI-QDA (.qdpx). */
import { basename } from 'node:path';
import { exportQdpx } from '../qdpx/qdpx-export';
import { importQdpx, qdpxBytes } from '../qdpx/qdpx-import';
import { handlers } from './handler-types';

const cancelled = { file: null, project: null, counts: { sources: 0, codes: 0, codings: 0, memos: 0, participants: 0, attributes: 0, speakersMapped: 0, coders: 0 }, skipped: [], codingsNotImported: [], recordings: [], warnings: [], tikangaQuestion: '' };

export const qdpxHandlers = handlers({
  'qdpx-import': async (i, core) => {
    let file = i.file;
    if (!file) {
      // No file given: the host asks (the desktop's open dialog; the browser harness's received/ folder).
      const path = (await core.host.chooseDataFile?.('open', 'refi-project', '')) ?? null;
      if (!path) return cancelled;
      file = { name: basename(path), path };
    }
    const { label, bytes } = qdpxBytes(file);
    const out = i.out ?? (await core.host.chooseNewProjectPath(basename(label, '.qdpx').replace(/\.qdpx$/i, '')));
    if (!out) return cancelled;
    const target = /\.focal$/i.test(out) ? out : `${out}.focal`;
    const r = await importQdpx({ label, bytes, out: target, lenient: i.lenient, actor: core.actor, now: () => core.now(), openOptions: core.projectOptions });
    core.openProject(target);
    return r;
  },
  'qdpx-export': (i, core) => exportQdpx(core, { profile: i.profile, attributes: i.attributes }),
});
