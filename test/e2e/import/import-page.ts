/**
 * Shared steps for the import UI tests: a fresh project opened the way a person does it, direct
 * calls into the core (to check what the UI saved), and the page's main landmarks.
 */
import type { E2EApp } from '../support/app';
import { launchApp, openApp, createProjectInPage } from '../support/app';

export const HUI = 'hui-tupu-group-interview.txt';
export const VTT = 'focus-group-lived-experience.vtt';
export const SRT = 'individual-interview-manager.srt';
export const HUI_TITLE = 'Group interview, Kaupapa Māori peer service (day 2)';

export async function startWithNewProject(): Promise<E2EApp> {
  const app = await launchApp({ userName: 'Aroha Ngata', viewport: { width: 1280, height: 820 } });
  // A step that fails should say so quickly, not after 30 s (and not hold up every later step).
  app.page.setDefaultTimeout(10_000);
  await openApp(app);
  await createProjectInPage(app, 'Te Whare Oranga peer study');
  return app;
}

/** Calls the core directly; throws its one-line message on failure. */
export async function core<T>(app: E2EApp, name: string, input: unknown): Promise<T> {
  const env = await app.harness.core.call(name as never, input as never);
  if (!env.ok) throw new Error(env.error.message);
  return env.value as T;
}

export async function idOf(app: E2EApp, name: string): Promise<number> {
  const all = await core<Array<{ id: number; name: string }>>(app, 'participants-list', {});
  const found = all.find((p) => p.name === name);
  if (!found) throw new Error(`no participant named ${name}`);
  return found.id;
}

export function landmarks(app: E2EApp) {
  const { page } = app;
  return {
    /** The panes: files dropped anywhere on them are imported. */
    dropTarget: () => page.getByRole('main'),
    sourcesList: () => page.getByRole('list', { name: 'Sources' }),
    review: () => page.getByRole('region', { name: 'Review speakers' }),
  };
}
