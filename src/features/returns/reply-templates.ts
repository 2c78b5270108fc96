// Replies the team sends with a decision, written once per language so an agent answers a Chinese
// or a Brazilian customer in their own words with one click.
import { LANGUAGES, normalizeLanguage, t } from '../../i18n/index.ts';

export const REJECT_TEMPLATES = [
  'outside_window',
  'not_returnable',
  'used_or_damaged',
  'missing_evidence',
  'other',
] as const;

export function rejectTemplates(language: string) {
  const lang = normalizeLanguage(language);
  return {
    language: lang,
    languages: LANGUAGES,
    reject: REJECT_TEMPLATES.map((reason_code) => ({
      reason_code,
      message: t(lang, `reply_templates.reject.${reason_code}`),
    })),
  };
}
