// Reading a policy version back from storage. Every read re-parses the stored document with today's
// schema, so a version saved under a looser rule (a blank segment name before lengths were checked
// after trimming, say) would otherwise fail every read of the store's policy, for good: versions are
// never edited. Instead the part that no longer parses is left out, and the caller is told which.
import { type Policy, policySchema } from './policy.schema.ts';

export interface StoredPolicy {
  policy: Policy;
  /** dotted paths of what was left out, e.g. "rules.2" or "auto_approve.exclude_segments.0" */
  skipped: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Where to cut for an issue at `path`: the first array element on the path (a whole rule, one
 * segment name, one custom reason), else the field itself, which then takes its default. A rule is
 * dropped whole rather than losing one condition, because a rule without its condition would apply
 * to more returns than the store wrote it for.
 */
function cutPoint(path: readonly PropertyKey[]): PropertyKey[] {
  const i = path.findIndex((k) => typeof k === 'number');
  return i === -1 ? [...path] : path.slice(0, i + 1);
}

function removeAt(root: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return false;
  let parent: unknown = root;
  for (const key of path.slice(0, -1)) {
    parent = (parent as Record<PropertyKey, unknown> | undefined)?.[key];
    if (typeof parent !== 'object' || parent === null) return false;
  }
  const last = path[path.length - 1] as PropertyKey;
  if (Array.isArray(parent) && typeof last === 'number' && last < parent.length) {
    parent.splice(last, 1);
    return true;
  }
  if (isRecord(parent) && typeof last === 'string' && last in parent) {
    delete parent[last];
    return true;
  }
  return false;
}

/** The stored document as the engine can use it; what no longer parses is left out, never a crash. */
export function readStoredPolicy(document: unknown): StoredPolicy {
  const first = policySchema.safeParse(document);
  if (first.success) return { policy: first.data, skipped: [] };
  if (!isRecord(document)) return { policy: policySchema.parse({}), skipped: ['(document)'] };
  const doc: unknown = structuredClone(document);
  const skipped: string[] = [];
  // Each pass removes at least one thing, so this ends; the bound only guards against a surprise.
  for (let pass = 0; pass < 500; pass++) {
    const parsed = policySchema.safeParse(doc);
    if (parsed.success) return { policy: parsed.data, skipped };
    const issue = parsed.error.issues[0];
    if (!issue) break;
    const cuts =
      issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [cutPoint(issue.path)];
    let removed = false;
    for (const cut of cuts)
      if (removeAt(doc, cut)) {
        removed = true;
        skipped.push(cut.map(String).join('.'));
      }
    if (!removed) break;
  }
  return { policy: policySchema.parse({}), skipped: [...skipped, '(document)'] };
}
