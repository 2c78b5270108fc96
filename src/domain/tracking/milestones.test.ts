import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isFinalMilestone,
  isMilestone,
  MILESTONES,
  type Milestone,
  milestoneRank,
  NOTIFIED_MILESTONES,
  shouldNotify,
} from './milestones.ts';

const milestone = fc.constantFrom(...MILESTONES);
const ranked = MILESTONES.filter((m) => milestoneRank(m) !== null);
const rankedMilestone = fc.constantFrom(...ranked);

describe('the milestones', () => {
  it('are the twelve of the taxonomy, in this order', () => {
    expect(MILESTONES).toEqual([
      'label_created',
      'picked_up',
      'left_origin',
      'arrived_destination',
      'in_customs',
      'duties_due',
      'held_by_customs',
      'out_for_delivery',
      'delivered',
      'failed_attempt',
      'returned_to_sender',
      'exception',
    ]);
  });

  it('isMilestone knows them and nothing else', () => {
    for (const m of MILESTONES) expect(isMilestone(m)).toBe(true);
    for (const v of ['Delivered', 'in_transit', '', null, 3, undefined]) expect(isMilestone(v)).toBe(false);
  });

  it('only delivered and returned_to_sender are final', () => {
    expect(MILESTONES.filter(isFinalMilestone)).toEqual(['delivered', 'returned_to_sender']);
  });

  it.each<[Milestone, number | null]>([
    ['label_created', 0],
    ['picked_up', 1],
    ['left_origin', 2],
    ['arrived_destination', 3],
    ['in_customs', 4],
    ['duties_due', 4],
    ['held_by_customs', 4],
    ['out_for_delivery', 5],
    ['delivered', 6],
    ['failed_attempt', null],
    ['returned_to_sender', null],
    ['exception', null],
  ])('rank of %s is %s', (m, rank) => {
    expect(milestoneRank(m)).toBe(rank);
  });
});

describe('shouldNotify', () => {
  it('tells the customer of these milestones and no others', () => {
    expect(MILESTONES.filter((m) => shouldNotify(null, m))).toEqual([
      'left_origin',
      'arrived_destination',
      'duties_due',
      'held_by_customs',
      'out_for_delivery',
      'delivered',
      'failed_attempt',
      'returned_to_sender',
      'exception',
    ]);
    expect(NOTIFIED_MILESTONES).toEqual(MILESTONES.filter((m) => shouldNotify(null, m)));
  });

  it.each<[Milestone | null, Milestone, boolean]>([
    [null, 'label_created', false],
    [null, 'picked_up', false],
    ['picked_up', 'in_customs', false],
    ['label_created', 'picked_up', false],
    ['picked_up', 'left_origin', true],
    ['left_origin', 'arrived_destination', true],
    ['arrived_destination', 'in_customs', false],
    ['in_customs', 'duties_due', true],
    ['duties_due', 'held_by_customs', true],
    ['held_by_customs', 'duties_due', true],
    ['held_by_customs', 'out_for_delivery', true],
    ['out_for_delivery', 'delivered', true],
    ['picked_up', 'delivered', true],
    // repeats
    ['out_for_delivery', 'out_for_delivery', false],
    ['exception', 'exception', false],
    ['failed_attempt', 'failed_attempt', false],
    // backwards: a resent old scan
    ['out_for_delivery', 'arrived_destination', false],
    ['arrived_destination', 'left_origin', false],
    ['held_by_customs', 'arrived_destination', false],
    // side states
    ['out_for_delivery', 'failed_attempt', true],
    ['failed_attempt', 'out_for_delivery', true],
    ['failed_attempt', 'delivered', true],
    ['arrived_destination', 'exception', true],
    ['exception', 'arrived_destination', true],
    ['in_customs', 'returned_to_sender', true],
    // after a final milestone, nothing
    ['delivered', 'exception', false],
    ['delivered', 'returned_to_sender', false],
    ['returned_to_sender', 'delivered', false],
    ['returned_to_sender', 'exception', false],
  ])('%s -> %s: %s', (previous, next, expected) => {
    expect(shouldNotify(previous, next)).toBe(expected);
  });

  it('never notifies a repeat', () => {
    fc.assert(
      fc.property(milestone, (m) => {
        expect(shouldNotify(m, m)).toBe(false);
      }),
    );
  });

  it('never notifies a step backwards on the normal path', () => {
    fc.assert(
      fc.property(rankedMilestone, rankedMilestone, (previous, next) => {
        const from = milestoneRank(previous) as number;
        const to = milestoneRank(next) as number;
        fc.pre(to < from);
        expect(shouldNotify(previous, next)).toBe(false);
      }),
    );
  });

  it('notifies every forward step to a notified milestone on the normal path', () => {
    fc.assert(
      fc.property(fc.option(rankedMilestone, { nil: null }), rankedMilestone, (previous, next) => {
        const from = previous === null ? -1 : (milestoneRank(previous) as number);
        const to = milestoneRank(next) as number;
        fc.pre(to > from);
        expect(shouldNotify(previous, next)).toBe(NOTIFIED_MILESTONES.includes(next));
      }),
    );
  });

  it('over any run of scans on the normal path, what the customer is told never repeats or goes back', () => {
    fc.assert(
      fc.property(fc.array(rankedMilestone, { maxLength: 30 }), (scans) => {
        // the caller passes the last milestone it told the customer of as `previous`
        let previous: Milestone | null = null;
        const told: Milestone[] = [];
        for (const next of scans) {
          if (shouldNotify(previous, next)) {
            told.push(next);
            previous = next;
          }
        }
        for (let i = 1; i < told.length; i++) {
          const a = told[i - 1] as Milestone;
          const b = told[i] as Milestone;
          expect(b).not.toBe(a);
          expect(milestoneRank(b) as number).toBeGreaterThanOrEqual(milestoneRank(a) as number);
        }
        for (const m of told) expect(NOTIFIED_MILESTONES).toContain(m);
      }),
    );
  });
});
