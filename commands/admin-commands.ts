import type { CommandName } from '../src/i18n/index.js';

/** Commands only ADMIN_IDS may run; kept out of the public menu and /help. */
export const ADMIN_COMMANDS: readonly CommandName[] = ['stats', 'poll', 'reload'];
