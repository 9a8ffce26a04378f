/** Writes docs/feeds.schema.json (JSON Schema for editors) from the zod schema that validates feeds.json. */
import { writeFileSync } from 'node:fs';
import { renderFeedsJsonSchema } from '../src/feeds-json-schema.js';

writeFileSync('docs/feeds.schema.json', renderFeedsJsonSchema());
process.stdout.write('wrote docs/feeds.schema.json\n');
