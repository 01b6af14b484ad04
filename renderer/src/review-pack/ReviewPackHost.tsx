/**
 * Opens a review pack from the start screen's button or the File menu (Open Review Pack…), with or
 * without a project open: the host asks which file, the core reads it, and the pack is shown over
 * whatever is on screen until the kaitiaki closes it.
 */
import { useEffect, useState } from 'react';
import type { OpenReviewPack } from '../../../shared/api/calls-kaitiaki';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { MENU_EVENT } from '../app/useShortcuts';
import { Dialog } from '../components/Dialog';
import { ReviewPackView } from './ReviewPackView';

export const OPEN_REVIEW_PACK = 'open-review-pack';

/** What the start screen's button does: the same as the menu item. */
export function requestOpenReviewPack(): void {
  window.dispatchEvent(new CustomEvent(MENU_EVENT, { detail: OPEN_REVIEW_PACK }));
}

export function ReviewPackHost() {
  const api = useApi();
  const [pack, setPack] = useState<OpenReviewPack | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // A pack still open in this session (the page was reloaded) comes back as it was.
    api['review-pack-current']({}).then((p) => p && setPack(p), () => {});
    const onMenu = (e: Event) => {
      if ((e as CustomEvent<string>).detail !== OPEN_REVIEW_PACK) return;
      api['review-pack-open']({}).then(
        (p) => {
          setError(p ? null : 'No review pack was chosen.');
          if (p) setPack(p);
        },
        (err) => setError(describeError(err)),
      );
    };
    window.addEventListener(MENU_EVENT, onMenu);
    return () => window.removeEventListener(MENU_EVENT, onMenu);
  }, [api]);

  const close = () => {
    setPack(null);
    void api['review-pack-close']({}).catch(() => {});
  };

  if (pack) return <ReviewPackView key={pack.fileName + pack.createdAt} pack={pack} onPack={setPack} onClose={close} />;
  if (error)
    return (
      <Dialog title="Open review pack" onClose={() => setError(null)} onSubmit={() => setError(null)} footer={<button type="submit" className="button button-primary" data-autofocus>OK</button>}>
        <p className="field-error" role="alert">
          {error}
        </p>
      </Dialog>
    );
  return null;
}
