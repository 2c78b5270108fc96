// The policy being edited is plain JSON: the form and the JSON editor change the same object, and the
// domain's own zod schema (the one the server validates with) checks it as the owner types.
import { policySchema } from '@domain/policy/policy.schema.ts';
import type { $ZodErrorMap } from 'zod/v4/core';
import enLocale from 'zod/v4/locales/en.js';
import ruLocale from 'zod/v4/locales/ru.js';
import zhLocale from 'zod/v4/locales/zh-CN.js';
import type { Problem } from '../../api/transport.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type Path = readonly (string | number)[];
/** field path ("rules.0.when.countries") -> message */
export type FieldErrors = ReadonlyMap<string, string>;

export const pathKey = (path: Path) => path.join('.');

export function getIn(value: Json | undefined, path: Path): Json | undefined {
  let at: Json | undefined = value;
  for (const part of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = Array.isArray(at) ? at[Number(part)] : at[String(part)];
  }
  return at;
}

/** A copy with `value` at `path`; `undefined` removes the key, so an optional field can be unset. */
export function setIn(value: Json, path: Path, next: Json | undefined): Json {
  const [head, ...rest] = path;
  if (head === undefined) return next ?? null;
  const child = (v: Json | undefined) => (rest.length === 0 ? next : setIn(v ?? {}, rest, next));
  if (Array.isArray(value)) {
    const copy = [...value];
    const made = child(copy[Number(head)]);
    if (made === undefined) copy.splice(Number(head), 1);
    else copy[Number(head)] = made;
    return copy;
  }
  const obj: JsonObject = value !== null && typeof value === 'object' ? { ...value } : {};
  const made = child(obj[String(head)]);
  if (made === undefined) delete obj[String(head)];
  else obj[String(head)] = made;
  return obj;
}

const LOCALES: Record<string, () => { localeError: $ZodErrorMap }> = {
  en: enLocale,
  ru: ruLocale,
  'zh-Hans': zhLocale,
};

/** The schema's own messages (e.g. "a rule needs at least one effect") win; generic ones are localised. */
export function validate(draft: Json, language: string): FieldErrors {
  const locale = (LOCALES[language] ?? enLocale)().localeError;
  const result = policySchema.safeParse(draft, { error: locale, jitless: true });
  const errors = new Map<string, string>();
  if (!result.success)
    for (const issue of result.error.issues) {
      const key = pathKey(issue.path as (string | number)[]);
      if (!errors.has(key)) errors.set(key, issue.message);
    }
  return errors;
}

/** A 400 from PUT /policy names fields of the document; from /policy/preview, of its `policy`. */
export function serverFieldErrors(problem: Problem | null): FieldErrors {
  const errors = new Map<string, string>();
  for (const e of problem?.errors ?? []) {
    const path = e.path.replace(/^(body\.)?(policy\.)?/, '');
    if (!errors.has(path)) errors.set(path, e.message);
  }
  return errors;
}

/** Errors at `path` or inside it, e.g. every problem of one rule. */
export function errorsUnder(errors: FieldErrors, path: Path): string[] {
  const key = pathKey(path);
  return [...errors].filter(([k]) => k === key || k.startsWith(`${key}.`)).map(([, m]) => m);
}

export interface Change {
  path: string;
  before: Json | undefined;
  after: Json | undefined;
}

const isLeaf = (v: Json | undefined) =>
  v === undefined ||
  v === null ||
  typeof v !== 'object' ||
  (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'));

const ruleName = (r: Json, i: number) =>
  r !== null && typeof r === 'object' && !Array.isArray(r) && typeof r.name === 'string' && r.name
    ? r.name
    : `#${i + 1}`;

/** The same rules in another order: one change naming the new order, not every field of each. */
function reordered(before: Json[], after: Json[]): boolean {
  if (before.length !== after.length) return false;
  const key = (list: Json[]) => list.map((x) => JSON.stringify(x)).sort();
  return (
    JSON.stringify(before) !== JSON.stringify(after) &&
    JSON.stringify(key(before)) === JSON.stringify(key(after))
  );
}

/** Every leaf that differs; a list of plain values (countries, reasons) counts as one leaf. */
export function diff(before: Json | undefined, after: Json | undefined, prefix = ''): Change[] {
  if (Array.isArray(before) && Array.isArray(after) && reordered(before, after))
    return [{ path: prefix, before: before.map(ruleName), after: after.map(ruleName) }];
  if (isLeaf(before) || isLeaf(after)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: prefix, before, after }];
  }
  const a = before as JsonObject | Json[];
  const b = after as JsonObject | Json[];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const out: Change[] = [];
  for (const k of keys) {
    const get = (o: JsonObject | Json[]) => (Array.isArray(o) ? o[Number(k)] : o[k]);
    out.push(...diff(get(a), get(b), prefix ? `${prefix}.${k}` : k));
  }
  return out;
}
