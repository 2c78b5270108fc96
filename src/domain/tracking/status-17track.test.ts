import { describe, expect, it } from 'vitest';
import { readSharedJson } from '../../../test/shared-data.ts';
import { map17Track } from './carrier-status.ts';
import type { Milestone } from './milestones.ts';

const readJson = (file: string): unknown => readSharedJson(`payloads/${file}`);
const sorted = (values: Iterable<string>) => [...values].sort();

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
