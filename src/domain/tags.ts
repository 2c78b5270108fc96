// Tags on orders and products, which policy rules match on (`when.tags`), and customer segments,
// which rules and auto-approval match on. Every entry point (the orders API, the catalogue, the CSV
// import) parses them with these schemas, so " Clearance" from a spreadsheet and "clearance" from the
// API are the same tag to a rule, and "Flagged" from a store platform is the `flagged` segment that
// keeps a customer's returns away from automatic approval.
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

/** A customer's segments (`vip`, `flagged` ...), written as tags are. */
export const segmentsSchema = z
  .array(z.string().overwrite(normalizeTag).min(1).max(50))
  .max(MAX_TAGS)
  .overwrite((segments) => [...new Set(segments)]);

/**
 * Segment names in a policy, written as customer segments are. The length is checked after
 * normalising: " " would otherwise pass as one character and be stored as an empty name that no
 * later read accepts. (A version stored before this check still loads: see readStoredPolicy.)
 */
export const policySegmentsSchema = z.array(z.string().overwrite(normalizeTag).min(1).max(50));
