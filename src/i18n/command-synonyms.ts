import { closestName } from '../core/closest-name.js';
import { foldName } from '../core/topic-names.js';
import type { CommandName } from './messages.js';

/**
 * What Dutch, German and French readers type when they guess a command in their own language
 * (`/hulp`, `/zeit`, `/heure`). These are not commands: Telegram's menu, dispatch, /help and every
 * example keep the English ids, so a command has one name in every chat and group. A word here
 * only lets the bot answer "did you mean /time?" to `/zeit` and `/help zeit` with the help of
 * /time. Words are written as folded (lower case, no accents, ß as ss; see foldCommandWord), and
 * one word never stands for two commands (a unit test keeps it so). Admin commands have none:
 * they are not guessed for readers.
 */
export const COMMAND_SYNONYMS: Readonly<Record<'nl' | 'de' | 'fr', Readonly<Partial<Record<CommandName, readonly string[]>>>>> = {
  nl: {
    start: ['begin', 'beginnen', 'starten', 'welkom'],
    latest: ['laatste', 'nieuwste', 'nieuws', 'actueel'],
    subscribe: ['abonneren', 'abonneer', 'volgen', 'volg', 'aanmelden'],
    unsubscribe: ['afmelden', 'uitschrijven', 'ontvolgen', 'afbestellen'],
    digest: ['overzicht', 'dagoverzicht', 'samenvatting'],
    time: ['tijd', 'tijdstip', 'uur'],
    timezone: ['tijdzone', 'zone'],
    language: ['taal'],
    feeds: ['bronnen', 'nieuwsbronnen'],
    settings: ['instellingen', 'voorkeuren'],
    status: ['toestand', 'abonnementen'],
    stop: ['stoppen', 'ophouden', 'opzeggen'],
    help: ['hulp', 'helpen', 'uitleg'],
  },
  de: {
    start: ['starten', 'anfang', 'beginnen', 'willkommen'],
    latest: ['neueste', 'neuste', 'neues', 'aktuell', 'nachrichten'],
    subscribe: ['abonnieren', 'abo', 'folgen', 'anmelden'],
    unsubscribe: ['abbestellen', 'abmelden', 'entfolgen'],
    digest: ['ubersicht', 'uebersicht', 'tagesubersicht', 'tagesuebersicht', 'zusammenfassung'],
    time: ['zeit', 'uhrzeit', 'uhr'],
    timezone: ['zeitzone'],
    language: ['sprache'],
    feeds: ['quellen', 'nachrichtenquellen'],
    settings: ['einstellungen'],
    status: ['zustand'],
    stop: ['stopp', 'stoppen', 'beenden', 'aufhoren', 'aufhoeren', 'kundigen', 'kuendigen'],
    help: ['hilfe'],
  },
  fr: {
    start: ['demarrer', 'commencer', 'debut', 'bienvenue'],
    latest: ['dernieres', 'derniers', 'nouvelles', 'actu', 'actus', 'infos'],
    subscribe: ['abonner', 'sabonner', 'abonnement', 'suivre'],
    unsubscribe: ['desabonner', 'sedesabonner', 'desinscrire'],
    digest: ['selection', 'resume', 'recap', 'recapitulatif'],
    time: ['heure', 'horaire'],
    timezone: ['fuseau', 'fuseauhoraire', 'fuseau_horaire'],
    language: ['langue'],
    feeds: ['flux', 'sources'],
    settings: ['reglages', 'parametres', 'preferences'],
    status: ['statut', 'etat'],
    stop: ['arreter', 'arret'],
    help: ['aide'],
  },
};

/** Every synonym, folded, with the command it stands for. */
const BY_WORD: ReadonlyMap<string, CommandName> = new Map(
  Object.values(COMMAND_SYNONYMS).flatMap((table) =>
    Object.entries(table).flatMap(([command, words]) => words.map((word) => [word, command as CommandName] as const)),
  ),
);

/** A command word as the table writes it: lower case, accents dropped, ß as ss (`Übersicht` → `ubersicht`). */
export function foldCommandWord(word: string): string {
  return foldName(word).replace(/ß/g, 'ss');
}

/**
 * The command among `names` a reader most likely meant by `word` (a command name, with or without
 * its slash, in any case): the command itself, the one a synonym in any language stands for
 * (`zeit` → `time`), else the closest name to a misspelt word (`lates`), else the command of the
 * closest synonym (`abonieren`). English names are tried before synonyms so that a typo of a
 * command is never taken for a synonym. Null when nothing is close, or the word stands for a
 * command not in `names` (an admin command, for a reader).
 */
export function guessCommand<Name extends CommandName>(word: string, names: readonly Name[]): Name | null {
  const folded = foldCommandWord(word.replace(/^\//, ''));
  const named = (command: string | undefined) => names.find((name) => name === command) ?? null;
  const direct = named(folded) ?? named(BY_WORD.get(folded));
  if (direct !== null) return direct;
  const closeName = closestName(folded, names);
  if (closeName !== null) return closeName;
  const synonyms = [...BY_WORD].filter(([, command]) => named(command) !== null).map(([synonym]) => synonym);
  const closeSynonym = closestName(folded, synonyms, (synonym) => BY_WORD.get(synonym) ?? synonym);
  return closeSynonym === null ? null : named(BY_WORD.get(closeSynonym));
}
