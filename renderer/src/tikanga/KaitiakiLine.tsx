/** Who the kaitiaki of this session's kōrero is, and whether the person at the keyboard is them. */
import type { KaitiakiStatus } from '../../../shared/domain/tikanga';

export function KaitiakiLine({ status }: { status: KaitiakiStatus | null }) {
  if (!status) return null;
  return (
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
      <span className="tk-kaitiaki-note">
        {status.actorIsKaitiaki ? 'You are working as the kaitiaki: you can label passages and decide on releases and quotes.' : status.problem}
      </span>
    </div>
  );
}
