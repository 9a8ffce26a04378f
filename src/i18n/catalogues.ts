import { de } from 'date-fns/locale/de';
import { enGB } from 'date-fns/locale/en-GB';
import { fr } from 'date-fns/locale/fr';
import { nl } from 'date-fns/locale/nl';
import type { UiLanguage } from '../core/types.js';
import { DE } from './de.js';
import { EN } from './en.js';
import { FR } from './fr.js';
import type { Messages } from './messages.js';
import { NL } from './nl.js';

/** Every interface language's messages; a language added to UI_LANGUAGES must be added here. */
export const CATALOGUES: Readonly<Record<UiLanguage, Messages>> = { nl: NL, en: EN, de: DE, fr: FR };

/** The date-fns locale each interface language writes dates with (only these are loaded). */
export const DATE_LOCALES: Readonly<Record<UiLanguage, typeof nl>> = { nl, en: enGB, de, fr };
