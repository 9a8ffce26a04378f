/**
 * The site talking to the reader instead of telling news: asking them to sign up or to turn on
 * JavaScript, or pointing at its own page or live coverage, which a briefing's reader cannot
 * follow. nl/en/de/fr.
 */

// The site asking the reader to sign up, in the imperative that opens the sentence: "Sign up here
// to …", "Meld je aan …", "Melden Sie sich jetzt an …", "Inscrivez-vous …". News about signing up
// ("Volunteers signed up …") does not open so.
const SIGN_UP_RE = /^(?:sign up|meld je|melden sie sich|registrieren sie sich|inscrivez-vous|abonnez-vous)\b/iu;
// The page pointing at itself, which a briefing's reader cannot follow: a formal imperative that
// opens the sentence ("Sehen Sie hier, was …", "Verfolgen Sie …", "Suivez …"), or a short sentence
// that sends the reader to the live coverage ("Alle Entwicklungen im Liveblog.", "Follow our
// rolling coverage.").
const ADDRESSES_READER_RE = /^(?:(?:sehen|lesen|hören|verfolgen|erfahren|schauen) sie|suivez|regardez|écoutez)(?![\p{L}])/iu;
const LIVE_COVERAGE_RE = /(?<![\p{L}])(?:live ?blog|live-?ticker|rolling coverage|live coverage)/iu;
const MAX_POINTER_TOKENS = 12;
// The page asking for JavaScript ("Please turn on JavaScript in your browser to use the filters
// and see all the key events …", "Schakel JavaScript in om …", "Bitte aktivieren Sie JavaScript
// …"), at any length; news about the language ("JavaScript is still the most used …") asks nothing.
const ENABLE_SCRIPT_RE =
  /(?:turn on|switch on|enable|activate|allow)\s+(?:\p{L}+\s+)?javascript|javascript\s+(?:is\s+)?(?:disabled|turned off|switched off|must be enabled|is required)|(?:schakel|zet) javascript\s+(?:in|aan)|javascript\s+(?:in(?:te)?schakelen|aan(?:te)?zetten|aktivieren|einschalten|zulassen)|aktivieren sie (?:bitte )?javascript|(?:activez|activer|autorisez|autoriser) (?:le )?javascript/iu;

/** The site asking the reader to sign up or turn on JavaScript, or pointing at its own page or live coverage. */
export function isSiteTalking(sentence: string, tokens: number): boolean {
  if (SIGN_UP_RE.test(sentence) || ADDRESSES_READER_RE.test(sentence) || ENABLE_SCRIPT_RE.test(sentence)) return true;
  return tokens <= MAX_POINTER_TOKENS && LIVE_COVERAGE_RE.test(sentence);
}
