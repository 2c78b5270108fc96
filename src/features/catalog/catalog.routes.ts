// Products (with variants as SKUs sharing a product_group) and suppliers: what exchanges are priced
// against and where items go back to. Writes are bulk upserts by SKU / code.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { actorOf } from '../../http/auth.ts';
import { listProducts, listSuppliers, upsertProducts, upsertSuppliers } from './catalog.queries.ts';
import { productInputSchema, supplierInputSchema } from './catalog.schemas.ts';

const unique =
  <T>(key: (t: T) => string) =>
  (items: T[]) =>
    new Set(items.map(key)).size === items.length;

export const catalogRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/products',
      {
        schema: {
          tags: ['catalog'],
          summary: 'Create or update products by SKU',
          body: z.strictObject({
            products: z
              .array(productInputSchema)
              .min(1)
              .max(1000)
              .refine(
                unique((p: { sku: string }) => p.sku),
                'each sku once',
              ),
          }),
        },
        config: { permission: 'orders.write' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        await database.db.transaction().execute((trx) => upsertProducts(trx, storeId, request.body.products));
        return { count: request.body.products.length };
      },
    );

    app.get(
      '/api/v1/products',
      {
        schema: {
          tags: ['catalog'],
          summary: 'Products, by SKU order; filter by product_group to list the variants of one product',
          querystring: z.strictObject({
            product_group: z.string().max(200).optional(),
            sku: z.string().max(200).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(200),
          }),
        },
        config: { permission: 'read' },
      },
      async (request) => {
        const { product_group, sku, limit } = request.query;
        return {
          data: await listProducts(
            database.db,
            actorOf(request).storeId,
            { group: product_group, sku },
            limit,
          ),
        };
      },
    );

    app.post(
      '/api/v1/suppliers',
      {
        schema: {
          tags: ['catalog'],
          summary: 'Create or update suppliers by code',
          body: z.strictObject({
            suppliers: z
              .array(supplierInputSchema)
              .min(1)
              .max(1000)
              .refine(
                unique((s: { code: string }) => s.code),
                'each code once',
              ),
          }),
        },
        config: { permission: 'orders.write' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        await database.db
          .transaction()
          .execute((trx) => upsertSuppliers(trx, storeId, request.body.suppliers, actorOf(request).label));
        return { count: request.body.suppliers.length };
      },
    );

    app.get(
      '/api/v1/suppliers',
      { schema: { tags: ['catalog'], summary: 'Suppliers' }, config: { permission: 'read' } },
      async (request) => ({
        data: await listSuppliers(database.db, actorOf(request).storeId),
      }),
    );
  };
