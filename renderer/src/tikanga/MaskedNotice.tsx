/** Says that restricted (tapu) passages are hidden here, and how they may be read: never their words. */
import type { SourceDetail } from '../../../shared/domain/project';

export function MaskedNotice({ source }: { source: SourceDetail }) {
  const n = source.masked?.length ?? 0;
  if (!n) return null;
  return (
    <p className="tk-masked-notice" role="note">
      {n === 1 ? 'One passage is' : `${n} passages are`} restricted (tapu) by the kaitiaki and shown as •••. They are read and coded only in the kaupapa Māori frame, and never exported.
    </p>
  );
}
