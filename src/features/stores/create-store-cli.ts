// `aftersale store create`: a new store with an owner API token (API.md part 2). Its return address
// is a placeholder to be set, as the empty default store's is.
import { z } from 'zod';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { generateToken } from '../auth/tokens.ts';
import { timeZoneSchema } from '../orders/orders.schemas.ts';
import { createStore } from './create-store.ts';
import { findStoreBySlug } from './stores.queries.ts';

export const newStoreOptions = z.strictObject({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and "-", 2 to 63 long'),
  name: z.string().trim().min(1).max(200),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'ISO 4217 currency code')
    .default('EUR'),
  time_zone: timeZoneSchema.default('UTC'),
});

export async function createStoreWithOwner(
  trx: Tx,
  options: z.input<typeof newStoreOptions>,
): Promise<{ id: string; slug: string; token: string }> {
  const parsed = newStoreOptions.safeParse(options);
  if (!parsed.success)
    throw new AppError('invalid_request', 'The store options are not valid', {
      errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  const o = parsed.data;
  if (await findStoreBySlug(trx, o.slug))
    throw new AppError('conflict', `A store with the slug "${o.slug}" exists already`);
  const { store, token } = await createStore(
    trx,
    {
      slug: o.slug,
      name: o.name,
      currency: o.currency,
      time_zone: o.time_zone,
      languages: ['en'],
      return_address: {
        name: o.name,
        line1: 'Set me',
        line2: null,
        city: 'Set me',
        region: null,
        postal_code: null,
        country: 'DE',
      },
    },
    { ownerToken: generateToken() },
  );
  return { id: store.id, slug: store.slug, token: token as string };
}
