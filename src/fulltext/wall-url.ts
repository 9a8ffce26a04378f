/**
 * Login, subscription and consent walls that publishers send an article link to instead of the
 * article. Such a page can hold enough text to pass for an article ("Get your first month for
 * 1 euro ..."), and a briefing made of it would be worse than the feed's teaser.
 */

// Whole host labels or path segments (an extension such as `.php` aside): `login.example.com`,
// `/account/login`, `consent.google.com`, `/abonneren`, `myprivacy.dpgmedia.nl/consent`.
const WALL_WORD = /^(?:log-?in|sign-?in|sso|auth|oauth2?|register|registration|subscribe|subscriptions?|abonneren|abonnements?|paywall|consent|cookie-?wall|privacy-?gate|gdpr|myprivacy)$/i;

/**
 * True when `url` is a login, subscription or consent page by its host or path. Meant for where
 * a redirect led: an article's own address may well say "sign-in" in its slug.
 */
export function isWallUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const labels = parsed.hostname.split('.');
  const segments = parsed.pathname.split('/').map((segment) => segment.replace(/\.[a-z0-9]+$/i, ''));
  return [...labels, ...segments].some((part) => WALL_WORD.test(part));
}
