// The messages the store sends, as data: each template's timing (a direct answer goes at once, news
// waits for the customer's daytime), the variables it may use, and the link it carries. The shipped
// text lives in templates/<language>.json, written per language; a store may override any template
// per language (message_templates), checked before it is saved: only known variables, and the
// case's number in every subject, so a reply threads and a customer can find it.
import type { Language } from '../../i18n/index.ts';
import { LANGUAGES, normalizeLanguage } from '../../i18n/index.ts';
import de from './templates/de.json' with { type: 'json' };
import en from './templates/en.json' with { type: 'json' };
import es from './templates/es.json' with { type: 'json' };
import fr from './templates/fr.json' with { type: 'json' };
import ja from './templates/ja.json' with { type: 'json' };
import ptBR from './templates/pt-BR.json' with { type: 'json' };
import ru from './templates/ru.json' with { type: 'json' };
import zhHans from './templates/zh-Hans.json' with { type: 'json' };
import zhHant from './templates/zh-Hant.json' with { type: 'json' };

/** Every message carries these. */
export const COMMON_VARIABLES = ['customer_name', 'store_name', 'number', 'order_number'] as const;

interface TemplateDef {
  /** direct: answers what the customer just did, sent at once; proactive: news, at their daytime */
  timing: 'direct' | 'proactive';
  /** variables beyond the common ones */
  variables: readonly string[];
  /** the portal page the message links to (signed when sent) */
  action: 'portal' | 'return' | 'case' | 'survey' | null;
  /** what the template says, for the editor */
  about: string;
}

export const TEMPLATE_DEFS = {
  return_requested: {
    timing: 'direct',
    variables: ['items'],
    action: 'return',
    about: 'A return request arrived and waits for review',
  },
  return_approved: {
    timing: 'direct',
    variables: ['items'],
    action: 'return',
    about: 'A return is approved (no label: the customer sends it themselves)',
  },
  return_label: {
    timing: 'direct',
    variables: ['carrier', 'tracking_number'],
    action: 'return',
    about: 'A return is approved and its label is ready',
  },
  return_rejected: {
    timing: 'direct',
    variables: ['reason'],
    action: 'return',
    about: 'A return request is rejected, with the reason given',
  },
  return_received: {
    timing: 'direct',
    variables: [],
    action: 'return',
    about: 'The returned parcel arrived at the warehouse',
  },
  refund_sent: {
    timing: 'direct',
    variables: ['amount'],
    action: 'portal',
    about: 'A refund left through the payment provider',
  },
  case_opened: {
    timing: 'direct',
    variables: ['case_kind', 'due'],
    action: 'case',
    about: 'A case (cancellation, address change, parcel, item problem, question) was opened',
  },
  case_resolved: {
    timing: 'direct',
    variables: ['outcome'],
    action: 'case',
    about: 'A case is resolved, with what was done',
  },
  case_offer: {
    timing: 'direct',
    variables: ['offer', 'message'],
    action: 'case',
    about: 'The team proposes a solution the customer accepts or declines',
  },
  replacement_shipped: {
    timing: 'proactive',
    variables: ['carrier', 'tracking_number'],
    action: 'portal',
    about: 'A replacement order shipped',
  },
  delivery_delay: {
    timing: 'proactive',
    variables: ['rights'],
    action: 'case',
    about: 'A parcel passed its late threshold: an apology with what the law gives',
  },
  tracking_update: {
    timing: 'proactive',
    variables: ['milestone', 'detail'],
    action: 'portal',
    about: 'A tracking milestone (left origin, customs, out for delivery …)',
  },
  survey: {
    timing: 'proactive',
    variables: [],
    action: 'survey',
    about: 'The satisfaction survey after a case is resolved',
  },
  agent_reply: {
    timing: 'direct',
    variables: ['message'],
    action: 'case',
    about: 'A reply written by the team (free text or a suggested reply)',
  },
} as const satisfies Record<string, TemplateDef>;

export type TemplateKey = keyof typeof TEMPLATE_DEFS;
export const TEMPLATE_KEYS = Object.keys(TEMPLATE_DEFS) as TemplateKey[];

export interface TemplateText {
  subject: string;
  body: string;
}
interface Catalogue {
  templates: Partial<Record<TemplateKey, TemplateText>>;
  phrases: Record<string, unknown>;
}

const CATALOGUES: Record<Language, Catalogue> = {
  en,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  ru,
  es,
  de,
  fr,
  'pt-BR': ptBR,
  ja,
} as Record<Language, Catalogue>;

export function isTemplateKey(key: string): key is TemplateKey {
  return Object.hasOwn(TEMPLATE_DEFS, key);
}

/** The shipped text of a template in a language, English where that language lacks it. */
export function shippedTemplate(key: TemplateKey, language: string): TemplateText & { language: Language } {
  const lang = normalizeLanguage(language);
  const own = CATALOGUES[lang].templates[key];
  if (own) return { ...own, language: lang };
  return { ...(CATALOGUES.en.templates[key] as TemplateText), language: 'en' };
}

/** A phrase ('greeting', 'case_kind.lost_parcel' …) in a language, English where it lacks one. */
export function phrase(language: string, path: string): string {
  const lang = normalizeLanguage(language);
  const read = (c: Catalogue) =>
    path
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], c.phrases);
  const own = read(CATALOGUES[lang]);
  if (typeof own === 'string') return own;
  const fallback = read(CATALOGUES.en);
  return typeof fallback === 'string' ? fallback : path;
}

/** Templates and phrases a language lacks (reported by a test; they fall back to English). */
export function missingTranslations(): { language: Language; key: string }[] {
  const paths = (node: unknown, prefix: string): string[] =>
    typeof node === 'string'
      ? [prefix]
      : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
          paths(v, prefix ? `${prefix}.${k}` : k),
        );
  const wanted = paths(CATALOGUES.en, '');
  const out: { language: Language; key: string }[] = [];
  for (const language of LANGUAGES) {
    if (language === 'en') continue;
    const have = new Set(paths(CATALOGUES[language], ''));
    for (const key of wanted) if (!have.has(key)) out.push({ language, key });
  }
  return out;
}

const VARIABLE = /\{\{\s*([a-zA-Z_][\w]*)\s*\}\}/g;

/** Fills `{{name}}` with the values given; a variable without a value becomes empty. */
export function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(VARIABLE, (_, name: string) => values[name] ?? '');
}

export interface TemplateProblem {
  field: 'subject' | 'body';
  code: 'unknown_variable' | 'number_missing' | 'empty' | 'unbalanced_braces';
  message: string;
}

/** What is wrong with a store's text for a template: unknown variables, no number in the subject. */
export function checkTemplate(key: TemplateKey, text: TemplateText): TemplateProblem[] {
  const allowed = new Set<string>([...COMMON_VARIABLES, ...TEMPLATE_DEFS[key].variables]);
  const problems: TemplateProblem[] = [];
  for (const field of ['subject', 'body'] as const) {
    const value = text[field];
    if (!value.trim()) {
      problems.push({ field, code: 'empty', message: `The ${field} is empty` });
      continue;
    }
    const stripped = value.replace(VARIABLE, '');
    if (stripped.includes('{{') || stripped.includes('}}'))
      problems.push({
        field,
        code: 'unbalanced_braces',
        message: `The ${field} has a {{ or }} that is not a variable: write variables as {{name}}`,
      });
    for (const m of value.matchAll(VARIABLE)) {
      const name = m[1] as string;
      if (!allowed.has(name))
        problems.push({
          field,
          code: 'unknown_variable',
          message: `{{${name}}} is not a variable of this message; it may use ${[...allowed].map((v) => `{{${v}}}`).join(', ')}`,
        });
    }
  }
  const numbered =
    key === 'tracking_update' || key === 'delivery_delay'
      ? /\{\{\s*(number|order_number)\s*\}\}/
      : /\{\{\s*number\s*\}\}/;
  if (text.subject.trim() && !numbered.test(text.subject))
    problems.push({
      field: 'subject',
      code: 'number_missing',
      message:
        'The subject must carry {{number}} (the return or case number), so the customer finds the message and a reply reaches its case',
    });
  return problems;
}
