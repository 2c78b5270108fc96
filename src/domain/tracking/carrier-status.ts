// The carriers' and tracking services' status words, mapped onto our milestones (milestones.ts).
// Every function here is total: an unknown value maps to null ("ignore"), nothing throws.
//
// Sources: EasyPost's status and status_detail values as the @easypost/api SDK types them
// (types/Tracker/TrackerStatus.d.ts, TrackerStatusDetail.d.ts); 17TRACK v2 status/sub_status and
// AfterShip tag/subtag as listed in shared/data/payloads/taxonomies/.

import { type Milestone, milestoneRank, type TrackingEvent } from './milestones.ts';

type Table = Readonly<Record<string, Milestone | null>>;

function lookup<V>(table: Readonly<Record<string, V>>): (key: string | null | undefined) => V | undefined {
  const byLowerCase = new Map(Object.entries(table).map(([k, v]) => [k.toLowerCase(), v]));
  return (key) => (typeof key === 'string' ? byLowerCase.get(key.trim().toLowerCase()) : undefined);
}

// ---------------------------------------------------------------------------------------------------
// Customs words in a carrier's free-text message

const CUSTOMS_WORDS = /\bcustoms\b|\bclearance\b|\bdut(?:y|ies)\b|\bimport tax(?:es)?\b/;
const DUTY_WORDS = /\bdut(?:y|ies)\b|\bimport tax(?:es)?\b/;
const PAYMENT_DUE_WORDS = /\b(?:due|payable|owed|unpaid|outstanding|pay|payment|collect)\b/;
const PAYMENT_DONE_WORDS = /\b(?:paid|settled|received)\b/;
const HELD_WORDS = /\b(?:held|hold|detained|retained)\b/;

/**
 * What a carrier's message says about customs, if anything: duties_due when duties or import tax are
 * waiting to be paid, held_by_customs when the parcel is held (and customs are named), in_customs for
 * any other customs/clearance/duty mention. A bare "held" without customs words is not a customs hold.
 */
export function customsMilestoneFromMessage(
  message: string | null | undefined,
): 'in_customs' | 'duties_due' | 'held_by_customs' | null {
  if (typeof message !== 'string') return null;
  const text = message.toLowerCase();
  if (!CUSTOMS_WORDS.test(text)) return null;
  if (DUTY_WORDS.test(text) && PAYMENT_DUE_WORDS.test(text) && !PAYMENT_DONE_WORDS.test(text)) {
    return 'duties_due';
  }
  if (HELD_WORDS.test(text)) return 'held_by_customs';
  return 'in_customs';
}

// ---------------------------------------------------------------------------------------------------
// EasyPost

const EASYPOST_STATUS: Table = {
  unknown: null,
  pre_transit: 'label_created',
  // "the carrier has it and it is moving": only news the first time (mapEasyPostTracker drops later ones)
  in_transit: 'picked_up',
  out_for_delivery: 'out_for_delivery',
  delivered: 'delivered',
  // ready at a pickup point: the last leg, the customer has to act
  available_for_pickup: 'out_for_delivery',
  return_to_sender: 'returned_to_sender',
  failure: 'exception',
  // the label was voided: no parcel to follow
  cancelled: null,
  error: null,
};

/** The status_detail decides only when it says more than the status; 'status' defers to the status. */
const FROM_STATUS = 'status';
const EASYPOST_STATUS_DETAIL: Readonly<Record<string, Milestone | typeof FROM_STATUS | null>> = {
  address_correction: FROM_STATUS,
  arrived_at_destination: 'arrived_destination',
  arrived_at_facility: FROM_STATUS,
  arrived_at_pickup_location: 'out_for_delivery',
  awaiting_information: 'exception',
  cancelled: null,
  damaged: 'exception',
  delayed: 'exception',
  delivery_exception: 'failed_attempt',
  departed_facility: FROM_STATUS,
  departed_origin_facility: FROM_STATUS,
  expired: null,
  failure: 'exception',
  held: 'exception',
  in_transit: FROM_STATUS,
  label_created: 'label_created',
  lost: 'exception',
  missorted: 'exception',
  out_for_delivery: 'out_for_delivery',
  received_at_destination_facility: 'arrived_destination',
  received_at_origin_facility: 'picked_up',
  refused: 'exception',
  return: 'returned_to_sender',
  status_update: FROM_STATUS,
  transferred_to_destination_carrier: 'arrived_destination',
  transit_exception: 'exception',
  unknown: FROM_STATUS,
  weather_delay: 'exception',
};

/** Statuses that are the whole story whatever the detail says. */
const EASYPOST_STATUS_WINS = new Set(['delivered', 'return_to_sender', 'cancelled', 'error']);

const easyPostStatus = lookup(EASYPOST_STATUS);
const easyPostDetail = lookup(EASYPOST_STATUS_DETAIL);

/**
 * One EasyPost status (tracker or tracking detail) with its status_detail and message, as a milestone.
 * A message naming customs refines a generic in-transit or exception status into in_customs,
 * duties_due or held_by_customs.
 */
export function mapEasyPostStatus(
  status: string | null | undefined,
  statusDetail?: string | null,
  message?: string | null,
): Milestone | null {
  const s = typeof status === 'string' ? status.trim().toLowerCase() : '';
  const fromStatus = easyPostStatus(s) ?? null;
  let milestone: Milestone | null;
  if (EASYPOST_STATUS_WINS.has(s)) {
    milestone = fromStatus;
  } else {
    const fromDetail = easyPostDetail(statusDetail);
    milestone = fromDetail === undefined || fromDetail === FROM_STATUS ? fromStatus : fromDetail;
  }
  const refinable =
    milestone === 'picked_up' || milestone === 'exception' || (milestone === null && s === 'unknown');
  if (refinable) return customsMilestoneFromMessage(message) ?? milestone;
  return milestone;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function country(value: unknown): string | null {
  const c = text(value);
  return c === null ? null : c.toUpperCase();
}

interface Scan {
  ms: number;
  status: string | null;
  detail: string | null;
  message: string | null;
  country: string | null;
}

function scans(tracker: Record<string, unknown>): Scan[] {
  const details = Array.isArray(tracker.tracking_details) ? tracker.tracking_details : [];
  const out: Scan[] = [];
  for (const raw of details) {
    const d = record(raw);
    if (!d) continue;
    const datetime = text(d.datetime);
    const ms = datetime === null ? Number.NaN : Date.parse(datetime);
    if (Number.isNaN(ms)) continue; // a scan we cannot place in time is no milestone
    out.push({
      ms,
      status: text(d.status),
      detail: text(d.status_detail),
      message: text(d.message),
      country: country(record(d.tracking_location)?.country),
    });
  }
  // Array.prototype.sort is stable: scans with the same time keep the carrier's order
  return out.sort((a, b) => a.ms - b.ms);
}

/**
 * An EasyPost Tracker (the `result` of a tracker.updated event, or a retrieved tracker) as the
 * milestones its tracking_details reached, oldest first.
 *
 * - Each scan maps through mapEasyPostStatus (status, status_detail, message).
 * - Borders: a scan in another country than the last scan that had one is arrived_destination if it
 *   is the route's destination, left_origin if the last country was the origin. With no origin given,
 *   the first country scanned is taken as the origin. The border event comes before the scan's own.
 * - Consecutive equal milestones collapse into the first; a normal-path milestone ranked below one
 *   already reached is dropped (resent scans, and "in transit" scans after the parcel got further);
 *   nothing follows returned_to_sender (later scans are the journey back, "delivered" included).
 */
export function mapEasyPostTracker(
  tracker: unknown,
  route: { origin: string | null; destination: string },
): TrackingEvent[] {
  const t = record(tracker);
  if (!t) return [];
  const destination = country(route.destination);
  let origin = country(route.origin);
  let lastCountry: string | null = null;
  let highestRank = -1;
  let returned = false;
  const events: TrackingEvent[] = [];

  const emit = (milestone: Milestone, scan: Scan) => {
    if (returned) return;
    if (events.at(-1)?.milestone === milestone) return;
    const rank = milestoneRank(milestone);
    if (rank !== null) {
      if (rank < highestRank) return;
      highestRank = rank;
    }
    events.push({
      milestone,
      at: new Date(scan.ms).toISOString(),
      location_country: scan.country,
      carrier_status: scan.detail === null ? (scan.status ?? '') : `${scan.status ?? ''}/${scan.detail}`,
      message: scan.message,
    });
    if (milestone === 'returned_to_sender') returned = true;
  };

  for (const scan of scans(t)) {
    if (scan.country !== null) {
      if (origin === null) origin = scan.country;
      if (lastCountry !== null && scan.country !== lastCountry) {
        if (scan.country === destination) emit('arrived_destination', scan);
        else if (lastCountry === origin) emit('left_origin', scan);
      }
      lastCountry = scan.country;
    }
    const milestone = mapEasyPostStatus(scan.status, scan.detail, scan.message);
    if (milestone !== null) emit(milestone, scan);
  }
  return events;
}

// ---------------------------------------------------------------------------------------------------
// 17TRACK (API v2): main status, and sub_status which says more when present

const SEVENTEEN_TRACK_STATUS: Table = {
  NotFound: null,
  InfoReceived: 'label_created',
  InTransit: 'picked_up',
  // tracking went stale: says nothing about the parcel itself
  Expired: null,
  AvailableForPickup: 'out_for_delivery',
  OutForDelivery: 'out_for_delivery',
  DeliveryFailure: 'failed_attempt',
  Delivered: 'delivered',
  Exception: 'exception',
};

const SEVENTEEN_TRACK_SUB_STATUS: Table = {
  NotFound_Other: null,
  NotFound_InvalidCode: null,
  InfoReceived: 'label_created',
  InTransit_PickedUp: 'picked_up',
  InTransit_Other: 'picked_up',
  // left the port of the origin country / arrived at the port of the destination country
  InTransit_Departure: 'left_origin',
  InTransit_Arrival: 'arrived_destination',
  InTransit_CustomsProcessing: 'in_customs',
  // released: still the customs step, and not news on its own (out_for_delivery will be)
  InTransit_CustomsReleased: 'in_customs',
  InTransit_CustomsRequiringInformation: 'held_by_customs',
  Expired_Other: null,
  AvailableForPickup_Other: 'out_for_delivery',
  OutForDelivery_Other: 'out_for_delivery',
  DeliveryFailure_Other: 'failed_attempt',
  DeliveryFailure_NoBody: 'failed_attempt',
  // delivery failed over security, clearance or fee problems at the door
  DeliveryFailure_Security: 'failed_attempt',
  DeliveryFailure_Rejected: 'failed_attempt',
  DeliveryFailure_InvalidAddress: 'failed_attempt',
  Delivered_Other: 'delivered',
  Exception_Other: 'exception',
  Exception_Returning: 'returned_to_sender',
  Exception_Returned: 'returned_to_sender',
  Exception_NoBody: 'exception',
  // found before delivery: security, customs clearance or fee problems
  Exception_Security: 'held_by_customs',
  Exception_Damage: 'exception',
  Exception_Rejected: 'exception',
  Exception_Delayed: 'exception',
  Exception_Lost: 'exception',
  Exception_Destroyed: 'exception',
  Exception_Cancel: 'exception',
};

const seventeenTrackStatus = lookup(SEVENTEEN_TRACK_STATUS);
const seventeenTrackSubStatus = lookup(SEVENTEEN_TRACK_SUB_STATUS);

/** 17TRACK status + sub_status as a milestone; an unknown sub_status falls back to the status. */
export function map17Track(status: string, subStatus?: string | null): Milestone | null {
  const fromSub = seventeenTrackSubStatus(subStatus);
  if (fromSub !== undefined) return fromSub;
  return seventeenTrackStatus(status) ?? null;
}

// ---------------------------------------------------------------------------------------------------
// AfterShip: tag, and subtag which says more when present

const AFTERSHIP_TAG: Table = {
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

const AFTERSHIP_SUBTAG: Table = {
  Delivered_001: 'delivered',
  Delivered_002: 'delivered',
  Delivered_003: 'delivered',
  Delivered_004: 'delivered',
  Delivered_005: 'delivered',
  AvailableForPickup_001: 'out_for_delivery',
  Exception_001: 'exception',
  Exception_002: 'exception',
  Exception_003: 'exception',
  Exception_004: 'held_by_customs', // delayed in customs clearance
  Exception_005: 'exception',
  Exception_006: 'duties_due', // held pending payment from the customer
  Exception_007: 'exception',
  Exception_008: 'exception',
  Exception_009: 'exception',
  Exception_010: 'returned_to_sender',
  Exception_011: 'returned_to_sender',
  Exception_012: 'exception',
  Exception_013: 'exception',
  Exception_016: 'exception',
  Exception_017: 'exception',
  Exception_018: 'held_by_customs', // incorrect or missing documents
  AttemptFail_001: 'failed_attempt',
  AttemptFail_002: 'failed_attempt',
  AttemptFail_003: 'failed_attempt',
  InTransit_001: 'picked_up',
  InTransit_002: 'picked_up',
  InTransit_003: 'picked_up',
  InTransit_004: 'arrived_destination',
  InTransit_005: 'in_customs', // clearance completed
  InTransit_006: 'in_customs', // handed over to customs
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

const afterShipTag = lookup(AFTERSHIP_TAG);
const afterShipSubtag = lookup(AFTERSHIP_SUBTAG);

/**
 * AfterShip tag + subtag as a milestone. An unknown subtag falls back to the tag, and a missing tag
 * is read from the subtag's prefix ("Exception_014" -> Exception).
 */
export function mapAfterShip(tag: string, subtag?: string | null): Milestone | null {
  const fromSub = afterShipSubtag(subtag);
  if (fromSub !== undefined) return fromSub;
  const fromTag = afterShipTag(tag);
  if (fromTag !== undefined) return fromTag;
  const prefix = typeof subtag === 'string' ? subtag.split('_')[0] : undefined;
  return afterShipTag(prefix) ?? null;
}
