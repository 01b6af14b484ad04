/** Every handler, joined. The `satisfies` check fails the build if any contract call lacks one. */
import { appHandlers } from './handlers-app';
import type { Handlers } from './handler-types';
import { projectDataHandlers } from './handlers-project-data';

export const allHandlers = {
  ...appHandlers,
  ...projectDataHandlers,
} satisfies Handlers;
