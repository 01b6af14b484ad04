/** The recording of the transcript on screen: its media-get info, turn times folded into the source for display, and the player's handle. */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { MediaInfo } from '../../../shared/domain/media';
import type { SourceDetail } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { useProjectData } from '../workspace/useProjectData';
import type { PlayerHandle } from './MediaPlayer';
import { timeAtOffset } from './player-time';

export function useTranscriptMedia(sourceId: number | null, frameId: number | null, shown: SourceDetail | null, jump: { sourceId: number; start: number; token: number; play?: boolean } | null) {
  const api = useApi();
  const load = useCallback(
    () => (sourceId === null ? Promise.resolve(null) : api['media-get']({ sourceId, ...(frameId !== null ? { frameId } : {}) })),
    [api, sourceId, frameId],
  );
  const { data } = useProjectData<MediaInfo | null>(load, ['sources', 'history']);
  const info = data && data.sourceId === sourceId ? data : null;
  const player = useRef<PlayerHandle>(null);

  // Times from sync points and interpolation shown as the file's own are: the view prints startMs.
  const timed = useMemo(() => {
    if (!shown || !info || info.turns.length === 0) return shown;
    const byBlock = new Map(info.turns.map((t) => [t.blockId, t]));
    let changed = false;
    const blocks = shown.blocks.map((b) => {
      const t = byBlock.get(b.id);
      if (!t || (t.startMs === b.startMs && t.endMs === b.endMs)) return b;
      changed = true;
      return { ...b, startMs: t.startMs, endMs: t.endMs };
    });
    return changed ? { ...shown, blocks } : shown;
  }, [shown, info]);

  const playable = !!info && info.status === 'ok' && info.mayPlay;
  /** A click on a turn's time plays from there; true when it was one. */
  const onTimeClick = useCallback(
    (target: Element): boolean => {
      if (!playable || !info) return false;
      const time = target.closest('.tv-time');
      if (!time) return false;
      const blockId = Number(time.closest<HTMLElement>('[data-block-id]')?.dataset.blockId);
      const t = info.turns.find((x) => x.blockId === blockId);
      if (!t) return false;
      player.current?.playFrom(t.startMs);
      return true;
    },
    [playable, info],
  );
  // A "play from here" elsewhere (a retrieval row, a query result): once this transcript's recording is ready, play from the place.
  const played = useRef<number | null>(null);
  useEffect(() => {
    if (!jump?.play || jump.sourceId !== sourceId || played.current === jump.token || !playable || !info) return;
    const ms = timeAtOffset(info.turns, jump.start);
    if (ms === null) return;
    played.current = jump.token;
    // The player mounts with the info: wait a frame for its handle.
    requestAnimationFrame(() => player.current?.playFrom(ms));
  }, [jump, sourceId, playable, info]);
  const onSync = useCallback((blockId: number, ms: number) => void api['media-sync-set']({ blockId, ms }), [api]);
  return { info, timed, player, playable, onTimeClick, onSync };
}
