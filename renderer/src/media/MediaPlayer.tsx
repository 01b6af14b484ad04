/**
 * The player docked above the transcript: the linked recording (audio bar, or video in a pane that
 * can be resized), play/pause, ±5 s, speed, follow mode and rewind-on-pause, and the transcription
 * keys (Ctrl+Space, Ctrl+←/→, Ctrl+Enter plays the selection or the turn at the caret, Ctrl+M sets
 * a sync point). While playing, the turn being spoken is marked in the transcript (a class on its
 * block, set straight on the DOM: no React render per frame) and kept in view when following.
 * Restricted stretches this viewer may not hear (media-get's skip ranges) are jumped over.
 */
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState, type RefObject } from 'react';
import { nextPlayable, type MediaInfo, type TurnTime } from '../../../shared/domain/media';
import { formatTimestamp } from '../../../shared/format/timestamps';
import { MediaLinkForm } from './MediaLinkForm';
import { mediaSrc, timeAtOffset, turnAt } from './player-time';
import './media.css';

export interface PlayerHandle {
  playFrom(ms: number): void;
  playRange(startMs: number, endMs: number | null): void;
}

interface Props {
  sourceId: number;
  frameId: number | null;
  info: MediaInfo;
  /** The transcript's scroll container: the current turn is marked inside it. */
  viewRef: RefObject<HTMLElement | null>;
  /** The selection in the transcript (source offsets), for Ctrl+Enter. */
  selection: { start: number; end: number } | null;
  /** Turn blocks in order (for sync points): id and offsets. */
  blocks: Array<{ id: number; start: number; end: number }>;
  onSync: (blockId: number, ms: number) => void;
}

const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];
const pref = (name: string, fallback: boolean) => {
  const v = localStorage.getItem(`focal.player.${name}`);
  return v === null ? fallback : v === '1';
};
const savePref = (name: string, on: boolean) => localStorage.setItem(`focal.player.${name}`, on ? '1' : '0');
const REWIND_MS = 2000;
const SKIP_MS = 5000;

export const MediaPlayer = forwardRef<PlayerHandle, Props>(function MediaPlayer({ sourceId, frameId, info, viewRef, selection, blocks, onSync }, ref) {
  const el = useRef<HTMLMediaElement | null>(null);
  const [playing, setPlaying] = useState(false);
  const [rate, setRate] = useState(1);
  const [follow, setFollow] = useState(() => pref('follow', true));
  const [rewind, setRewind] = useState(() => pref('rewind', false));
  const [syncing, setSyncing] = useState(false);
  const [now, setNow] = useState(0);
  const [duration, setDuration] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const stopAt = useRef<number | null>(null);
  const turns = info.turns;
  const turnsRef = useRef<TurnTime[]>(turns);
  turnsRef.current = turns;
  const followRef = useRef(follow);
  followRef.current = follow;
  const current = useRef<{ id: number; node: HTMLElement | null } | null>(null);
  const playable = info.status === 'ok' && info.mayPlay && info.link !== null;

  const mark = useCallback(
    (ms: number) => {
      const t = turnAt(turnsRef.current, ms);
      const id = t?.blockId ?? null;
      // Same turn, still marked: nothing to do. A block not in the DOM yet (the view still loading)
      // or re-created by the editor is looked up again.
      const cur = current.current;
      if ((cur?.id ?? null) === id && (id === null || cur?.node?.isConnected)) return;
      current.current?.node?.classList.remove('tv-playing');
      const node = id === null ? null : (viewRef.current?.querySelector<HTMLElement>(`[data-block-id="${id}"]`) ?? null);
      current.current = id === null ? null : { id, node };
      node?.classList.add('tv-playing');
      viewRef.current?.setAttribute('data-playing-block', id === null ? '' : String(id));
      if (node && followRef.current && cur?.node !== node) node.scrollIntoView({ block: 'nearest' });
    },
    [viewRef],
  );

  // Per frame while playing: skip restricted stretches, stop at a passage's end, mark the turn.
  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    const tick = () => {
      const m = el.current;
      if (!m) return;
      const ms = m.currentTime * 1000;
      const next = nextPlayable(ms, info.skip);
      if (next === null) m.pause();
      else if (next > ms) m.currentTime = next / 1000;
      if (stopAt.current !== null && ms >= stopAt.current) {
        stopAt.current = null;
        m.pause();
      }
      mark(ms);
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, info.skip, mark]);

  useEffect(
    () => () => {
      current.current?.node?.classList.remove('tv-playing');
      current.current = null;
    },
    [sourceId],
  );

  const seek = useCallback((ms: number) => {
    const m = el.current;
    if (!m) return;
    const to = nextPlayable(Math.max(0, ms), info.skip);
    if (to !== null) m.currentTime = to / 1000;
  }, [info.skip]);

  const play = useCallback(() => {
    el.current?.play().catch((e: unknown) => setProblem(`The recording would not play: ${(e as Error).message}`));
  }, []);

  const pause = useCallback(() => {
    const m = el.current;
    if (!m) return;
    m.pause();
    if (rewind) m.currentTime = Math.max(0, m.currentTime - REWIND_MS / 1000);
  }, [rewind]);

  const toggle = useCallback(() => (el.current?.paused ? play() : pause()), [play, pause]);

  useImperativeHandle(ref, () => ({
    playFrom(ms) {
      stopAt.current = null;
      seek(ms);
      play();
    },
    playRange(startMs, endMs) {
      seek(startMs);
      stopAt.current = endMs;
      play();
    },
  }), [seek, play]);

  const syncHere = useCallback(() => {
    const m = el.current;
    if (!m) return;
    const synced = new Set(info.syncPoints.map((s) => s.blockId));
    // The turn with the caret, else the first turn after the last one given a sync point.
    const at = selection ? blocks.find((b) => selection.start >= b.start && selection.start <= b.end) : undefined;
    const lastSynced = blocks.reduce((k, b, i) => (synced.has(b.id) ? i : k), -1);
    const target = at ?? blocks[lastSynced + 1];
    if (target) onSync(target.id, Math.round(m.currentTime * 1000));
  }, [info.syncPoints, selection, blocks, onSync]);

  useEffect(() => {
    if (!playable) return;
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod || e.altKey) return;
      const inField = e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
      let done = true;
      if (e.key === ' ' || e.code === 'Space') toggle();
      else if (e.key === 'ArrowLeft' && !inField) seek((el.current?.currentTime ?? 0) * 1000 - SKIP_MS);
      else if (e.key === 'ArrowRight' && !inField) seek((el.current?.currentTime ?? 0) * 1000 + SKIP_MS);
      else if (e.key === 'Enter' && !e.shiftKey && selection) {
        const a = timeAtOffset(turnsRef.current, selection.start);
        if (a === null) done = false;
        else {
          const b = selection.end > selection.start ? timeAtOffset(turnsRef.current, selection.end) : null;
          seek(a);
          stopAt.current = b;
          play();
        }
      } else if (e.key.toLowerCase() === 'm' && !e.shiftKey && syncing) syncHere();
      else done = false;
      if (done) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [playable, toggle, seek, play, selection, syncing, syncHere]);

  if (info.status !== 'ok' || !info.link) return <MediaLinkForm sourceId={sourceId} info={info} />;
  if (!info.mayPlay) {
    return (
      <div className="player player-refused" role="note" data-testid="player">
        <span aria-hidden="true">🔒</span> {info.refusal}
      </div>
    );
  }
  const video = info.link.kind === 'video';
  const src = mediaSrc(sourceId, info.streamKey, frameId);
  const common = {
    ref: (node: HTMLMediaElement | null) => {
      el.current = node;
    },
    src,
    preload: 'auto' as const,
    onPlay: () => setPlaying(true),
    onPause: () => setPlaying(false),
    onEnded: () => setPlaying(false),
    onTimeUpdate: (e: { currentTarget: HTMLMediaElement }) => {
      setNow(e.currentTarget.currentTime * 1000);
      if (!playing) mark(e.currentTarget.currentTime * 1000);
    },
    onLoadedMetadata: (e: { currentTarget: HTMLMediaElement }) => {
      setDuration(e.currentTarget.duration * 1000);
      e.currentTarget.playbackRate = rate;
    },
    onError: () => setProblem(`${info.link?.fileName}: the recording could not be loaded (this platform may not play its format).`),
  };
  return (
    <div className={`player${video ? ' player-video' : ''}`} data-testid="player" data-state={playing ? 'playing' : 'paused'} aria-label={`Recording: ${info.link.fileName}`} role="region">
      {video ? <video {...common} className="player-video-el" /> : <audio {...common} />}
      <div className="player-bar">
        <button type="button" className="button button-small" onClick={() => seek(now - SKIP_MS)} title="Back 5 seconds (Ctrl+←)" aria-label="Back 5 seconds">
          −5 s
        </button>
        <button type="button" className="button button-small player-play" onClick={toggle} title="Play or pause (Ctrl+Space)" aria-label={playing ? 'Pause' : 'Play'}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" className="button button-small" onClick={() => seek(now + SKIP_MS)} title="Forward 5 seconds (Ctrl+→)" aria-label="Forward 5 seconds">
          +5 s
        </button>
        <input
          type="range"
          className="player-seek"
          aria-label="Position in the recording"
          min={0}
          max={Math.max(1, Math.round(duration))}
          step={100}
          value={Math.round(now)}
          onChange={(e) => seek(Number(e.target.value))}
        />
        <span className="player-clock" aria-live="off">
          {formatTimestamp(now)} / {duration ? formatTimestamp(duration) : '–'}
        </span>
        <label className="player-opt">
          Speed{' '}
          <select
            value={rate}
            onChange={(e) => {
              const r = Number(e.target.value);
              setRate(r);
              if (el.current) el.current.playbackRate = r;
            }}
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <label className="player-opt" title="Keep the turn being spoken in view">
          <input type="checkbox" checked={follow} onChange={(e) => (setFollow(e.target.checked), savePref('follow', e.target.checked))} /> Follow
        </label>
        <label className="player-opt" title="Pausing steps back 2 seconds, so you hear the last words again">
          <input type="checkbox" checked={rewind} onChange={(e) => (setRewind(e.target.checked), savePref('rewind', e.target.checked))} /> Rewind 2 s on pause
        </label>
        <label className="player-opt" title="Ctrl+M sets the start of the next turn (or the turn at the caret) to now">
          <input type="checkbox" checked={syncing} onChange={(e) => setSyncing(e.target.checked)} /> Sync turns
        </label>
        {syncing && (
          <button type="button" className="button button-small" onClick={syncHere} title="Ctrl+M">
            Turn starts now
          </button>
        )}
      </div>
      {info.skip.length > 0 && <p className="player-note">Restricted passages are skipped: their recording plays only for the kaitiaki and the readers they name.</p>}
      {info.relinked && <p className="player-note">{info.link.fileName} had moved; Focal found it again by its name and content.</p>}
      {turns.length === 0 && !syncing && <p className="player-note">This transcript has no times yet: tick “Sync turns” and press Ctrl+M at the start of each turn while it plays.</p>}
      {problem && (
        <p className="player-note player-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
});
