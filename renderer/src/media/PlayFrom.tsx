/**
 * A passage's time with a play button (retrieval rows, query results, search hits): opens its
 * transcript and plays the recording from there. Shown only where the transcript has a recording
 * this viewer may hear and a time for that place; times come from media-get, one call per source.
 */
import { useCallback } from 'react';
import type { MediaInfo } from '../../../shared/domain/media';
import { formatTimestamp } from '../../../shared/format/timestamps';
import { useApi } from '../api/ApiProvider';
import { useProjectData } from '../workspace/useProjectData';
import { timeAtOffset } from './player-time';

const NONE = new Map<number, MediaInfo>();

/** media-get for each distinct source in a list (no frame: the stricter view of restricted passages). */
export function useMediaTimes(sourceIds: number[]): Map<number, MediaInfo> {
  const api = useApi();
  const key = [...new Set(sourceIds)].sort((a, b) => a - b).join(',');
  const load = useCallback(async () => {
    const ids = key ? key.split(',').map(Number) : [];
    const infos = await Promise.all(ids.map((sourceId) => api['media-get']({ sourceId }).catch(() => null)));
    return new Map(ids.flatMap((id, i) => (infos[i] && infos[i].link ? [[id, infos[i]] as [number, MediaInfo]] : [])));
  }, [api, key]);
  const { data } = useProjectData(load, ['sources', 'history']);
  return data ?? NONE;
}

export function PlayAt({ info, offset, onPlay }: { info: MediaInfo | undefined; offset: number; onPlay: () => void }) {
  if (!info || info.status !== 'ok' || !info.mayPlay) return null;
  const ms = timeAtOffset(info.turns, offset);
  if (ms === null) return null;
  const label = formatTimestamp(ms);
  return (
    <button type="button" className="button button-small button-ghost play-from" onClick={onPlay} title={`Open the transcript and play its recording from ${label}`} aria-label={`Play from ${label}`}>
      ▶ {label}
    </button>
  );
}
