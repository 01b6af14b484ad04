/**
 * For tests that code the hui fixture in a mainstream frame: a tikanga-based session is kept apart
 * from mainstream frames until it is opened to one on purpose (by its kaitiaki, with the key
 * unlocked, when one is named; by the project when none is). This opens every tikanga-based session
 * to the frame, keeping the frames already chosen for it.
 */
import type { FocalApi } from '../../shared/api/client';

export async function openTikangaTo(api: FocalApi, frameId: number): Promise<void> {
  for (const s of await api['sources-list']({})) {
    if (s.mode !== 'tikanga') continue;
    const now = await api['source-frames-get']({ sourceId: s.id });
    const chosen = now.frames.filter((f) => f.applies && f.kind !== 'kaupapa-maori').map((f) => f.id);
    await api['source-frames-set']({ sourceId: s.id, frameIds: [...new Set([...chosen, frameId])] });
  }
}

/** The same for a project file a CLI test drives: opened in-process, the hui opened to the first frame, closed again. */
export async function openTikangaInFile(api: FocalApi, path: string): Promise<void> {
  await api['project-open']({ path });
  await openTikangaTo(api, (await api['frames-list']({}))[0]!.id);
  await api['project-close']({});
}
