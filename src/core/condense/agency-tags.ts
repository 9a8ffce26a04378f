/**
 * Datelines, agency and author tags glued to a sentence: "WASHINGTON (CNN) -- ", "Berlin (dpa) -
 * ", "PARIS, 3 mai (Reuters) - ", "伦敦——", "（泡泡特约）" at the start, "(bsc)", "(dpa)",
 * "(AFP/ANP)", "(mit Material von dpa)" at the end. They tell the reader nothing in a briefing. Stripping keeps the rest a
 * verbatim slice of the sentence, in every language.
 */

const AGENCY = String.raw`(?:CNN|AP|AFP|Reuters|dpa(?:-AFX)?|ANP|Belga|EFE|Xinhua|UPI|KNA|epd|APA|SDA|Belta|BBC|sid|SID|dts|AFX|ANSA|Bloomberg|rtr|RTR|Novum|ats|ATS|Keystone-SDA)`;
const AGENCY_LIST = String.raw`${AGENCY}(?:\s*[/,;]\s*${AGENCY})*`;

// "WASHINGTON (CNN) -- ", "(CNN)", "Berlin (dpa) - ", "PARIS, 3 mai (Reuters) - ", "(ANP) ", and
// the Spanish and Portuguese wires' "MADRID, 7 dic (EFE).- ".
const DATELINE_RE = new RegExp(
  String.raw`^(?:(?:\p{Lu}[\p{L}\p{M}.'’/-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’/-]*){0,3}(?:,\s*[\p{L}\p{N} .'’-]{2,30})?\s*)?\(${AGENCY_LIST}\)\.?\s*(?:--|—|–|-|:)?\s*|(?:[\p{Lu}][\p{Lu}\p{M} .'’-]*(?:,\s*[\p{L} .'’-]{2,30})?\s*)?(?:--|—)\s+)`,
  'u',
);
// "DEN HAAG - ", "AMSTERDAM – ", "WASHINGTON -- ": a place in capitals before a dash, as Dutch
// papers and wires write it; what follows must open a sentence (see stripDateline), so "NATO -
// het bondgenootschap - …" keeps its dash.
const CAPS_DATELINE_RE = /^[\p{Lu}][\p{Lu}\p{M} .'’-]{2,}(?:,\s*[\p{L} .'’-]{2,30})?\s+(?:--|—|–|-)\s+/u;
const DAILY_MAIL_RE = /^(?:By \. .*? \. )?(?:PUBLISHED: \. .*? \. \| \. )?UPDATED: \. .*? \. \| \. /u;
// Chinese and Japanese press: a city before a double dash ("伦敦——", "密苏里州克莱顿——") and a
// source tag in full-width brackets ("（泡泡特约）", "（中央社）"). Their scripts have no capitals,
// so the patterns above never see them. A place name holds none of the particles and verbs of a
// clause (的, 了, 是, 说 …): "政府宣布了新的计划——这是…" keeps its dash.
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}`;
const CLAUSE_CHARS = '了的是在和说将与为把被也都就不这有';
const CJK_DATELINE_RE = new RegExp(String.raw`^(?![^—]*[${CLAUSE_CHARS}])[${CJK}][${CJK}·・]{1,7}——\s*`, 'u');
const CJK_TAG_RE = new RegExp(String.raw`^（[${CJK}·・\s]{1,12}）\s*`, 'u');

// After the final punctuation: "(bsc)", "(kas/dpa)", "(dpa)", "(mit Material von dpa und AFP)",
// "(ANP)", "(red)". Author initials are 2 to 4 lower-case letters.
const TRAILING_TAG_RE = new RegExp(
  String.raw`([.!?…]["'”’»)]*)\s*\((?:[\p{Ll}]{2,4}(?:\s*[/,;]\s*(?:[\p{Ll}]{2,4}|${AGENCY}))*|${AGENCY_LIST}|(?:mit Material (?:von|der)|with (?:reporting|material) (?:by|from)|met (?:materiaal|informatie) van|avec) [^()]{2,60})\)\s*$`,
  'u',
);

/**
 * The sentence without a leading dateline or agency tag ("WASHINGTON (CNN) -- ", "Berlin (dpa) -
 * "): the rest is still a verbatim slice. Unchanged when it has none.
 */
export function stripDateline(sentence: string): string {
  for (const re of [DAILY_MAIL_RE, DATELINE_RE, CAPS_DATELINE_RE, CJK_DATELINE_RE, CJK_TAG_RE]) {
    const m = re.exec(sentence);
    if (m && m[0].length > 0 && m[0].length < sentence.length - 10) {
      const rest = sentence.slice(m[0].length).trimStart();
      // A letter without case (Han, Arabic, Thai) opens a sentence as a capital does.
      if (/^[\p{Lu}\p{Lo}\p{N}"“„'‘«「『,]/u.test(rest)) return rest;
    }
  }
  return sentence;
}

/**
 * The sentence without an author or agency tag after its final punctuation ("... voraus. (bsc)"
 * -> "... voraus."). An acronym in brackets that ends a sentence ("... California (UC)") stays.
 */
export function stripTrailingTag(sentence: string): string {
  const m = TRAILING_TAG_RE.exec(sentence);
  if (!m) return sentence;
  return sentence.slice(0, m.index + (m[1]?.length ?? 0));
}

/** Both of the above: the sentence as a briefing may show it. */
export function stripTags(sentence: string): string {
  return stripTrailingTag(stripDateline(sentence));
}
