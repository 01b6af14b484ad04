import { basename, extname, resolve } from 'node:path';
import { FocalError } from '../errors';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index';
import { handlers } from './handler-types';

export const appHandlers = handlers({
  'app-info': (_input, core) => ({
    version: core.version,
    schemaVersion: LATEST_SCHEMA_VERSION,
    platform: core.host.platform,
    prefs: core.state.prefs,
  }),
  'app-prefs-set': (input, core) => core.state.setPrefs(Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined))),
  'app-recent-projects': (_input, core) => core.state.recent(),
  'app-forget-recent': (input, core) => {
    core.state.forgetRecent(input.path);
    return core.state.recent();
  },

  'project-new': async (input, core) => {
    const path = input.path ?? (await core.host.chooseNewProjectPath(input.name));
    if (!path) return null;
    const withExt = extname(path) ? path : `${path}.focal`;
    return core.createProject(withExt, input.name).info();
  },
  'project-open': async (input, core) => {
    const path = input.path ?? (await core.host.chooseProjectToOpen());
    if (!path) return null;
    return core.openProject(path).info();
  },
  'project-close': (_input, core) => {
    core.closeProject();
    return null;
  },
  'project-info': (_input, core) => core.project?.info() ?? null,
  'project-backup': async (input, core) => {
    const p = core.requireProject();
    const path = await core.host.chooseExportPath(input.suggestedName ?? `${basename(p.path, '.focal')} copy.focal`, ['focal']);
    if (!path) return null;
    const target = resolve(extname(path) ? path : `${path}.focal`);
    if (target === resolve(p.path)) throw new FocalError('bad-input', `${basename(target)} is the open project itself; choose another name for the copy.`);
    await p.backup(target);
    p.audit(core.actor, 'project-backup', { path: target }, core.now());
    return { path: target };
  },
  'job-cancel': (input, core) => ({ cancelled: core.jobs.cancel(input.jobId) }),
  'jobs-list': (_input, core) => core.jobs.list(),
  'project-rename': (input, core) => {
    const p = core.requireProject();
    p.db.prepare('UPDATE project SET name = ?, updated_at = ? WHERE id = 1').run(input.name, core.now());
    core.state.touchRecent(p.path, input.name, core.now());
    core.emit('changed', { kinds: ['project'] });
    return p.info();
  },
});

