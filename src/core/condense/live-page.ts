/**
 * The furniture of a live page (a live blog, a ticker), which the page shows around its posts and
 * a briefing's reader cannot use: its controls and labels ("Key events", "Show key events only",
 * "Live feed"), the time stamp over each post standing alone ("12.34pm GMT", "2h ago", "14.05
 * uur"), and the list of key events, each a link that repeats a post's title after its time
 * ("1h ago 14.05 GMT Leaders agree on a draft text"). nl/en/de/fr. A post that opens with its time
 * and is a sentence ("14:05 - Het kabinet is gevallen …") stays.
 */

const CONTROL_RE = new RegExp(
  String.raw`^(?:key events(?: \(\d+\))?|show key events only|view all key events|live feed|live updates?|live ?blog|live|filters(?: beta)?|show more|load more(?: updates| posts)?|reuse this content|(?:newest|oldest|latest) first|belangrijkste gebeurtenissen|toon meer|laad meer|meer laden|nieuwste eerst|oudste eerst|(?:die )?wichtigsten ereignisse|mehr (?:laden|anzeigen)|neueste zuerst|älteste zuerst|live-?ticker|(?:les )?moments clés|l'essentiel|en direct|voir plus|charger plus)$`,
  'iu',
);
const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));
// Words a time stamp is made of besides numbers: am/pm, time zones, "ago" and its kin, the hour
// and minute words, the small words before a time, weekdays and months (short and long).
const TIME_WORDS = words(`
  am pm a p m gmt bst utc cet cest est edt cst cdt pst pdt aest aedt ist
  ago geleden vor il y a h hr hrs min mins minute minutes hour hours day days uur uhr std stunden minuten heure heures jour jours
  from at on om op um à le
  mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday
  ma di wo do vr za zo maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
  mo mi fr sa so montag dienstag mittwoch donnerstag freitag samstag sonntag
  lun mar mer jeu ven sam dim lundi mardi mercredi jeudi vendredi samedi dimanche
  jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october november december
  januari februari maart mei juni juli augustus okt oktober
  januar februar märz mai juni juli oktober dezember
  janv févr avr juil déc janvier février mars avril juin juillet août septembre octobre novembre décembre
`);
// A number, or one glued to its unit or clock part: 34pm, 2h, 14h05, 10min, 7th.
const TIME_NUMBER_RE = /^\p{N}+(?:am|pm|h|hr|hrs|m|min|mins|d|st|nd|rd|th|e|er|h\p{N}+)?$/iu;
const DIGIT_RE = /\p{N}/u;
const TOKEN_RE = /[\p{L}\p{N}]+/gu;
/** A time stamp is short: a date, a time, a zone, "ago". */
const MAX_STAMP_TOKENS = 10;
// A key event's time before its title: "1h ago", "12.34pm GMT", "1h ago 14.05 GMT".
const CLOCK_ZONE = String.raw`\p{N}{1,2}[.:]\p{N}{2}\s?(?:[ap]\.?m\.?)?\s*(?:gmt|bst|utc|cet|cest|est|edt|pst|pdt|aest|aedt)\s+`;
const KEY_EVENT_RE = new RegExp(String.raw`^(?:\p{N}+\s?(?:h|hr|hrs|m|min|mins|d)\s+ago\s+(?:${CLOCK_ZONE})?|${CLOCK_ZONE})\p{L}`, 'iu');

/**
 * Whether a line (a paragraph) is live-page furniture; `unpunctuated`: it has no final stop, as
 * controls and key-event links have none (a time stamp may end in an abbreviation's: "vor 2 Std.").
 */
export function isLivePageFurniture(line: string, unpunctuated: boolean): boolean {
  if (isTimeStamp(line)) return true;
  return unpunctuated && (CONTROL_RE.test(line) || KEY_EVENT_RE.test(line));
}

function isTimeStamp(line: string): boolean {
  if (!DIGIT_RE.test(line)) return false;
  const tokens = line.match(TOKEN_RE) ?? [];
  if (tokens.length === 0 || tokens.length > MAX_STAMP_TOKENS) return false;
  return tokens.every((t) => TIME_NUMBER_RE.test(t) || TIME_WORDS.has(t.toLowerCase()));
}
