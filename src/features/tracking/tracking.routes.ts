import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { map17Track, mapAfterShip, mapEasyPostStatus } from '../../domain/tracking/carrier-status.ts';
import { MILESTONES, type TrackingEvent } from '../../domain/tracking/milestones.ts';
import { actorOf } from '../../http/auth.ts';
import { recordTracking } from './record-tracking.ts';

const eventSchema = z
  .strictObject({
    /** one of the milestones, or give the carrier's own status below */
    milestone: z.enum(MILESTONES).optional(),
    carrier_status: z
      .strictObject({
        taxonomy: z.enum(['17track', 'aftership', 'easypost']),
        status: z.string().min(1).max(100),
        sub_status: z.string().max(100).nullable().optional(),
      })
      .optional(),
    at: z.iso.datetime({ offset: true }),
    location_country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable()
      .default(null),
    message: z.string().max(500).nullable().default(null),
    duties: z
      .strictObject({ amount: z.number().int().positive(), currency: z.string().regex(/^[A-Z]{3}$/) })
      .nullable()
      .default(null),
  })
  .refine((e) => (e.milestone === undefined) !== (e.carrier_status === undefined), {
    message: 'give either milestone or carrier_status',
  });

function toEvent(e: z.output<typeof eventSchema>, index: number): TrackingEvent {
  const s = e.carrier_status;
  const milestone =
    e.milestone ??
    (s?.taxonomy === '17track'
      ? map17Track(s.status, s.sub_status)
      : s?.taxonomy === 'aftership'
        ? mapAfterShip(s.status, s.sub_status)
        : s
          ? mapEasyPostStatus(s.status, s.sub_status ?? null, e.message)
          : null);
  if (!milestone)
    throw new AppError(
      'invalid_request',
      `events[${index}]: ${s?.taxonomy} status ${s?.status}/${s?.sub_status ?? ''} is not one a customer hears of`,
      {
        errors: [{ path: `events.${index}.carrier_status`, message: 'unknown or ignored status' }],
      },
    );
  return {
    milestone,
    at: new Date(e.at).toISOString(),
    location_country: e.location_country,
    carrier_status: s
      ? `${s.taxonomy}:${s.status}${s.sub_status ? `/${s.sub_status}` : ''}`
      : `milestone:${milestone}`,
    message: e.message,
    duties: e.duties,
  };
}

const params = z.object({ id: z.uuid(), fulfillment_id: z.string().min(1).max(100) });

export const trackingRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/orders/:id/fulfillments/:fulfillment_id/tracking',
      {
        schema: {
          tags: ['tracking'],
          summary:
            "Carrier news about a parcel, for a store without a carrier account: events by milestone (label_created … delivered, in_customs, duties_due, held_by_customs, failed_attempt, returned_to_sender, exception) or by a 17TRACK, AfterShip or EasyPost status. The parcel's milestone moves on, delivered sets its delivery date, and the customer hears of the newest news that matters at their daytime. Events already recorded change nothing.",
          params,
          body: z.strictObject({ events: z.array(eventSchema).min(1).max(100) }),
        },
        config: { permission: 'orders.write' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        const events = request.body.events.map(toEvent);
        return database.db
          .transaction()
          .execute((trx) =>
            recordTracking(trx, storeId, request.params.id, request.params.fulfillment_id, events),
          );
      },
    );

    app.get(
      '/api/v1/orders/:id/fulfillments/:fulfillment_id/tracking',
      {
        schema: {
          tags: ['tracking'],
          summary: "A parcel's milestone and its carrier events, oldest first",
          params,
        },
        config: { permission: 'read' },
      },
      async (request) => {
        const { storeId } = actorOf(request);
        const f = await database.db
          .selectFrom('fulfillments')
          .select([
            'fulfillment_id',
            'carrier',
            'tracking_number',
            'milestone',
            'milestone_at',
            'shipped_at',
            'delivered_at',
            'tracking_events',
          ])
          .where('store_id', '=', storeId)
          .where('order_id', '=', request.params.id)
          .where('fulfillment_id', '=', request.params.fulfillment_id)
          .executeTakeFirst();
        if (!f) throw new AppError('not_found', 'No such fulfilment on this order');
        const iso = (d: Date | null) => (d ? d.toISOString() : null);
        return {
          ...f,
          milestone_at: iso(f.milestone_at),
          shipped_at: iso(f.shipped_at),
          delivered_at: iso(f.delivered_at),
          events: f.tracking_events,
          tracking_events: undefined,
        };
      },
    );
  };
