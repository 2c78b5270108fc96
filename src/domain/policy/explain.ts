// Builds explanations: a stable code, machine-readable params, a message in the customer's language
// and the source (a statute, or the store's policy version and rule). Money params stay in minor units
// and dates stay ISO in `params`; only the message shows them formatted for the locale.

import { citationLabel } from '../../i18n/citations.ts';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  normalizeLanguage,
  type Params,
  tFill,
} from '../../i18n/index.ts';
import type { Explanation } from './types.ts';

const MONEY_PARAMS = new Set(['fee', 'amount', 'available', 'max_refund', 'total', 'max_unit_value']);
const DATE_PARAMS = new Set(['deadline']);
/** params that choose the plural form of a message */
const COUNT_PARAMS = ['days', 'months', 'years'] as const;

export interface Explainer {
  /** an explanation whose source is the store's policy (rule: 1-based index, or null for the base policy) */
  store(code: string, params?: Explanation['params'], rule?: number | null): Explanation;
  /** an explanation whose source is a statute */
  law(code: string, source: string, params?: Explanation['params']): Explanation;
  storeSource(rule?: number | null): string;
}

// Messages are pure functions of (language, currency, zone, code, param values) and repeat across
// decisions, so they are memoised in a trie keyed by those values before any formatting happens
// (nested maps, so no key string is built on the hot path). Each decision still gets its own
// explanation objects: sharing frozen ones measured slower.
class MemoNode {
  text: string | undefined = undefined;
  next: Map<unknown, MemoNode> | undefined = undefined;
}
const MEMO_LIMIT = 200_000;
let memoSize = 0;
/** language -> currency -> zone -> policy version -> explainer */
const explainers: Level = new Map();
const roots = new Map<string, MemoNode>();

function child(node: MemoNode, key: unknown): MemoNode {
  node.next ??= new Map();
  let c = node.next.get(key);
  if (!c) {
    c = new MemoNode();
    node.next.set(key, c);
    memoSize++;
  }
  return c;
}

export interface ExplainerOptions {
  language: string;
  currency: string;
  timeZone: string;
  policyVersion: number;
}

/** One explainer per language, currency, zone and policy version; the message memo is shared by
 *  every version. Found through nested maps: no key string is built per decision. */
export function makeExplainer(opts: ExplainerOptions): Explainer {
  if (memoSize >= MEMO_LIMIT) {
    explainers.clear();
    roots.clear();
    memoSize = 0;
  }
  const byVersion = level(level(level(explainers, opts.language), opts.currency), opts.timeZone);
  let x = byVersion.get(opts.policyVersion);
  if (x) return x;
  const rootKey = `${opts.language}|${opts.currency}|${opts.timeZone}`;
  let root = roots.get(rootKey);
  if (!root) {
    root = new MemoNode();
    roots.set(rootKey, root);
  }
  x = createExplainer(opts, root);
  byVersion.set(opts.policyVersion, x);
  return x;
}

// biome-ignore lint/suspicious/noExplicitAny: one nested map type for the four levels
type Level = Map<unknown, any>;
function level(m: Level, key: unknown): Level {
  let next = m.get(key);
  if (!next) {
    next = new Map();
    m.set(key, next);
  }
  return next;
}

function createExplainer(opts: ExplainerOptions, root: MemoNode): Explainer {
  const lang = normalizeLanguage(opts.language);
  const base = `policy v${opts.policyVersion}`;
  const sources: string[] = [base];
  const storeSource = (rule?: number | null): string => {
    if (!rule) return base;
    sources[rule] ??= `${base}, rule ${rule}`;
    return sources[rule];
  };

  const render = (code: string, params: Explanation['params']): string => {
    const display: Params = { ...params };
    for (const k in params) {
      const v = params[k];
      // an amount in another currency than the order's names its own (`from_currency`)
      if (k === 'from_amount' && typeof v === 'number' && typeof params.from_currency === 'string')
        display[k] = formatMoney(lang, v, params.from_currency);
      else if (k === 'rate_day' && typeof v === 'string') display[k] = formatDate(lang, v);
      else if (MONEY_PARAMS.has(k) && typeof v === 'number') display[k] = formatMoney(lang, v, opts.currency);
      else if (DATE_PARAMS.has(k) && typeof v === 'string')
        display[k] = formatDateTime(lang, v, opts.timeZone);
    }
    for (const k of COUNT_PARAMS) {
      const v = params[k];
      if (typeof v === 'number') {
        display.count = v;
        break;
      }
    }
    return tFill(lang, `explanations.${code}`, display);
  };

  const message = (code: string, params: Explanation['params']): string => {
    // a code always comes with the same param names, so their values identify the message
    let node = child(root, code);
    for (const k in params) node = child(node, params[k]);
    node.text ??= render(code, params);
    return node.text;
  };

  // this explainer's citations in its language, looked up once each (the hot path makes millions)
  const labels = new Map<string, string>();
  const label = (source: string): string => {
    let l = labels.get(source);
    if (l === undefined) {
      l = citationLabel(lang, source);
      labels.set(source, l);
    }
    return l;
  };

  return {
    store: (code, params = {}, rule = null) => {
      const source = storeSource(rule);
      return { code, params, message: message(code, params), source, source_label: label(source) };
    },
    law: (code, source, params = {}) => ({
      code,
      params,
      message: message(code, params),
      source,
      source_label: label(source),
    }),
    storeSource,
  };
}

/** A stored explanation again, in another language and zone (staff read in the console's language
 *  what the customer read in theirs); code, params and source stay as decided. */
export function retell(
  e: Explanation,
  opts: { language: string; currency: string; timeZone: string },
): Explanation {
  const x = makeExplainer({ ...opts, policyVersion: 0 });
  const again = x.law(e.code, e.source, e.params);
  return { ...e, message: again.message, source_label: again.source_label };
}
