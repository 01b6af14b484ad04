/** Every handler, joined. The `satisfies` check fails the build if any contract call lacks one. */
import { appHandlers } from './handlers-app';
import { codingHandlers } from './handlers-coding';
import { consentHandlers } from './handlers-consent';
import { exportHandlers } from './handlers-export';
import { quoteHandlers } from './handlers-quotes';
import type { Handlers } from './handler-types';
import { participantHandlers } from './handlers-participants';
import { pseudonymHandlers } from './handlers-pseudonyms';
import { projectDataHandlers } from './handlers-project-data';
import { sourceHandlers } from './handlers-sources';

export const allHandlers = {
  ...appHandlers,
  ...projectDataHandlers,
  ...participantHandlers,
  ...sourceHandlers,
  ...codingHandlers,
  ...consentHandlers,
  ...quoteHandlers,
  ...exportHandlers,
  ...pseudonymHandlers,
} satisfies Handlers;
