/**
 * Who made the piece rather than what happened: bylines, a reporter's credit in sentence form and
 * a wire's credit. A briefing is read without its article, so none of these belongs in it.
 * Patterns cover nl/en/de/fr; none assumes English.
 */

const BYLINE_RE = /^(?:[Dd]oor|[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Tt]ext|[Tt]ekst|[Ff]oto'?s?|[Pp]hotos?|[Bb]ild|[Rr]edactie)\s*[:.]?\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|en|und|et|e|y|&)){0,6}\s*(?:[,|•·–-]|$)/u;
/** Name particles written in lower case: "Pieter de Boer", "Ursula von der Leyen". */
export const PARTICLE = 'van|de|der|den|von|da|di|le|la|ten|ter';
// A credit in sentence form: "Al Jazeera's Divya Gopalan reports.", "CNN's Arwa Damon reports from
// Baghdad.", "… has more from the Afghan capital, Kabul.", "Correspondent Anne Mulder doet verslag.",
// "ARD-Korrespondentin Anna Schmidt berichtet aus Kiew.", or a wire's "Reporting by …; editing by
// …": who made the piece, not what happened.
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’.-]*|${PARTICLE})`;
const CREDIT_VERB = String.raw`(?:reports|has (?:more|the (?:story|details|latest)|this report)|berichtet|berichten|doet verslag|doen verslag|heeft meer|rapporte)`;
// A place as a credit names it: capitalised words joined by the few lower-case words of a place
// ("Tilburg in the Netherlands", "the Afghan capital, Kabul"). A clause word ("London that the
// talks failed") is none of them, so a sentence that goes on to tell news is no credit.
const PLACE_JOIN = 'the|in|near|outside|of|on|at|capital|city|town|border|region|province|de|het|bij|hoofdstad|stad|der|die|dem|des|im|am|bei|la|le|les|du|à|près|capitale|ville';
const PLACE_WORD = String.raw`(?:\p{Lu}[\p{L}'’.-]*|${PLACE_JOIN})`;
const PLACE = String.raw`${PLACE_WORD}(?:,?\s+${PLACE_WORD}){0,6}`;
const REPORTER_CREDIT_RE = new RegExp(
  String.raw`^(?:${NAME_WORD}\s+){1,7}${CREDIT_VERB}(?:\s+(?:from|aus|vanuit|uit|depuis|de)\s+${PLACE})?[.!]?\s*$`,
  'u',
);
const WIRE_CREDIT_RE = /^(?:[Aa]dditional\s+)?[Rr]eporting by\b|\b[Ee]diting by\s+\p{Lu}/u;
// A programme's line of who talks with whom: "Lena Vogt und Paul Berger im Gespräch mit Jonas
// Keller", "Amy Lane in conversation with Rob Hart": names on both sides and nothing else.
const NAMES = String.raw`${NAME_WORD}(?:(?:,\s*|\s+(?:und|and|en|et|&)\s+|\s+)${NAME_WORD})*`;
const CONVERSATION_CREDIT_RE = new RegExp(
  String.raw`^${NAMES}\s+(?:im Gespräch mit|in conversation with|in gesprek met|en conversation avec)\s+${NAMES}[.]?$`,
  'u',
);
// Production credits run together on one line: "Reporter: Ana Ruiz Producer: Ben Malo Editor: …".
// A role before a colon and a name after it, at the start and at least once more, in a line that
// does not end as a sentence does.
const ROLE_NAME_RE = /(?:^|\s)\p{Lu}\p{L}+:\s+\p{Lu}/gu;
const LEADING_ROLE_RE = /^\p{Lu}\p{L}+:\s+\p{Lu}/u;
const SENTENCE_END_RE = /[.!?…]["'”’»)]*\s*$/u;

/**
 * Whether `sentence` (of `tokens` word tokens) is a short byline, a reporter's or a wire's credit,
 * a programme's "… im Gespräch mit …" or a line of production credits.
 */
export function isCredit(sentence: string, tokens: number): boolean {
  if (REPORTER_CREDIT_RE.test(sentence) || WIRE_CREDIT_RE.test(sentence) || CONVERSATION_CREDIT_RE.test(sentence)) return true;
  return (tokens <= 12 && BYLINE_RE.test(sentence)) || isCreditRoll(sentence);
}

/** "Reporter: Ana Ruiz Producer: Ben Malo Cameras: …": roles and names, no sentence. */
function isCreditRoll(line: string): boolean {
  if (!LEADING_ROLE_RE.test(line) || SENTENCE_END_RE.test(line)) return false;
  return (line.match(ROLE_NAME_RE)?.length ?? 0) >= 2;
}
