/** Calls about the app itself and the open project file. */
import { z } from 'zod';
import type { AppInfo, Preferences, ProjectInfo, RecentProject } from '../domain/project';
import { call } from './define';

const projectPath = z
  .string()
  .min(1, 'a project file path is required')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'a path cannot contain a NUL character');

export const appCalls = {
  'app-info': call('The app version, transport, supported project format and preferences.', z.object({})).returns<AppInfo>(),
  'app-prefs-set': call(
    'Change preferences (your name as coder, date format, light/dark/system colours).',
    z.object({
      userName: z.string().trim().min(1, 'your name cannot be empty').max(200).optional(),
      dateFormat: z.enum(['nz', 'iso']).optional(),
      theme: z.enum(['system', 'light', 'dark']).optional(),
    }),
  ).returns<Preferences>(),
  'app-recent-projects': call('Recently opened projects, newest first.', z.object({})).returns<RecentProject[]>(),
  'app-forget-recent': call('Remove a project from the recent list (the file is not touched).', z.object({ path: projectPath })).returns<RecentProject[]>(),

  'project-new': call(
    'Create a project file. Without a path, the host asks where to save it; null if the user cancels.',
    z.object({ name: z.string().trim().min(1, 'a project needs a name').max(200), path: projectPath.optional() }),
  ).returns<ProjectInfo | null>(),
  'project-open': call(
    'Open a project file. Without a path, the host asks which; null if the user cancels.',
    z.object({ path: projectPath.optional() }),
  ).returns<ProjectInfo | null>(),
  'project-close': call('Close the open project.', z.object({})).returns<null>(),
  'project-info': call('Name, path, format version and counts of the open project; null when none is open.', z.object({})).returns<ProjectInfo | null>(),
  'project-backup': call(
    'Save a complete copy of the open project (SQLite online backup: consistent at any moment); the host asks where. Null if cancelled.',
    z.object({ suggestedName: z.string().trim().min(1).max(200).optional() }),
  ).returns<{ path: string } | null>(),
  'job-cancel': call(
    'Stop a running long job (import, scan, check, auto-code, exports…) by the id in its progress events; what was finished is kept. False if it is no longer running.',
    z.object({ jobId: z.string().min(1).max(200) }),
  ).returns<{ cancelled: boolean }>(),
  'jobs-list': call('The long jobs running now (id and task).', z.object({})).returns<Array<{ id: string; task: string }>>(),
  'project-rename': call('Rename the open project.', z.object({ name: z.string().trim().min(1).max(200) })).returns<ProjectInfo>(),
};
