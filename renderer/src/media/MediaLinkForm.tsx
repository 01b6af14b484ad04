/**
 * Linking a recording, or finding it again: shown in the player's place while no recording is
 * linked, or the linked one is missing or changed. In Electron a file can be chosen; in the browser
 * its path is typed (the harness links only files inside its folder).
 */
import { useId, useState, type FormEvent } from 'react';
import type { MediaInfo } from '../../../shared/domain/media';
import { useApi } from '../api/ApiProvider';
import { getBridge } from '../api/bridge';
import { describeError } from '../api/errors';

const ACCEPT = '.mp3,.m4a,.wav,.ogg,.opus,.mp4,.webm,.mov,audio/*,video/*';

export function MediaLinkForm({ sourceId, info }: { sourceId: number; info: MediaInfo }) {
  const api = useApi();
  const id = useId();
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(info.status !== 'none');
  const bridge = getBridge();
  const mending = info.status === 'missing' || info.status === 'changed';

  const link = async (p: string, how: 'link' | 'relink') => {
    setError(null);
    try {
      await (how === 'relink' ? api['media-relink']({ sourceId, path: p }) : api['media-link']({ sourceId, path: p }));
      setPath('');
    } catch (e) {
      setError(describeError(e));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (path.trim()) void link(path.trim(), mending && info.status === 'missing' ? 'relink' : 'link');
  };

  if (!open) {
    return (
      <div className="player player-empty" data-testid="player">
        <button type="button" className="button button-small" onClick={() => setOpen(true)}>
          Link recording…
        </button>
        <span className="player-note">Play the audio or video of this session beside its transcript.</span>
      </div>
    );
  }
  return (
    <form className="player player-link" data-testid="player" onSubmit={submit} aria-label="Link a recording">
      {info.status === 'missing' && (
        <p className="player-note" role="alert">
          {info.link?.fileName} is not where it was linked ({info.link?.path}) and no file with its name and content is in the project’s folder. Where is it now?
        </p>
      )}
      {info.status === 'changed' && (
        <p className="player-note" role="alert">
          {info.link?.fileName} has changed since it was linked (its content is different). Link it again if it is still this session’s recording.
        </p>
      )}
      <label htmlFor={id} className="player-opt">
        Recording file
      </label>
      <input
        id={id}
        className="player-path"
        value={path}
        onChange={(e) => setPath(e.target.value)}
        placeholder="/path/to/session.mp3 (mp3, m4a, wav, ogg, opus, mp4, webm, mov)"
        spellCheck={false}
      />
      <button type="submit" className="button button-small" disabled={!path.trim()}>
        {info.status === 'missing' ? 'Find here' : 'Link'}
      </button>
      {bridge && (
        <label className="button button-small">
          Choose…
          <input
            type="file"
            accept={ACCEPT}
            hidden
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void link(bridge.pathForFile(f), info.status === 'missing' ? 'relink' : 'link');
            }}
          />
        </label>
      )}
      {info.status !== 'none' && (
        <button type="button" className="button-ghost button-small" onClick={() => void api['media-unlink']({ sourceId }).catch((e: unknown) => setError(describeError(e)))}>
          Unlink
        </button>
      )}
      <span className="player-note">Kept beside the project (its path, size and fingerprint are stored), never copied into it.</span>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
