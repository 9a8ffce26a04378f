/**
 * Query parameters that only track the reader and never select content: left out of an
 * article's identity (dedupe.ts) and of the links readers are shown.
 */

const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'msclkid', 'yclid', 'mc_cid', 'mc_eid', 'igshid', '_ga', '_gl',
  'ref_src', 'ref_url', 'cmpid', 'ocid', 'icid', 'xtor', 'at_medium', 'at_campaign', 'wt_mc', 'wt.mc_id',
  'spm', 'mkt_tok', '_hsenc', '_hsmi', 'vero_id', 'oly_enc_id', 'oly_anon_id',
  'smid', 'smtyp', 'sr_share', 'ns_mchannel', 'ns_source', 'ns_campaign', 'ns_linkname', 'ns_fee',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_'];

/**
 * Publishers' own tracking parameters (the Daily Mail's `ito=1490`, the Washington Post's
 * `wprss=rss_…`), left out of the links readers are shown only: in an article's identity they
 * would make every stored article that carries one look new once, and be announced again.
 */
const SHOWN_LINK_TRACKING_PARAMS = new Set(['ito', 'wprss']);

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/**
 * `url` without its tracking parameters; the other parameters keep their order and their exact
 * spelling (re-serialising would turn `%20` into `+` and break a signed query), and the fragment
 * stays, so the link opens the same page. A URL with none, or text that is not a URL, comes back
 * unchanged.
 */
export function withoutTrackingParams(url: string): string {
  const m = /^([^?#]*)\?([^#]*)(#.*)?$/su.exec(url);
  if (!m || !URL.canParse(url)) return url;
  const [, base = '', query = '', fragment = ''] = m;
  const pairs = query.split('&');
  const kept = pairs.filter((pair) => {
    const name = paramName(pair);
    return !isTrackingParam(name) && !SHOWN_LINK_TRACKING_PARAMS.has(name.toLowerCase());
  });
  if (kept.length === pairs.length) return url;
  const rest = kept.filter(Boolean).join('&');
  return `${base}${rest ? `?${rest}` : ''}${fragment}`;
}

function paramName(pair: string): string {
  const name = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(name.replaceAll('+', ' '));
  } catch {
    return name;
  }
}
