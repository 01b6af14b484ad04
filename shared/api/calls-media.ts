/** Calls about the recording linked to a transcript (electron/core/media). */
import { z } from 'zod';
import type { MediaInfo, MediaLink } from '../domain/media';
import { call } from './define';
import { id } from './calls-sources';

const filePath = z.string().trim().min(1, 'give the path of the recording').max(4096).refine((p) => !p.includes('\0'), 'a path has no NUL character');

export const mediaCalls = {
  'media-get': call(
    'The recording linked to a transcript (status: ok, missing, changed or none; a moved file is found again by name and hash in the project folder), turn times for the player (file times, sync points, interpolated) and the time ranges this viewer skips (restricted passages; frameId as for source-get).',
    z.object({ sourceId: id(), frameId: id().optional() }),
  ).returns<MediaInfo>(),
  'media-link': call(
    'Links a recording (mp3, m4a, wav, ogg, opus, mp4, webm, mov) to a transcript: stores its path (relative to the project file when in its folder), size and SHA-256; the media is never copied into the project. Replaces an earlier link.',
    z.object({ sourceId: id(), path: filePath }),
  ).returns<MediaLink>(),
  'media-relink': call(
    'Points a transcript\'s recording link at the file where it now is; refused unless the file has the linked SHA-256.',
    z.object({ sourceId: id(), path: filePath }),
  ).returns<MediaLink>(),
  'media-unlink': call('Removes the link between a transcript and its recording (the file itself is left alone).', z.object({ sourceId: id() })).returns<null>(),
  'media-sync-set': call(
    'Sets (ms) or clears (null) the moment a turn starts in the recording, for a transcript without times; times between sync points are interpolated. Undoable.',
    z.object({ blockId: id(), ms: z.number().int().min(0).max(100 * 3600 * 1000).nullable() }),
  ).returns<null>(),
};
