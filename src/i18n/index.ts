import { format } from 'date-fns/format';
import { tz } from '@date-fns/tz';
import { UI_LANGUAGES, type UiLanguage } from '../core/types.js';
import { CATALOGUES, DATE_LOCALES } from './catalogues.js';
import type { Messages } from './messages.js';

export type { CommandName, Messages, SettingsView, FeedHealthLabel } from './messages.js';
export { COMMAND_NAMES } from './messages.js';

/** The message catalogue for a language. */
export function messagesFor(language: UiLanguage): Messages {
  return CATALOGUES[language];
}

/**
 * The interface language for a Telegram user's `language_code` (`nl`, `nl-BE`, `de-AT`, `en-US`...):
 * the reader's own when the bot speaks it, `fallback` for everyone else.
 */
export function uiLanguageFor(code: string | undefined, fallback: UiLanguage): UiLanguage {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return UI_LANGUAGES.find((language) => language === base) ?? fallback;
}

/** A time of day (`HH:MM`, as stored) as the language writes one: `07:30`, `07:30 Uhr`. */
export function formatTimeOfDay(time: string, language: UiLanguage): string {
  const [hours, minutes] = time.split(':').map(Number);
  return format(new Date(2000, 0, 1, hours ?? 0, minutes ?? 0), CATALOGUES[language].timeFormat, { locale: DATE_LOCALES[language] });
}

/** An instant as the chat reads it: in its time zone, with its language's date-fns locale. */
export function formatDateTime(at: number, timezone: string, language: UiLanguage): string {
  return format(at, CATALOGUES[language].dateTimeFormat, { in: tz(timezone), locale: DATE_LOCALES[language] });
}
