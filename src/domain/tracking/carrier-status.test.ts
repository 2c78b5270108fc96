import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  customsMilestoneFromMessage,
  map17Track,
  mapAfterShip,
  mapEasyPostStatus,
  mapEasyPostTracker,
} from './carrier-status.ts';
import { type Milestone, milestoneRank, shouldNotify, type TrackingEvent } from './milestones.ts';

const payloads = path.resolve(process.cwd(), '../shared/data/payloads');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(payloads, file), 'utf8'));
const sorted = (values: Iterable<string>) => [...values].sort();

// ---------------------------------------------------------------------------------------------------
// 17TRACK

const seventeenTrack = readJson('taxonomies/17track_status.json') as {
  _note: string;
  status: string[];
  sub_status: string[];
};
// the newer InTransit_Customs* sub-statuses are named only in the file's note
const noteSubStatuses = seventeenTrack._note.match(/\bInTransit_\w+/g) ?? [];

const expected17TrackStatus: Record<string, Milestone | null> = {
  NotFound: null,
  InfoReceived: 'label_created',
  InTransit: 'picked_up',
  Expired: null,
  AvailableForPickup: 'out_for_delivery',
  OutForDelivery: 'out_for_delivery',
  DeliveryFailure: 'failed_attempt',
  Delivered: 'delivered',
  Exception: 'exception',
};

const expected17TrackSubStatus: Record<string, Milestone | null> = {
  NotFound_Other: null,
  NotFound_InvalidCode: null,
  InfoReceived: 'label_created',
  InTransit_PickedUp: 'picked_up',
  InTransit_Other: 'picked_up',
  InTransit_Departure: 'left_origin',
  InTransit_Arrival: 'arrived_destination',
  InTransit_CustomsProcessing: 'in_customs',
  InTransit_CustomsReleased: 'in_customs',
  InTransit_CustomsRequiringInformation: 'held_by_customs',
  Expired_Other: null,
  AvailableForPickup_Other: 'out_for_delivery',
  OutForDelivery_Other: 'out_for_delivery',
  DeliveryFailure_Other: 'failed_attempt',
  DeliveryFailure_NoBody: 'failed_attempt',
  DeliveryFailure_Security: 'failed_attempt',
  DeliveryFailure_Rejected: 'failed_attempt',
  DeliveryFailure_InvalidAddress: 'failed_attempt',
  Delivered_Other: 'delivered',
  Exception_Other: 'exception',
  Exception_Returning: 'returned_to_sender',
  Exception_Returned: 'returned_to_sender',
  Exception_NoBody: 'exception',
  Exception_Security: 'held_by_customs',
  Exception_Damage: 'exception',
  Exception_Rejected: 'exception',
  Exception_Delayed: 'exception',
  Exception_Lost: 'exception',
  Exception_Destroyed: 'exception',
  Exception_Cancel: 'exception',
};

const statusOf17TrackSub = (sub: string) => sub.split('_')[0] as string;

describe('17TRACK status and sub_status', () => {
  it('the note names the three customs sub-statuses', () => {
    expect(noteSubStatuses).toEqual([
      'InTransit_CustomsProcessing',
      'InTransit_CustomsReleased',
      'InTransit_CustomsRequiringInformation',
    ]);
  });

  it('every status in the taxonomy file has a decided mapping, and no other', () => {
    expect(sorted(Object.keys(expected17TrackStatus))).toEqual(sorted(new Set(seventeenTrack.status)));
    for (const status of seventeenTrack.status) {
      expect([status, map17Track(status)]).toEqual([status, expected17TrackStatus[status]]);
    }
  });

  it('every sub_status in the taxonomy file (and its note) has a decided mapping, and no other', () => {
    const fromFile = new Set([...seventeenTrack.sub_status, ...noteSubStatuses]);
    expect(sorted(Object.keys(expected17TrackSubStatus))).toEqual(sorted(fromFile));
    for (const sub of fromFile) {
      expect([sub, map17Track(statusOf17TrackSub(sub), sub)]).toEqual([sub, expected17TrackSubStatus[sub]]);
    }
  });

  it.each<[string, string | null | undefined, Milestone | null]>([
    ['Delivered', 'Delivered_Other', 'delivered'],
    ['Delivered', null, 'delivered'],
    ['OutForDelivery', 'OutForDelivery_Other', 'out_for_delivery'],
    ['AvailableForPickup', undefined, 'out_for_delivery'],
    ['DeliveryFailure', 'DeliveryFailure_NoBody', 'failed_attempt'],
    ['Exception', 'Exception_Returned', 'returned_to_sender'],
    ['Exception', 'Exception_Returning', 'returned_to_sender'],
    ['InTransit', 'InTransit_CustomsProcessing', 'in_customs'],
    ['InTransit', 'InTransit_CustomsRequiringInformation', 'held_by_customs'],
    ['InTransit', 'InTransit_Arrival', 'arrived_destination'],
    ['InTransit', 'InTransit_Departure', 'left_origin'],
    // case-insensitive, untrimmed
    ['delivered', ' delivered_other ', 'delivered'],
    ['INTRANSIT', 'intransit_customsreleased', 'in_customs'],
    // an unknown sub_status falls back to the status
    ['Exception', 'Exception_SomethingNew', 'exception'],
    ['InTransit', 'InTransit_TransportArrived', 'picked_up'],
    // unknown -> null
    ['Teleported', null, null],
    ['Teleported', 'Teleported_Other', null],
    ['', '', null],
  ])('%s / %s -> %s', (status, sub, expected) => {
    expect(map17Track(status, sub)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------------
// AfterShip

const afterShip = readJson('taxonomies/aftership_tags_subtags.json') as {
  tags: Record<string, string>;
  subtags: Record<string, string | null>;
  mark_completed_reasons: Record<string, string>;
};

const expectedAfterShipTag: Record<string, Milestone | null> = {
  Pending: null,
  InfoReceived: 'label_created',
  InTransit: 'picked_up',
  OutForDelivery: 'out_for_delivery',
  AttemptFail: 'failed_attempt',
  Delivered: 'delivered',
  AvailableForPickup: 'out_for_delivery',
  Exception: 'exception',
  Expired: null,
};

const expectedAfterShipSubtag: Record<string, Milestone | null> = {
  Delivered_001: 'delivered',
  Delivered_002: 'delivered',
  Delivered_003: 'delivered',
  Delivered_004: 'delivered',
  Delivered_005: 'delivered',
  AvailableForPickup_001: 'out_for_delivery',
  Exception_001: 'exception',
  Exception_002: 'exception',
  Exception_003: 'exception',
  Exception_004: 'held_by_customs',
  Exception_005: 'exception',
  Exception_006: 'duties_due',
  Exception_007: 'exception',
  Exception_008: 'exception',
  Exception_009: 'exception',
  Exception_010: 'returned_to_sender',
  Exception_011: 'returned_to_sender',
  Exception_012: 'exception',
  Exception_013: 'exception',
  Exception_016: 'exception',
  Exception_017: 'exception',
  Exception_018: 'held_by_customs',
  AttemptFail_001: 'failed_attempt',
  AttemptFail_002: 'failed_attempt',
  AttemptFail_003: 'failed_attempt',
  InTransit_001: 'picked_up',
  InTransit_002: 'picked_up',
  InTransit_003: 'picked_up',
  InTransit_004: 'arrived_destination',
  InTransit_005: 'in_customs',
  InTransit_006: 'in_customs',
  InTransit_007: 'picked_up',
  InTransit_008: 'picked_up',
  InTransit_009: 'picked_up',
  InfoReceived_001: 'label_created',
  OutForDelivery_001: 'out_for_delivery',
  OutForDelivery_003: 'out_for_delivery',
  OutForDelivery_004: 'out_for_delivery',
  Pending_001: null,
  Pending_002: null,
  Pending_003: 'label_created',
  Pending_004: null,
  Pending_005: null,
  Pending_006: null,
  Expired_001: null,
};

const tagOfSubtag = (subtag: string) => subtag.split('_')[0] as string;

describe('AfterShip tag and subtag', () => {
  it('every tag in the taxonomy file has a decided mapping, and no other', () => {
    expect(sorted(Object.keys(expectedAfterShipTag))).toEqual(sorted(Object.keys(afterShip.tags)));
    for (const tag of Object.keys(afterShip.tags)) {
      expect([tag, mapAfterShip(tag)]).toEqual([tag, expectedAfterShipTag[tag]]);
    }
  });

  it('every subtag in the taxonomy file has a decided mapping, and no other', () => {
    expect(sorted(Object.keys(expectedAfterShipSubtag))).toEqual(sorted(Object.keys(afterShip.subtags)));
    for (const subtag of Object.keys(afterShip.subtags)) {
      expect(Object.keys(afterShip.tags)).toContain(tagOfSubtag(subtag));
      expect([subtag, mapAfterShip(tagOfSubtag(subtag), subtag)]).toEqual([
        subtag,
        expectedAfterShipSubtag[subtag],
      ]);
    }
  });

  it("the subtags AfterShip's mark-completed reasons name map to what the reason says", () => {
    const reasons = Object.entries(afterShip.mark_completed_reasons).map(([reason, text]) => {
      const [, tag, subtag] = /tag (\w+), subtag (\w+)/.exec(text) ?? [];
      return [reason, mapAfterShip(tag as string, subtag)];
    });
    expect(Object.fromEntries(reasons)).toEqual({
      DELIVERED: 'delivered',
      LOST: 'exception',
      RETURNED_TO_SENDER: 'returned_to_sender',
    });
  });

  it.each<[string, string | null | undefined, Milestone | null]>([
    // customs
    ['Exception', 'Exception_004', 'held_by_customs'],
    ['Exception', 'Exception_006', 'duties_due'],
    ['Exception', 'Exception_018', 'held_by_customs'],
    ['InTransit', 'InTransit_005', 'in_customs'],
    ['InTransit', 'InTransit_006', 'in_customs'],
    ['InTransit', 'InTransit_004', 'arrived_destination'],
    // the rest of the important ones
    ['Delivered', 'Delivered_001', 'delivered'],
    ['Delivered', 'Delivered_002', 'delivered'],
    ['Exception', 'Exception_010', 'returned_to_sender'],
    ['Exception', 'Exception_011', 'returned_to_sender'],
    ['AttemptFail', 'AttemptFail_002', 'failed_attempt'],
    ['OutForDelivery', 'OutForDelivery_001', 'out_for_delivery'],
    ['AvailableForPickup', 'AvailableForPickup_001', 'out_for_delivery'],
    ['Exception', 'Exception_013', 'exception'],
    // case-insensitive
    ['delivered', 'delivered_003', 'delivered'],
    ['EXCEPTION', 'exception_004', 'held_by_customs'],
    // an unknown subtag falls back to the tag; a missing tag is read from the subtag
    ['Exception', 'Exception_014', 'exception'],
    ['OutForDelivery', 'OutForDelivery_002', 'out_for_delivery'],
    ['', 'AttemptFail_009', 'failed_attempt'],
    // unknown -> null
    ['Teleported', null, null],
    ['Teleported', 'Teleported_001', null],
    ['', null, null],
  ])('%s / %s -> %s', (tag, subtag, expected) => {
    expect(mapAfterShip(tag, subtag)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------------
// EasyPost

// The values the EasyPost SDK in use types its Tracker's status and status_detail as
const sdkTypes = path.resolve(process.cwd(), 'node_modules/@easypost/api/types/Tracker');
const sdkValues = (file: string) =>
  [...readFileSync(path.join(sdkTypes, file), 'utf8').matchAll(/'([a-z_]+)'/g)].map((m) => m[1] as string);

const expectedEasyPostStatus: Record<string, Milestone | null> = {
  unknown: null,
  pre_transit: 'label_created',
  in_transit: 'picked_up',
  out_for_delivery: 'out_for_delivery',
  delivered: 'delivered',
  available_for_pickup: 'out_for_delivery',
  return_to_sender: 'returned_to_sender',
  failure: 'exception',
  cancelled: null,
  error: null,
};

// each status_detail under status in_transit, with no message
const expectedEasyPostDetailInTransit: Record<string, Milestone | null> = {
  address_correction: 'picked_up',
  arrived_at_destination: 'arrived_destination',
  arrived_at_facility: 'picked_up',
  arrived_at_pickup_location: 'out_for_delivery',
  awaiting_information: 'exception',
  cancelled: null,
  damaged: 'exception',
  delayed: 'exception',
  delivery_exception: 'failed_attempt',
  departed_facility: 'picked_up',
  departed_origin_facility: 'picked_up',
  expired: null,
  failure: 'exception',
  held: 'exception',
  in_transit: 'picked_up',
  label_created: 'label_created',
  lost: 'exception',
  missorted: 'exception',
  out_for_delivery: 'out_for_delivery',
  received_at_destination_facility: 'arrived_destination',
  received_at_origin_facility: 'picked_up',
  refused: 'exception',
  return: 'returned_to_sender',
  status_update: 'picked_up',
  transferred_to_destination_carrier: 'arrived_destination',
  transit_exception: 'exception',
  unknown: 'picked_up',
  weather_delay: 'exception',
};

describe('EasyPost status and status_detail', () => {
  it('every status the SDK knows has a decided mapping, and no other', () => {
    const statuses = sdkValues('TrackerStatus.d.ts');
    expect(sorted(Object.keys(expectedEasyPostStatus))).toEqual(sorted(statuses));
    for (const status of statuses) {
      expect([status, mapEasyPostStatus(status)]).toEqual([status, expectedEasyPostStatus[status]]);
    }
  });

  it('every status_detail the SDK knows has a decided mapping, and no other', () => {
    const details = sdkValues('TrackerStatusDetail.d.ts');
    expect(sorted(Object.keys(expectedEasyPostDetailInTransit))).toEqual(sorted(details));
    for (const detail of details) {
      expect([detail, mapEasyPostStatus('in_transit', detail)]).toEqual([
        detail,
        expectedEasyPostDetailInTransit[detail],
      ]);
    }
  });

  it.each<[string | null, string | null, string | null, Milestone | null]>([
    ['pre_transit', 'status_update', 'Shipping Label Created', 'label_created'],
    // pre-advice of customs data is not customs
    ['pre_transit', 'status_update', 'Electronic customs information received', 'label_created'],
    ['in_transit', 'arrived_at_facility', 'Arrived at customs', 'in_customs'],
    ['in_transit', 'status_update', 'Customs clearance completed', 'in_customs'],
    ['in_transit', null, 'Held by customs', 'held_by_customs'],
    ['in_transit', 'held', 'Shipment held by customs pending documents', 'held_by_customs'],
    ['failure', null, 'Detained by Customs', 'held_by_customs'],
    ['in_transit', 'status_update', 'Import duties due - payment required', 'duties_due'],
    ['in_transit', 'held', 'Held by customs: duties and import tax payable by recipient', 'duties_due'],
    ['in_transit', 'status_update', 'Duties paid by recipient', 'in_customs'],
    ['unknown', 'unknown', 'Awaiting customs clearance', 'in_customs'],
    // "held" without customs is no customs hold
    ['in_transit', 'held', 'Held at facility', 'exception'],
    ['in_transit', 'status_update', 'Held at post office at customer request', 'picked_up'],
    // the status decides when it is terminal
    ['delivered', 'arrived_at_facility', 'Delivered, front door', 'delivered'],
    ['return_to_sender', 'in_transit', 'Customs refused import', 'returned_to_sender'],
    ['delivered', 'delivered', null, 'delivered'],
    // a specific status_detail wins over a generic status, and its message does not refine it
    ['in_transit', 'out_for_delivery', 'Out for delivery after customs clearance', 'out_for_delivery'],
    ['in_transit', 'delivery_exception', 'Delivery attempted, customs duty not paid', 'failed_attempt'],
    ['available_for_pickup', 'arrived_at_pickup_location', null, 'out_for_delivery'],
    ['in_transit', 'return', null, 'returned_to_sender'],
    // case-insensitive
    ['DELIVERED', null, null, 'delivered'],
    ['In_Transit', 'Arrived_At_Destination', null, 'arrived_destination'],
    // unknown -> null, or the status when only the detail is unknown
    ['teleported', null, null, null],
    ['in_transit', 'teleported', null, 'picked_up'],
    [null, null, null, null],
    ['cancelled', 'cancelled', 'Customs', null],
  ])('%s / %s / %j -> %s', (status, detail, message, expected) => {
    expect(mapEasyPostStatus(status, detail, message)).toBe(expected);
  });
});

describe('customs words in a message', () => {
  it.each<[string | null, Milestone | null]>([
    ['Customs clearance in progress', 'in_customs'],
    ['Clearance event', 'in_customs'],
    ['Import duty assessed', 'in_customs'],
    ['Import tax due', 'duties_due'],
    ['Recipient must pay duties before delivery', 'duties_due'],
    ['Outstanding duties and taxes', 'duties_due'],
    ['Duties and taxes paid', 'in_customs'],
    ['Payment of duties received', 'in_customs'],
    ['Held at customs', 'held_by_customs'],
    ['Shipment on hold: customs inspection', 'held_by_customs'],
    ['Held at facility', null],
    ['Departed facility', null],
    ['CUSTOMER NOT HOME', null],
    ['', null],
    [null, null],
  ])('%j -> %s', (message, expected) => {
    expect(customsMilestoneFromMessage(message)).toBe(expected);
  });
});

describe('the mappings never throw', () => {
  it('whatever strings come in', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string()), fc.option(fc.string()), (a, b, c) => {
        map17Track(a, b);
        mapAfterShip(a, b);
        mapEasyPostStatus(a, b, c);
        customsMilestoneFromMessage(c);
      }),
    );
  });

  it('whatever a tracker looks like', () => {
    fc.assert(
      fc.property(fc.anything(), (tracker) => {
        expect(Array.isArray(mapEasyPostTracker(tracker, { origin: null, destination: 'US' }))).toBe(true);
        expect(
          mapEasyPostTracker({ tracking_details: [tracker] }, { origin: 'CN', destination: 'DE' }),
        ).toEqual(expect.any(Array));
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// EasyPost trackers: the recorded payloads

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
