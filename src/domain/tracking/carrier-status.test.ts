// EasyPost's status and status_detail (the values its SDK types), customs words in a scan's message,
// and mappings that never throw whatever comes in.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSharedJson } from '../../../test/shared-data.ts';
import {
  customsMilestoneFromMessage,
  map17Track,
  mapAfterShip,
  mapEasyPostStatus,
  mapEasyPostTracker,
} from './carrier-status.ts';
import type { Milestone } from './milestones.ts';

const _readJson = (file: string): unknown => readSharedJson(`payloads/${file}`);
const sorted = (values: Iterable<string>) => [...values].sort();

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
