/** Handlers for the kaitiaki key, signed decisions and review packs (../kaitiaki/). */
import { kaitiakiProblems } from '../kaitiaki/check';
import { acknowledgeGaps, createGroupKey, handOver, keyStatus, lockGroupKey, recoverKey, setReaders, unlockGroupKey } from '../kaitiaki/keys';
import { buildReviewPack, importDecisions } from '../kaitiaki/review-pack';
import { closeReviewPack, currentReviewPack, importDecisionsFile, openReviewPack, saveDecisions, saveReviewPack, unlockForPack } from '../kaitiaki/remote-review';
import { handlers } from './handler-types';

export const kaitiakiHandlers = handlers({
  'kaitiaki-key-status': (i, core) => keyStatus(core, i.groupId),
  'kaitiaki-key-create': (i, core) => createGroupKey(core, i),
  'kaitiaki-key-unlock': (i, core) => unlockGroupKey(core, i),
  'kaitiaki-key-lock': (i, core) => lockGroupKey(core, i.groupId),
  'kaitiaki-handover': (i, core) => handOver(core, i),
  'kaitiaki-key-recover': (i, core) => recoverKey(core, i),
  'kaitiaki-readers-set': (i, core) => setReaders(core, i.groupId, i.readers),
  'kaitiaki-gap-acknowledge': (i, core) => acknowledgeGaps(core, i.groupId),
  'kaitiaki-check': (_i, core) => kaitiakiProblems(core.requireProject().db),
  'kaitiaki-review-pack': (i, core) => buildReviewPack(core, i.groupId),
  'kaitiaki-import-decisions': (i, core) => importDecisions(core, i.decisions),
  'kaitiaki-review-pack-save': (i, core) => saveReviewPack(core, i.groupId),
  'kaitiaki-import-decisions-file': (i, core) => importDecisionsFile(core, i.groupId),
  'review-pack-open': (_i, core) => openReviewPack(core),
  'review-pack-current': (_i, core) => currentReviewPack(core),
  'review-pack-unlock': (i, core) => unlockForPack(core, i.passphrase, i.keyFile),
  'review-pack-save-decisions': (i, core) => saveDecisions(core, i.decisions),
  'review-pack-close': (_i, core) => closeReviewPack(core),
});
