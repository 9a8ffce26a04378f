import { z } from 'zod';
import { FEEDS_DOCUMENT_SCHEMA } from './feeds-file.js';

/** The JSON Schema of feeds.json as text, so editors can complete and check the file. */
export function renderFeedsJsonSchema(): string {
  const schema = z.toJSONSchema(FEEDS_DOCUMENT_SCHEMA, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'newsbrief feeds.json' }, null, 2)}\n`;
}
