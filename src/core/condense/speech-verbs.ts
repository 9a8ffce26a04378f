/**
 * The verbs that name who spoke, per language, for telling a quote's attribution ("… ?' Hart
 * asked.", "…?“, fragte sie.") from a sentence that goes on after a quote. Past and present forms.
 */

const SPEECH_VERBS: Partial<Record<string, string>> = {
  en: 'said|says|asked|asks|added|adds|told|tells|replied|replies|wrote|writes|shouted|shouts|yelled|recalled|explained|insisted|continued|admitted|joked|chanted|cried|demanded|wondered',
  nl: 'zei|zegt|vroeg|vraagt|riep|roept|aldus|antwoordde|schreef|schrijft',
  de: 'sagte|sagt|fragte|fragt|rief|ruft|meinte|meint|erklärte|erklärt|schrieb|schreibt|antwortete',
  fr: 'dit|demande|demandé|lance|lancé|interroge|répond|répondu|écrit|ajoute|ajouté|s’interroge|s\'interroge',
};

/** A pattern that finds one of `language`'s speech verbs as a whole word, or null without a list. */
export function speechVerbPattern(language: string | undefined): string | null {
  return (language && SPEECH_VERBS[language]) || null;
}
