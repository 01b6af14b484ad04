/**
 * IPC channel names and menu commands, shared by main and preload. No imports at run time: the
 * sandboxed preload can require nothing but 'electron', so this must bundle to plain data.
 */
import type { MenuCommand } from '../../shared/api/bridge';

/** One channel per contract call: 'focal:' + call name. */
export const CALL_CHANNEL_PREFIX = 'focal:';
/** Core push events: (name, payload). */
export const EVENT_CHANNEL = 'focal:event';
/** Native menu commands: (command). */
export const MENU_CHANNEL = 'focal:menu';

export const menuCommands = ['undo', 'redo', 'new-project', 'open-project', 'import', 'close-project', 'find', 'code-selection', 'open-review-pack', 'import-refi-project', 'export-refi-project', 'save-coder-copy', 'merge-coder-copies', 'agreement', 'keyboard-shortcuts', 'preferences', 'save-copy'] as const satisfies readonly MenuCommand[];

// Fails to compile when MenuCommand gains a member the list above lacks.
type Missing = Exclude<MenuCommand, (typeof menuCommands)[number]>;
const _complete: [Missing] extends [never] ? true : Missing = true;
void _complete;

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (menuCommands as readonly string[]).includes(value);
}
