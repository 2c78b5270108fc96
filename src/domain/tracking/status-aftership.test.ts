import { describe, expect, it } from 'vitest';
import { readSharedJson } from '../../../test/shared-data.ts';
import { mapAfterShip } from './carrier-status.ts';
import type { Milestone } from './milestones.ts';

const readJson = (file: string): unknown => readSharedJson(`payloads/${file}`);
const sorted = (values: Iterable<string>) => [...values].sort();

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
