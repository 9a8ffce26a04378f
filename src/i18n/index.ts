import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { nl } from 'date-fns/locale/nl';
import { tz } from '@date-fns/tz';
import type { UiLanguage } from '../core/types.js';
import { EN } from './en.js';
import type { Messages } from './messages.js';
import { NL } from './nl.js';

export type { CommandName, Messages, SettingsView, StatsFigures, FeedHealthLabel } from './messages.js';
export { COMMAND_NAMES } from './messages.js';

const CATALOGUES: Readonly<Record<UiLanguage, Messages>> = { nl: NL, en: EN };
const LOCALES = { nl, en: enGB } as const;

/** The message catalogue for a language. */
export function messagesFor(language: UiLanguage): Messages {
  return CATALOGUES[language];
}

/**
 * The interface language for a Telegram user's `language_code` (`nl`, `nl-BE`, `en-US`...):
 * Dutch for Dutch speakers, English for English speakers, `fallback` for everyone else.
 */
export function uiLanguageFor(code: string | undefined, fallback: UiLanguage): UiLanguage {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return base === 'nl' || base === 'en' ? base : fallback;
}

/** An instant as the chat reads it: in its time zone, with its language's date-fns locale. */
export function formatDateTime(at: number, timezone: string, language: UiLanguage): string {
  return format(at, CATALOGUES[language].dateTimeFormat, { in: tz(timezone), locale: LOCALES[language] });
}
