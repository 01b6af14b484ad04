/** Handlers for a transcript's recording (electron/core/media). */
import { linkMedia, relinkMedia, unlinkMedia } from '../media/links';
import { mediaInfo, setSyncPoint } from '../media/media-info';
import { handlers } from './handler-types';

export const mediaHandlers = handlers({
  'media-get': (i, core) => mediaInfo(core, i.sourceId, i.frameId),
  'media-link': (i, core) => linkMedia(core, i.sourceId, i.path),
  'media-relink': (i, core) => relinkMedia(core, i.sourceId, i.path),
  'media-unlink': (i, core) => unlinkMedia(core, i.sourceId),
  'media-sync-set': (i, core) => setSyncPoint(core, i.blockId, i.ms),
});
