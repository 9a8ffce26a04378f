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
  es: words('sr sra srta sres sras dña lic ing arq excmo excma ilmo ilma ud uds vd vds gral cnel avda aprox admón dcha izq'),
  it: words('sig sigg sig.ra sig.na dott dott.ssa avv ing arch geom rag on pres cav mons ecc.mo p.es'),
  pt: words('sra srta dra eng profa exmo exma v.exa'),
  ru: words('т.е проф акад ул им'),
  pl: words('inż mgr hab m.in np tj ul'),
  sv: words('bl.a t.ex d.v.s s.k enl fr.o.m t.o.m'),
  tr: words('doç av sn yrd örn bkz'),
};

const SOFT_COMMON = words('etc u.s u.k u.n e.u a.m p.m d.c inc ltd co corp bros l.a n.y');

const SOFT: Record<string, string[]> = {
  en: words(''),
  nl: words('enz e.a e.v.a'),
  de: words('usw u.s.w etc z.zt'),
  fr: words('etc'),
  es: words('etc ee.uu uu'),
  it: words('ecc s.p.a s.r.l'),
  pt: words('etc'),
  ru: words('г гг т.д т.п др руб тыс млн млрд'),
  pl: words('tzn itd itp'),
  sv: words('o.s.v m.m'),
  tr: words('vb vs'),
};

const NUMERIC_COMMON = words('no nos nr nrs fig p pp art vol ch');

const NUMERIC: Record<string, string[]> = {
  en: words('jan feb mar apr jun jul aug sep sept oct nov dec'),
  nl: words('blz pag hfst jan feb mrt apr jun jul aug sep sept okt nov dec'),
  de: words('s jan feb märz apr jun jul aug sep sept okt nov dez'),
  fr: words('janv févr avr juil sept oct nov déc'),
  es: words('núm pág págs cap ene feb mar abr jun jul ago sep sept oct nov dic'),
  it: words('n pag gen feb mar apr mag giu lug ago set ott nov dic'),
  pt: words('n pág jan fev mar abr mai jun jul ago set out nov dez'),
  ru: words('с стр'),
  pl: words('ok godz str'),
  sv: words('kl s'),
  tr: words('s no'),
};

/** The abbreviation sets the splitter consults for one language. */
export interface AbbreviationSets {
  readonly hard: ReadonlySet<string>;
  readonly soft: ReadonlySet<string>;
  readonly numeric: ReadonlySet<string>;
}

const KNOWN = ['en', 'nl', 'de', 'fr', 'es', 'it', 'pt', 'ru', 'pl', 'sv', 'tr'];
/**
 * What a text of unknown language gets: the union of the four languages the feeds come in most.
 * Not of all: an Italian `on.` or a Polish `r.` would glue English or Dutch sentences together.
 */
const FOR_UNKNOWN = ['en', 'nl', 'de', 'fr'];
const cache = new Map<string, AbbreviationSets>();

/**
 * Abbreviations for `language`; an unknown language gets the union of the main four (FOR_UNKNOWN),
 * so a missing language hint makes the splitter more careful, never sloppier.
 */
export function abbreviationsFor(language: string): AbbreviationSets {
  const key = KNOWN.includes(language) ? language : 'any';
  let sets = cache.get(key);
  if (!sets) {
    const langs = key === 'any' ? FOR_UNKNOWN : [key];
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
