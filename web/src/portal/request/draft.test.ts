// The wizard's counter keeps its total whatever the customer chooses on the way.
import { describe, expect, it } from 'vitest';
import { type Draft, EMPTY_DRAFT, STAGES, stageOf, stepsFor } from './draft.ts';

describe('the step counter', () => {
  it.each([
    ['nothing chosen yet', EMPTY_DRAFT, []],
    [
      'a fault with photos asked for',
      { ...EMPTY_DRAFT, reason: 'defective', resolution: 'refund' as const },
      ['L1'],
    ],
    ['keeping the item (no way of sending)', { ...EMPTY_DRAFT, resolution: 'keep_item' as const }, []],
    ['photos and keeping the item', { ...EMPTY_DRAFT, resolution: 'keep_item' as const }, ['L1']],
  ] as [string, Draft, string[]][])(
    '%s: starts at 1, never goes back, ends at the same total',
    (_name, draft, evidence) => {
      const counted = stepsFor(draft, evidence).map(stageOf);
      expect(counted[0]).toBe(1);
      expect(counted.at(-1)).toBe(STAGES);
      expect(counted.every((n, i) => i === 0 || n >= (counted[i - 1] ?? 0))).toBe(true);
    },
  );

  it('says the same "of 4" before and after the reason asks for photos', () => {
    const before = stepsFor(EMPTY_DRAFT, []);
    const after = stepsFor({ ...EMPTY_DRAFT, reason: 'damaged_in_transit' }, ['L1']);
    expect(after.length).toBe(before.length + 1); // one screen more...
    expect(after.map(stageOf).at(-1)).toBe(before.map(stageOf).at(-1)); // ...the same count
    expect([stageOf('reason'), stageOf('photos'), stageOf('resolution')]).toEqual([2, 2, 3]);
  });
});
