import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSharedJson } from '../../../test/shared-data.ts';
import { mapEasyPostTracker } from './carrier-status.ts';
import { type Milestone, milestoneRank, shouldNotify, type TrackingEvent } from './milestones.ts';

const readJson = (file: string): unknown => readSharedJson(`payloads/${file}`);
const _sorted = (values: Iterable<string>) => [...values].sort();

const domestic = { origin: 'US', destination: 'US' };

describe('mapEasyPostTracker over the recorded payloads', () => {
  const labelOnly: TrackingEvent[] = [
    {
      milestone: 'label_created',
      at: '2025-04-09T20:40:17.000Z',
      location_country: null,
      carrier_status: 'pre_transit/status_update',
      message: 'Pre-Shipment Info Sent to USPS',
    },
  ];

  it.each(['easypost/tracker_create.json', 'easypost/tracker_retrieve.json'])(
    '%s: two pre-transit scans are one label_created',
    (file) => {
      expect(mapEasyPostTracker(readJson(file), domestic)).toEqual(labelOnly);
    },
  );

  it('event_tracker_updated.json (its result): label, pick-up, out for delivery, delivered', () => {
    const event = readJson('easypost/event_tracker_updated.json') as { result: unknown };
    const expected: TrackingEvent[] = [
      {
        milestone: 'label_created',
        at: '2014-08-21T14:24:00.000Z',
        location_country: null,
        carrier_status: 'pre_transit',
        message: 'BILLING INFORMATION RECEIVED',
      },
      {
        milestone: 'picked_up',
        at: '2014-08-21T14:48:00.000Z',
        location_country: 'US',
        carrier_status: 'in_transit',
        message: 'ORIGIN SCAN',
      },
      {
        milestone: 'out_for_delivery',
        at: '2014-08-24T08:10:00.000Z',
        location_country: 'US',
        carrier_status: 'out_for_delivery',
        message: 'OUT FOR DELIVERY',
      },
      {
        milestone: 'delivered',
        at: '2014-08-24T15:33:00.000Z',
        location_country: 'US',
        carrier_status: 'delivered',
        message: 'DELIVERED',
      },
    ];
    expect(mapEasyPostTracker(event.result, domestic)).toEqual(expected);
    // no origin given: the first country scanned (US) is the origin, and nothing crosses a border
    expect(mapEasyPostTracker(event.result, { origin: null, destination: 'US' })).toEqual(expected);
    // the same tracker in a shuffled order comes out the same
    const result = event.result as { tracking_details: unknown[] };
    const shuffled = { ...result, tracking_details: [...result.tracking_details].reverse() };
    expect(mapEasyPostTracker(shuffled, domestic)).toEqual(expected);
    // what the customer hears of, fed one event after another
    const milestones = expected.map((e) => e.milestone);
    const told = milestones.filter((m, i) =>
      shouldNotify(i === 0 ? null : (milestones[i - 1] as Milestone), m),
    );
    expect(told).toEqual(['out_for_delivery', 'delivered']);
  });

  it("shipment_buy.json's tracker has no scans yet: no events", () => {
    const shipment = readJson('easypost/shipment_buy.json') as { tracker: unknown };
    expect(mapEasyPostTracker(shipment.tracker, domestic)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// EasyPost trackers: a cross-border journey (built here; the recorded payloads are all domestic US)

type Scan = [
  datetime: string,
  status: string,
  detail: string | null,
  message: string,
  country: string | null,
];
const tracker = (scans: Scan[]) => ({
  object: 'Tracker',
  status: scans.at(-1)?.[1],
  tracking_details: scans.map(([datetime, status, status_detail, message, country]) => ({
    object: 'TrackingDetail',
    datetime,
    status,
    status_detail,
    message,
    tracking_location: { object: 'TrackingLocation', city: null, state: null, country, zip: null },
  })),
});
const milestonesOf = (events: TrackingEvent[]) => events.map((e) => [e.milestone, e.at, e.location_country]);

describe('mapEasyPostTracker across a border', () => {
  const journey: Scan[] = [
    ['2025-03-01T08:00:00Z', 'pre_transit', 'label_created', 'Shipping label created', 'CN'],
    ['2025-03-01T09:00:00Z', 'pre_transit', 'status_update', 'Electronic customs data sent', 'CN'],
    ['2025-03-02T10:00:00Z', 'in_transit', 'received_at_origin_facility', 'Accepted at Shenzhen hub', 'CN'],
    ['2025-03-02T22:00:00Z', 'in_transit', 'departed_facility', 'Departed Shenzhen hub', 'CN'],
    ['2025-03-03T06:00:00Z', 'in_transit', 'arrived_at_facility', 'Arrived at Hong Kong gateway', 'hk'],
    ['2025-03-04T05:00:00Z', 'in_transit', 'arrived_at_facility', 'Arrived at Leipzig hub', 'DE'],
    ['2025-03-04T07:00:00Z', 'in_transit', 'status_update', 'Held by customs', 'DE'],
    ['2025-03-05T07:00:00Z', 'in_transit', 'status_update', 'Import duties due, payment required', 'DE'],
    ['2025-03-06T07:00:00Z', 'in_transit', 'status_update', 'Customs clearance completed', 'DE'],
    ['2025-03-06T09:00:00Z', 'in_transit', 'departed_facility', 'Departed Leipzig hub', 'DE'],
    ['2025-03-07T06:00:00Z', 'out_for_delivery', 'out_for_delivery', 'Out for delivery', 'DE'],
    ['2025-03-07T12:00:00Z', 'in_transit', 'delivery_exception', 'Recipient not at home', 'DE'],
    ['2025-03-08T06:00:00Z', 'out_for_delivery', 'out_for_delivery', 'Out for delivery', 'DE'],
    ['2025-03-08T10:00:00Z', 'delivered', 'arrived_at_destination', 'Delivered', 'DE'],
  ];
  const route = { origin: 'CN', destination: 'de' };

  it('reads each milestone once, in time order, with the borders', () => {
    expect(milestonesOf(mapEasyPostTracker(tracker(journey), route))).toEqual([
      ['label_created', '2025-03-01T08:00:00.000Z', 'CN'],
      ['picked_up', '2025-03-02T10:00:00.000Z', 'CN'],
      ['left_origin', '2025-03-03T06:00:00.000Z', 'HK'],
      ['arrived_destination', '2025-03-04T05:00:00.000Z', 'DE'],
      ['held_by_customs', '2025-03-04T07:00:00.000Z', 'DE'],
      ['duties_due', '2025-03-05T07:00:00.000Z', 'DE'],
      ['in_customs', '2025-03-06T07:00:00.000Z', 'DE'],
      ['out_for_delivery', '2025-03-07T06:00:00.000Z', 'DE'],
      ['failed_attempt', '2025-03-07T12:00:00.000Z', 'DE'],
      ['out_for_delivery', '2025-03-08T06:00:00.000Z', 'DE'],
      ['delivered', '2025-03-08T10:00:00.000Z', 'DE'],
    ]);
  });

  it('keeps what the carrier said on each event', () => {
    const events = mapEasyPostTracker(tracker(journey), route);
    expect(events[4]).toEqual({
      milestone: 'held_by_customs',
      at: '2025-03-04T07:00:00.000Z',
      location_country: 'DE',
      carrier_status: 'in_transit/status_update',
      message: 'Held by customs',
    });
  });

  it('tells the customer of the border, customs, the attempts and the delivery', () => {
    const events = mapEasyPostTracker(tracker(journey), route);
    let previous: Milestone | null = null;
    const told: Milestone[] = [];
    for (const { milestone } of events) {
      if (shouldNotify(previous, milestone)) told.push(milestone);
      previous = milestone;
    }
    expect(told).toEqual([
      'left_origin',
      'arrived_destination',
      'held_by_customs',
      'duties_due',
      'out_for_delivery',
      'failed_attempt',
      'out_for_delivery',
      'delivered',
    ]);
  });

  it('a direct flight from origin to destination is arrived_destination only', () => {
    const direct: Scan[] = [
      ['2025-03-02T10:00:00Z', 'in_transit', 'departed_facility', 'Departed Shenzhen', 'CN'],
      ['2025-03-03T10:00:00Z', 'in_transit', 'arrived_at_facility', 'Arrived Frankfurt', 'DE'],
    ];
    expect(mapEasyPostTracker(tracker(direct), route).map((e) => e.milestone)).toEqual([
      'picked_up',
      'arrived_destination',
    ]);
  });

  it('a resent older scan does not move the parcel back', () => {
    const resent: Scan[] = [
      ['2025-03-04T05:00:00Z', 'in_transit', 'arrived_at_facility', 'Arrived at Leipzig hub', 'DE'],
      ['2025-03-07T06:00:00Z', 'out_for_delivery', null, 'Out for delivery', 'DE'],
      ['2025-03-07T07:00:00Z', 'in_transit', 'arrived_at_destination', 'Arrived at delivery office', 'DE'],
      ['2025-03-07T08:00:00Z', 'pre_transit', null, 'Shipping label created', 'DE'],
      ['2025-03-07T15:00:00Z', 'delivered', null, 'Delivered', 'DE'],
    ];
    expect(mapEasyPostTracker(tracker(resent), { origin: 'CN', destination: 'DE' })).toEqual([
      {
        milestone: 'picked_up',
        at: '2025-03-04T05:00:00.000Z',
        location_country: 'DE',
        carrier_status: 'in_transit/arrived_at_facility',
        message: 'Arrived at Leipzig hub',
      },
      {
        milestone: 'out_for_delivery',
        at: '2025-03-07T06:00:00.000Z',
        location_country: 'DE',
        carrier_status: 'out_for_delivery',
        message: 'Out for delivery',
      },
      {
        milestone: 'delivered',
        at: '2025-03-07T15:00:00.000Z',
        location_country: 'DE',
        carrier_status: 'delivered',
        message: 'Delivered',
      },
    ]);
  });

  it('nothing follows returned_to_sender: the journey back is not the customer’s', () => {
    const returned: Scan[] = [
      ['2025-03-04T05:00:00Z', 'in_transit', 'arrived_at_facility', 'Arrived at Leipzig hub', 'DE'],
      ['2025-03-10T05:00:00Z', 'return_to_sender', null, 'Refused by customs, returning to sender', 'DE'],
      ['2025-03-12T05:00:00Z', 'in_transit', 'arrived_at_facility', 'Arrived at Shenzhen hub', 'CN'],
      ['2025-03-13T05:00:00Z', 'delivered', null, 'Delivered to sender', 'CN'],
    ];
    expect(mapEasyPostTracker(tracker(returned), route).map((e) => e.milestone)).toEqual([
      'picked_up',
      'returned_to_sender',
    ]);
  });

  it('skips scans it cannot place in time or read', () => {
    const t = tracker([
      ['not a date', 'delivered', null, 'Delivered', 'DE'],
      ['2025-03-02T10:00:00Z', 'in_transit', null, 'Accepted', 'CN'],
    ]);
    t.tracking_details.push(null as never, 'scan' as never, { datetime: '2025-03-03T10:00:00Z' } as never);
    expect(mapEasyPostTracker(t, route).map((e) => e.milestone)).toEqual(['picked_up']);
    expect(mapEasyPostTracker({ tracking_details: 'none' }, route)).toEqual([]);
    expect(mapEasyPostTracker(null, route)).toEqual([]);
  });

  it('never emits the same milestone twice in a row, nor a normal-path step backwards', () => {
    const statuses = [
      'pre_transit',
      'in_transit',
      'out_for_delivery',
      'delivered',
      'failure',
      'available_for_pickup',
    ];
    const details = [null, 'arrived_at_facility', 'arrived_at_destination', 'held', 'delivery_exception'];
    const messages = ['Scan', 'Held by customs', 'Import duties due', 'Customs clearance'];
    const scan = fc.tuple(
      fc
        .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2025, 1, 1) })
        .map((ms) => new Date(ms).toISOString()),
      fc.constantFrom(...statuses),
      fc.constantFrom(...details),
      fc.constantFrom(...messages),
      fc.constantFrom('CN', 'HK', 'DE', null),
    );
    fc.assert(
      fc.property(fc.array(scan, { maxLength: 25 }), (scans) => {
        const events = mapEasyPostTracker(tracker(scans), route);
        let highest = -1;
        for (let i = 0; i < events.length; i++) {
          const e = events[i] as TrackingEvent;
          if (i > 0) expect(e.milestone).not.toBe(events[i - 1]?.milestone);
          if (i > 0) expect(e.at >= (events[i - 1] as TrackingEvent).at).toBe(true);
          const rank = milestoneRank(e.milestone);
          if (rank !== null) {
            expect(rank).toBeGreaterThanOrEqual(highest);
            highest = rank;
          }
        }
      }),
    );
  });
});
