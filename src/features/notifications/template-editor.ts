// The store's own wording of its messages, per language: read (own or shipped), saved after the
// check, put back to the shipped text, and previewed exactly as a customer would receive it, with
// sample values in that language's formats.
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { formatDateTime, formatMoney, LANGUAGES, type Language } from '../../i18n/index.ts';
import type { Actor } from '../auth/actor.ts';
import { renderEmail } from './layout.ts';
import { compose, templateText } from './notify.ts';
import {
  checkTemplate,
  phrase,
  shippedTemplate,
  TEMPLATE_DEFS,
  TEMPLATE_KEYS,
  type TemplateKey,
  type TemplateText,
} from './templates.ts';

export async function listTemplates(trx: Tx, storeId: string) {
  const edited = await trx
    .selectFrom('message_templates')
    .select(['key', 'language', 'updated_at', 'updated_by'])
    .where('store_id', '=', storeId)
    .execute();
  return TEMPLATE_KEYS.map((key) => ({
    key,
    about: TEMPLATE_DEFS[key].about,
    timing: TEMPLATE_DEFS[key].timing,
    variables: ['customer_name', 'store_name', 'number', 'order_number', ...TEMPLATE_DEFS[key].variables],
    edited_languages: edited.filter((e) => e.key === key).map((e) => e.language),
  }));
}

export async function getTemplate(trx: Tx, storeId: string, key: TemplateKey, language: Language) {
  const own = await templateText(trx, storeId, key, language);
  const shipped = shippedTemplate(key, language);
  return {
    key,
    language,
    subject: own.subject,
    body: own.body,
    edited: own.edited,
    shipped: { subject: shipped.subject, body: shipped.body, language: shipped.language },
    variables: ['customer_name', 'store_name', 'number', 'order_number', ...TEMPLATE_DEFS[key].variables],
  };
}

function refuse(problems: ReturnType<typeof checkTemplate>): never {
  throw new AppError('invalid_request', problems.map((p) => p.message).join('; '), {
    errors: problems.map((p) => ({ path: p.field, message: p.message })),
    problems,
  });
}

export async function saveTemplate(
  trx: Tx,
  actor: Actor,
  key: TemplateKey,
  language: Language,
  text: TemplateText,
) {
  const problems = checkTemplate(key, text);
  if (problems.length) refuse(problems);
  await trx
    .insertInto('message_templates')
    .values({
      store_id: actor.storeId,
      key,
      language,
      subject: text.subject,
      body: text.body,
      updated_by: actor.label,
    })
    .onConflict((oc) =>
      oc.columns(['store_id', 'key', 'language']).doUpdateSet({
        subject: text.subject,
        body: text.body,
        updated_by: actor.label,
        updated_at: new Date(),
      }),
    )
    .execute();
  return getTemplate(trx, actor.storeId, key, language);
}

export async function resetTemplate(trx: Tx, storeId: string, key: TemplateKey, language: Language) {
  await trx
    .deleteFrom('message_templates')
    .where('store_id', '=', storeId)
    .where('key', '=', key)
    .where('language', '=', language)
    .execute();
  return getTemplate(trx, storeId, key, language);
}

/** Values a preview fills in, formatted as that language writes them. */
function sampleValues(key: TemplateKey, language: Language, storeName: string): Record<string, string> {
  const zone = 'Europe/Berlin';
  const samples: Record<string, string> = {
    customer_name: 'Anna Schmidt',
    store_name: storeName,
    number: key.startsWith('return') ? 'R-7K2M-Q9XD' : 'C-4H8P-2TNV',
    order_number: '1042',
    items: '1 × Wool jumper (M / Blue)',
    carrier: 'DHL',
    tracking_number: 'JD014600006751234567',
    reason: 'The item was delivered more than 30 days ago.',
    amount: formatMoney(language, 4414, 'EUR'),
    case_kind: phrase(language, 'case_kind.item_problem'),
    due: formatDateTime(language, new Date(Date.now() + 86_400_000).toISOString(), zone),
    outcome: phrase(language, 'outcome.refund').replace('{{amount}}', formatMoney(language, 4414, 'EUR')),
    offer: phrase(language, 'offer.store_credit').replace('{{amount}}', formatMoney(language, 1000, 'EUR')),
    message: 'We are sorry for the trouble.',
    rights: '',
    milestone: phrase(language, 'milestone.in_customs'),
    detail: '',
  };
  return samples;
}

export async function previewTemplate(
  trx: Tx,
  storeId: string,
  key: TemplateKey,
  language: Language,
  text: TemplateText,
) {
  const store = await trx
    .selectFrom('stores')
    .select(['name', 'brand_color', 'logo_url'])
    .where('id', '=', storeId)
    .executeTakeFirstOrThrow();
  const problems = checkTemplate(key, text);
  const composed = compose(text, language, sampleValues(key, language, store.name));
  const action = TEMPLATE_DEFS[key].action;
  const { html, text: plain } = await renderEmail({
    storeName: store.name,
    brandColor: store.brand_color,
    logoUrl: store.logo_url,
    language,
    subject: composed.subject,
    body: composed.body,
    action: action
      ? { label: phrase(language, `action.${action}`), url: 'https://example.com/preview' }
      : null,
    footer: [
      TEMPLATE_DEFS[key].timing === 'proactive'
        ? phrase(language, 'unsubscribe')
            .replace('{{store_name}}', store.name)
            .replace('{{url}}', 'https://example.com/unsubscribe')
        : phrase(language, 'direct_footer'),
    ],
  });
  return { problems, subject: composed.subject, text: plain, html };
}

export const TEMPLATE_LANGUAGES = LANGUAGES;
