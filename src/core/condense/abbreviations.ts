/**
 * Abbreviations per language, for the sentence splitter. Keys are lower case and keep their
 * inner dots (`o.a`, `z.b`, `u.s`); the final dot is not part of the key.
 *
 * - HARD: a period after these never ends a sentence (`dhr. Rutte`, `z.B. ein`).
 * - SOFT: usually mid-sentence, but may end one (`enz.`, `U.S.`, `p.m.`): the splitter breaks
 *   after them only when the next word is a typical sentence opener (a stopword).
 * - NUMERIC: abbreviations only before a number (`nr. 5`, `Jan. 12`, `blz. 3`).
 */

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

const HARD_COMMON = words(`dr drs prof mr mrs ms mt ft gen gov sen rep lt col sgt capt cpt cmdr adm maj rev hon
  st sr jr vs ca cf e.g i.e ph.d approx dept est resp`);

const HARD: Record<string, string[]> = {
  en: words('al messrs mmes gens supt insp det cpl pvt pfc spc spec sgt ave blvd rd dist gov atty lt gen adm brig cdr'),
  nl: words(`dhr mevr mw mej ir ing bc bijv bv b.v d.w.z dwz m.a.w o.a a.s jl evt incl excl mln mld mrd ong
    t.a.v i.p.v m.b.t z.g.a.n e.d zgn kon jhr gebr n.a.v a.d.h.v o.l.v m.i i.v.m t.o.v n.v e.v m.n c.q
    vnl vgl zg red prov gem burg wnd plv afd tel mgr drs mr ds o.m m.u.v a.g.v vz ca`),
  de: words(`al z.b u.a bzw d.h vgl ggf mio mrd hr fr frau str bzgl evtl inkl zzgl s.o s.u abs dipl ing
    prof dr u.u z.t o.g sog ca gem lt bspw v.a i.d.r d.j`),
  fr: words('al m mm mme mmes mlle mlles me ste av env p.ex cie éd dir'),
};

const SOFT_COMMON = words('etc u.s u.k u.n e.u a.m p.m d.c inc ltd co corp bros l.a n.y');

const SOFT: Record<string, string[]> = {
  en: words(''),
  nl: words('enz e.a e.v.a'),
  de: words('usw u.s.w etc z.zt'),
  fr: words('etc'),
};

const NUMERIC_COMMON = words('no nos nr nrs fig p pp art vol ch');

const NUMERIC: Record<string, string[]> = {
  en: words('jan feb mar apr jun jul aug sep sept oct nov dec'),
  nl: words('blz pag hfst jan feb mrt apr jun jul aug sep sept okt nov dec'),
  de: words('s jan feb märz apr jun jul aug sep sept okt nov dez'),
  fr: words('janv févr avr juil sept oct nov déc'),
};

/** The abbreviation sets the splitter consults for one language. */
export interface AbbreviationSets {
  readonly hard: ReadonlySet<string>;
  readonly soft: ReadonlySet<string>;
  readonly numeric: ReadonlySet<string>;
}

const KNOWN = ['en', 'nl', 'de', 'fr'];
const cache = new Map<string, AbbreviationSets>();

/**
 * Abbreviations for `language`; an unknown language gets the union of all known ones, so a
 * missing language hint makes the splitter more careful, never sloppier.
 */
export function abbreviationsFor(language: string): AbbreviationSets {
  const key = KNOWN.includes(language) ? language : 'any';
  let sets = cache.get(key);
  if (!sets) {
    const langs = key === 'any' ? KNOWN : [key];
    sets = {
      hard: new Set([...HARD_COMMON, ...langs.flatMap((l) => HARD[l] ?? [])]),
      soft: new Set([...SOFT_COMMON, ...langs.flatMap((l) => SOFT[l] ?? [])]),
      numeric: new Set([...NUMERIC_COMMON, ...langs.flatMap((l) => NUMERIC[l] ?? [])]),
    };
    cache.set(key, sets);
  }
  return sets;
}

/** Month names (lower case) that follow a German/Dutch ordinal date like `3. Oktober`. */
export const MONTHS: ReadonlySet<string> = new Set(
  words(`januar februar märz april mai juni juli august september oktober november dezember
    jänner januari februari maart mei augustus janvier février mars avril juin juillet août septembre
    octobre novembre décembre`),
);
