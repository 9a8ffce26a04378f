import type { z } from 'zod';
import { distance } from 'fastest-levenshtein';

/** A configuration problem the operator must fix; carries every problem found, not just the first. */
export class ConfigError extends Error {
  constructor(readonly source: string, readonly problems: readonly string[]) {
    super(`${source}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  - ${problems.join('\n  - ')}`}`);
    this.name = 'ConfigError';
  }
}

/**
 * Turns zod issues into located one-liners: `feeds[3].url: not an absolute http(s) URL`. With
 * `showValues` (for issues parsed with `reportInput`) a scalar value that was refused is quoted
 * too, `(got "ftp://example.com/feed")`: for every issue, or for those whose path it accepts
 * (so a secret such as a token is never repeated into a log). `typed` gives the value as it was
 * written when the schema coerced it (the environment's "x" rather than the NaN it became).
 */
export function formatZodIssues(
  issues: readonly z.core.$ZodIssue[],
  options: {
    readonly showValues?: boolean | ((path: readonly PropertyKey[]) => boolean);
    readonly typed?: (path: readonly PropertyKey[]) => unknown;
    /** The fields an object at `path` may have, so a typo ("fulltext") is answered with the field meant. */
    readonly knownFields?: (path: readonly PropertyKey[]) => readonly string[];
  } = {},
): string[] {
  return issues.map((issue) => {
    const where = formatPath(issue.path);
    const show = typeof options.showValues === 'function' ? options.showValues(issue.path) : options.showValues === true;
    const value = options.typed?.(issue.path) ?? issue.input;
    const known = options.knownFields?.(issue.path) ?? [];
    const what = show ? `${describe(issue, known)}${quotedValue(issue, value)}` : describe(issue, known);
    return where ? `${where}: ${what}` : what;
  });
}

/** ` (got …)` for a refused string, number or boolean (cut to 60 characters); else nothing. */
function quotedValue(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === 'unrecognized_keys' || issue.code === 'invalid_union') return '';
  if (typeof input !== 'string' && typeof input !== 'number' && typeof input !== 'boolean') return '';
  const text = typeof input === 'string' && input.length > 60 ? `${input.slice(0, 59)}…` : input;
  return ` (got ${JSON.stringify(text)})`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

function describe(issue: z.core.$ZodIssue, knownFields: readonly string[]): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((k) => `"${k}"${didYouMean(k, knownFields)}`).join(', ')}`;
  return issue.message;
}

/**
 * The one known field within two edits of `field`, case aside ("fulltext", "intervall", "titel").
 * Field names are short and alike, so anything further ("topicNames" for "topics") would mislead.
 */
function didYouMean(field: string, knownFields: readonly string[]): string {
  const close = knownFields.filter((known) => distance(field.toLowerCase(), known.toLowerCase()) <= 2);
  return close.length === 1 ? ` (did you mean "${close[0]}"?)` : '';
}

/** Line and column (1-based) of a character offset, for pointing at malformed JSON. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
