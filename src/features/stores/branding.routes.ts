// The store's face in the customer portal: its logo and brand colour. Both optional; the portal
// reads them from its public store endpoint.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { actorOf } from '../../http/auth.ts';
import { setStoreBranding, storeBranding } from './stores.queries.ts';

export const brandingSchema = z.strictObject({
  logo_url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable(),
  /** #rrggbb; the portal uses it as an accent, never behind text, so it cannot spoil contrast */
  brand_color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
    .transform((c) => c.toLowerCase())
    .nullable(),
});

export const brandingRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/store/branding',
      {
        schema: { tags: ['stores'], summary: "The store's logo and brand colour for the portal" },
        config: { permission: 'read' },
      },
      async (request) => storeBranding(database.db, actorOf(request).storeId),
    );

    app.put(
      '/api/v1/store/branding',
      {
        schema: {
          tags: ['stores'],
          summary: "Set the store's logo and brand colour for the portal (null removes one)",
          body: brandingSchema,
        },
        config: { permission: 'policy.write' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        await setStoreBranding(database.db, storeId, request.body);
        return storeBranding(database.db, storeId);
      },
    );
  };
