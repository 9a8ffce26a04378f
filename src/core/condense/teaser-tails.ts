/**
 * What a feed does to the end of a teaser: it glues a "read more" link after the last sentence
 * ("… in der syrischen Opposition.[mehr]", "… fully vaccinated. Read more »"), signs off in the
 * platform's name ("… was originally published in … on Medium, where people are continuing the
 * conversation …"), or it cuts the text off mid-sentence and marks the cut with an ellipsis
 * ("The rest have received ...", "… the first [&hellip;]"). A briefing shows none of them: the
 * link label and the sign-off are not the journalist's sentences, and the cut sentence no longer
 * says what its author wrote.
 */

const READ_MORE_LABEL = String.raw`(?:mehr|more|meer|plus|suite|weiter(?:lesen)?|read more|lees (?:meer|verder)|verder lezen|lesen sie mehr|mehr lesen|weiterlesen|lire la suite|continue reading|continuer la lecture)`;
// After the sentence's final punctuation: "[mehr]", "(more)", "Read more »", "Lees verder…". A bare
// "»" is not a label: it closes French quotations ("… parti. »").
const READ_MORE_RE = new RegExp(
  String.raw`([.!?…]["'”’»)]*)\s*(?:\[\s*${READ_MORE_LABEL}\s*\]|\(\s*${READ_MORE_LABEL}\s*\)|${READ_MORE_LABEL}\s*(?:[»›→>]+|\.{3}|…)?)\s*$`,
  'iu',
);
// "...", "…", "[…]", "[...]", "(…)" closing a sentence that does not end otherwise.
const CUT_RE = /(?:\.{3}|…|\[\s*(?:\.{3}|…)\s*\]|\(\s*(?:\.{3}|…)\s*\))\s*$/u;

// Medium's sign-off under every story, as its own paragraph or glued after the last sentence. The
// story's title opens it; a title is taken to hold no sentence end, so no sentence before it goes.
const MEDIUM_SIGN_OFF_RE =
  /(?:^|(?<=[.!?…]["'”’»)]*\s))(?:(?![.!?…]\s)[^\n])*?\bwas originally published (?:in [^\n]{1,120}? )?on Medium, where people are continuing the conversation by highlighting and responding to this story\.?\s*$/u;
// A cut marked in square brackets ("throughou [...]", "the first […]", as Craigslist and WordPress do).
const BRACKETED_CUT_RE = /\s*\[\s*(?:\.{3}|…)\s*\]\s*$/u;

// A label and its punctuation fit in this many characters: only the line's end is searched.
const TAIL = 48;

/** `line` without a "read more" link label after its last sentence; unchanged when it has none. */
export function stripReadMore(line: string): string {
  const from = Math.max(0, line.length - TAIL);
  const m = READ_MORE_RE.exec(from === 0 ? line : line.slice(from));
  if (!m) return line;
  return line.slice(0, from + m.index + (m[1]?.length ?? 0));
}

/** Whether `sentence` ends where its text was cut off ("The rest have received ..."). */
export function endsCut(sentence: string): boolean {
  return CUT_RE.test(sentence);
}

/** `line` without the sign-off a blogging platform puts under each story; unchanged when it has none. */
export function stripSignOff(line: string): string {
  return line.includes('on Medium, where people') ? line.replace(MEDIUM_SIGN_OFF_RE, '').trimEnd() : line;
}

/**
 * `line` with a cut marked in square brackets marked by a plain "…" instead: a cut sentence is
 * still known as cut (endsCut) and used only when nothing else is left, and the brackets, the
 * feed's markup for "more on the site", never reach a briefing.
 */
export function plainCutMark(line: string): string {
  return line.replace(BRACKETED_CUT_RE, '…');
}
