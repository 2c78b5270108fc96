// Tags on orders and products, which policy rules match on (`when.tags`). Every entry point (the
// orders API, the catalogue, the CSV import) parses them with this one schema, so " Clearance" from a
// spreadsheet and "clearance" from the API are the same tag to a rule.
import { z } from 'zod';

export const MAX_TAGS = 100;
export const MAX_TAG_LENGTH = 100;

/** How every tag is written: NFC, trimmed, single spaces, lower case. */
export const normalizeTag = (t: string): string =>
  t.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

export const tagSchema = z
  .string()
  .overwrite(normalizeTag)
  .min(1)
  .max(MAX_TAG_LENGTH)
  // Commas and semicolons separate tags in platform exports and in the CSV layout, and PostgreSQL
  // text cannot hold a NUL. (Spelled as \x ranges: the OpenAPI pattern is read without the u flag.)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  .regex(/^[^,;\x00-\x1f\x7f]*$/, 'a tag has no commas, semicolons or control characters');

export const tagsSchema = z
  .array(tagSchema)
  .max(MAX_TAGS)
  .overwrite((tags) => [...new Set(tags)]);
