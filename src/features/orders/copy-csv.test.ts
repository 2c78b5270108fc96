import { describe, expect, it } from 'vitest';
import { copyCell, copyCsv } from './copy-csv.ts';

describe('copyCell', () => {
  it.each([
    [null, false, ''],
    ['', false, '""'],
    ['say "hi", then\nleave', false, '"say ""hi"", then\nleave"'],
    [1999, false, '1999'],
    [true, false, 'true'],
    [new Date('2026-03-01T10:00:00Z'), false, '"2026-03-01T10:00:00.000Z"'],
    [['vip', 'a"b', 'c\\d'], false, '"{""vip"",""a\\""b"",""c\\\\d""}"'],
    [[], false, '"{}"'],
    [[], true, '"[]"'],
    [{ city: 'São Paulo' }, true, '"{""city"":""São Paulo""}"'],
  ])('%j (json: %s) -> %s', (value, json, cell) => {
    expect(copyCell(value, json)).toBe(cell);
  });

  it('writes store_id first, then the keys of the rows, jsonb columns as JSON', () => {
    expect(copyCsv('s1', [{ order_id: 'o', tracking_events: [], tags: [] }])).toEqual({
      columns: ['store_id', 'order_id', 'tracking_events', 'tags'],
      csv: '"s1","o","[]","{}"\n',
    });
  });
});
