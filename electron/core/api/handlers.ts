/** Every handler, joined. The `satisfies` check fails the build if any contract call lacks one. */
import { analysisHandlers } from './handlers-analysis';
import { appHandlers } from './handlers-app';
import { codingHandlers } from './handlers-coding';
import { consentHandlers } from './handlers-consent';
import { exportHandlers } from './handlers-export';
import { quoteHandlers } from './handlers-quotes';
import type { Handlers } from './handler-types';
import { memoHandlers } from './handlers-memos';
import { participantHandlers } from './handlers-participants';
import { pseudonymHandlers } from './handlers-pseudonyms';
import { projectDataHandlers } from './handlers-project-data';
import { sourceHandlers } from './handlers-sources';
import { tikangaHandlers } from './handlers-tikanga';
import { glossaryHandlers } from './handlers-glossary';
import { copyHandlers } from './handlers-copy';
import { kaitiakiHandlers } from './handlers-kaitiaki';
import { exchangeHandlers } from './handlers-exchange';
import { qdpxHandlers } from './handlers-qdpx';

export const allHandlers = {
  ...appHandlers,
  ...projectDataHandlers,
  ...participantHandlers,
  ...sourceHandlers,
  ...codingHandlers,
  ...memoHandlers,
  ...tikangaHandlers,
  ...glossaryHandlers,
  ...analysisHandlers,
  ...consentHandlers,
  ...quoteHandlers,
  ...exportHandlers,
  ...pseudonymHandlers,
  ...copyHandlers,
  ...kaitiakiHandlers,
  ...exchangeHandlers,
  ...qdpxHandlers,
} satisfies Handlers;
