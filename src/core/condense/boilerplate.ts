/**
 * Article-page boilerplate at paragraph level: share buttons, "read also" blocks with their
 * lists of related headlines, bylines, photo credits, publication times, newsletter and cookie notices, forum footers,
 * what is left of an embedded social media post, a live page's controls and time stamps. Works on the plain text `htmlToText` makes
 * (one paragraph per line), in nl/en/de/fr.
 */

import { isSocialPostLine } from '../text/social-embeds.js';
import { isLivePageFurniture } from './live-page.js';

const LINE_RE =
  /^(?:(?:lees|bekijk|kijk|luister) (?:ook|meer|hier)|read (?:also|more)|see also|related(?: articles| stories)?|more on this|meer over dit onderwerp|gerelateerde artikelen|lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|weitere artikel|lire (?:aussi|également)|à lire aussi|voir aussi|sur le même sujet|share this(?: article| story)?|deel dit (?:artikel|bericht)|artikel teilen|partager cet article|tekst loopt (?:verder|door) onder|advertentie|advertisement|anzeige|publicité)(?![\p{L}])/iu;
const SHARE_ONLY_RE =
  /^(?:(?:share|deel|delen|teilen|partager|facebook|twitter|tweet|x|bluesky|mastodon|threads|whatsapp|linkedin|e-?mail|mail|print|reddit|telegram|pinterest|copy link|link)[\s|·•/,:]*)+$/iu;
const NAME = String.raw`(?:\p{Lu}[\p{L}.'’-]*|van|de|der|den|ten|ter|von|zu|du|la|le|and|en|und|et|&)`;
const BYLINE_RE = new RegExp(
  String.raw`^(?:[Dd]oor|[Bb]y|BY|[Vv]on|VON|[Pp]ar|[Tt]ekst|[Tt]ext|[Ff]oto'?s?|[Pp]hotos?|[Bb]ild(?:er)?)\s*:?\s+\p{Lu}[\p{L}.'’-]*(?:\s+${NAME}){0,6}\s*(?:[,|•·–-]\s*[^.!?]{0,60})?$`,
  'u',
);
// Forum and aggregator footers: "submitted by /u/name to /r/news", "[link] [1143 comments]".
const SUBMITTED_RE = /^(?:submitted|posted) by\s+\S+(?:\s+(?:to|in)\s+\S+)?$/iu;
const LINK_LABELS_RE = /^(?:\[[^\][]{1,40}\]\s*)+$/u;
// A channel or programme describing itself: "About National Geographic: …", "À propos de …: …".
const ABOUT_US_RE = /^(?:About|À propos de)\s+\p{Lu}[^:.!?]{0,60}:\s/u;
const CREDIT_RE = /^(?:©|\(c\)\s|copyright\b|(?:foto|photo|bild|beeld|credit)s?\s*:).{0,80}$/iu;
const NOTICE_RE = /(?:newsletter|nieuwsbrief|abonneer|subscribe|cookies?|javascript|advertentie|anzeige|all rights reserved|alle rechten voorbehouden)/iu;
// Consent notices of embedded content (charts, videos, posts): a paragraph that names three of
// these (each a set of lower-case marks) is the site talking about itself, whatever its length.
const CONSENT_CUES: readonly (readonly string[])[] = [
  ['datenschutz'],
  ['ip-adress'],
  ['zustimmung', 'einwilligung'],
  ['externe server', 'externen server', 'externe inhalte', 'externen inhalt', 'drittanbieter', 'des anbieters'],
  ['hier klicken', 'click here', 'click to ', 'klik hier', 'klik op', 'cliquez'],
  ['privacy', 'cookie', 'consent', 'third-party', 'third party'],
  ['toestemming', 'privacyverklaring', 'externe inhoud', 'externe partij'],
  ['données personnelles', 'consentement', 'confidentialité'],
];
// The placeholder an embedded player leaves in the text, often glued to the next sentence
// ("Media playback is not supported on this device\"When he was ..."): cut from the line's start.
const EMBED_NOTICE_RE =
  /^(?:media playback is (?:not |un)?supported on (?:this|your) device|this video (?:can ?not|cannot) be played|your browser does not support (?:the )?(?:video|audio)(?: element| tag)?\.?)\s*/iu;
// When the page was published or updated: "Gepubliceerd: 7 december 2026 10:12, bijgewerkt: …",
// "Le 7 décembre 2026 à 10h12, modifié le …", "Updated 11:30 GMT". Only unpunctuated and short.
const TIMESTAMP_LABEL_RE =
  /(?:^|[\s,(|])(?:gepubliceerd|bijgewerkt|aangepast|published|updated|last modified|veröffentlicht|aktualisiert|zuletzt geändert|publié|mis à jour|modifié)(?![\p{L}])/iu;
// A bullet typed into the text at the start of a line (not a list htmlToText made: it writes none).
const BULLET_RE = /^\s*[•▪►◦●■‣]\s*/u;
const DIGIT_RE = /\p{N}/u;
const TERMINAL_RE = /[.!?…:؟۔।॥።。！？]["'”’»)」』）]*$/u;
const TOKEN_RE = /[\p{L}\p{N}]+/gu;

/**
 * `text` without boilerplate paragraphs. After a "read also" heading, the short unpunctuated
 * lines that follow (related headlines) go too. Real sentences are never touched.
 */
export function removeBoilerplate(text: string): string {
  const out: string[] = [];
  let inRelated = false;
  for (const raw of text.split('\n')) {
    const line = withoutBullet(raw.replace(EMBED_NOTICE_RE, ''));
    const trimmed = line.trim();
    if (!trimmed && raw.trim()) continue;
    if (!trimmed) {
      out.push(line);
      continue;
    }
    const tokens = trimmed.match(TOKEN_RE)?.length ?? 0;
    const short = tokens <= 16;
    const unpunctuated = !TERMINAL_RE.test(trimmed);
    if (inRelated && unpunctuated && short) continue;
    inRelated = false;
    if (short && LINE_RE.test(trimmed)) {
      inRelated = true;
      continue;
    }
    if (SHARE_ONLY_RE.test(trimmed) || LINK_LABELS_RE.test(trimmed) || SUBMITTED_RE.test(trimmed) || ABOUT_US_RE.test(trimmed)) continue;
    if (short && (BYLINE_RE.test(trimmed) || CREDIT_RE.test(trimmed))) continue;
    if (short && NOTICE_RE.test(trimmed)) continue;
    if (short && unpunctuated && DIGIT_RE.test(trimmed) && TIMESTAMP_LABEL_RE.test(trimmed)) continue;
    if (isConsentNotice(trimmed) || isSocialPostLine(trimmed) || isLivePageFurniture(trimmed, unpunctuated)) continue;
    out.push(line);
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * A line without the bullet typed into it ("• The council approved …"), which is formatting; a
 * bulleted line without a final stop is a link to another story, as teasers list them ("• Ferry
 * company cuts half of its routes, union says"), and is dropped whatever its length ('' back).
 */
function withoutBullet(line: string): string {
  const bullet = BULLET_RE.exec(line);
  if (!bullet) return line;
  const rest = line.slice(bullet[0].length);
  return TERMINAL_RE.test(rest.trim()) ? rest : '';
}

const ANY_CONSENT_CUE_RE = new RegExp(
  CONSENT_CUES.flat().map((m) => m.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|'),
  'i',
);

function isConsentNotice(paragraph: string): boolean {
  if (!ANY_CONSENT_CUE_RE.test(paragraph)) return false;
  const lower = paragraph.toLowerCase();
  let cues = 0;
  for (const marks of CONSENT_CUES) if (marks.some((m) => lower.includes(m)) && ++cues >= 3) return true;
  return false;
}
