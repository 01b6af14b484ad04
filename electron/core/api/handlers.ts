/** Every handler, joined. The `satisfies` check fails the build if any contract call lacks one. */
import { analysisHandlers } from './handlers-analysis';
import { appHandlers } from './handlers-app';
import { codingHandlers } from './handlers-coding';
import type { Handlers } from './handler-types';
import { memoHandlers } from './handlers-memos';
import { participantHandlers } from './handlers-participants';
import { projectDataHandlers } from './handlers-project-data';
import { sourceHandlers } from './handlers-sources';
import { tikangaHandlers } from './handlers-tikanga';
import { glossaryHandlers } from './handlers-glossary';

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
} satisfies Handlers;
