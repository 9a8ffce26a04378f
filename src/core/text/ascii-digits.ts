/** Any decimal digit in any script: Arabic-Indic ٣, Devanagari ३, Thai ๓, full-width ３ ... */
const DECIMAL_DIGIT = /\p{Nd}/gu;
const IS_DECIMAL_DIGIT = /^\p{Nd}$/u;

/**
 * `text` with every decimal digit of another script written as its ASCII digit (`٧:٣٠` → `7:30`),
 * so a reader whose keyboard types their own digits is read like any other. Unicode keeps each
 * script's digits in one run of ten code points from zero to nine (a stability guarantee), so a
 * digit's value is its distance from the start of its run, counted in tens where runs touch.
 */
export function toAsciiDigits(text: string): string {
  return text.replace(DECIMAL_DIGIT, (digit) => {
    let codePoint = digit.codePointAt(0) as number;
    if (codePoint <= 0x39) return digit;
    let offset = 0;
    while (IS_DECIMAL_DIGIT.test(String.fromCodePoint(codePoint - 1))) {
      codePoint -= 1;
      offset += 1;
    }
    return String(offset % 10);
  });
}
