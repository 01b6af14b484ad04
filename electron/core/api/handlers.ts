/** Every handler, joined. The `satisfies` check fails the build if any contract call lacks one. */
import { analysisHandlers } from './handlers-analysis';
import { appHandlers } from './handlers-app';
import { codingHandlers } from './handlers-coding';
import type { Handlers } from './handler-types';
import { participantHandlers } from './handlers-participants';
import { projectDataHandlers } from './handlers-project-data';
import { sourceHandlers } from './handlers-sources';

export const allHandlers = {
  ...appHandlers,
  ...projectDataHandlers,
  ...participantHandlers,
  ...sourceHandlers,
  ...codingHandlers,
  ...analysisHandlers,
} satisfies Handlers;
