/** Who the kaitiaki of this session's kōrero is, and whether this session holds their key unlocked. */
import { useState } from 'react';
import type { KaitiakiStatus } from '../../../shared/domain/tikanga';
import { UnlockKeyDialog } from './KeyDialogs';

export function KaitiakiLine({ status }: { status: KaitiakiStatus | null }) {
  const [unlocking, setUnlocking] = useState(false);
  if (!status) return null;
  const canUnlock = !status.actorIsKaitiaki && status.groupId !== null && status.kaitiaki !== null;
  return (
    <>
      <div className={status.actorIsKaitiaki ? 'tk-kaitiaki is-kaitiaki' : 'tk-kaitiaki'} role="status" aria-label="Kaitiaki">
        <span className="tk-kaitiaki-key">Kaitiaki</span>
        {status.kaitiaki ? (
          <span className="tk-kaitiaki-name">
            {status.kaitiaki.name}
            {status.groupName ? ` · for ${status.groupName}` : ''}
          </span>
        ) : (
          <span className="tk-kaitiaki-name">Not named</span>
        )}
        {canUnlock && (
          <button type="button" className="button button-small tk-kaitiaki-unlock" onClick={() => setUnlocking(true)}>
            Unlock kaitiaki key…
          </button>
        )}
        <span className="tk-kaitiaki-note">
          {status.actorIsKaitiaki ? 'The kaitiaki key is unlocked in this session: you can label passages and decide on releases and quotes.' : status.problem}
        </span>
      </div>
      {unlocking && status.groupId !== null && <UnlockKeyDialog groupId={status.groupId} onClose={() => setUnlocking(false)} />}
    </>
  );
}
