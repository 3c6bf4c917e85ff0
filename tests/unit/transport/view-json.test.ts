import { describe, expect, it } from 'vitest';
import { ViewJson } from '../../../server/transport/view-json';

/** Writes one round of views (role → view) and returns each JSON. */
function round(writer: ViewJson, views: Record<string, object>): Record<string, string> {
  writer.begin();
  const out: Record<string, string> = {};
  for (const [role, view] of Object.entries(views)) out[role] = writer.render(role, view).encodedViewJson;
  writer.end();
  return out;
}

describe('the JSON writer of views (transport/view-json.ts)', () => {
  it('writes what JSON.stringify writes, for every kind of value a view can hold and a few it should not', () => {
    const writer = new ViewJson();
    const view = {
      text: 'quote " backslash \\ newline \n é ✓ \u2028',
      numbers: [0, -0, 1.5, 1e21, Number.NaN, Number.POSITIVE_INFINITY],
      flags: [true, false],
      none: null,
      gone: undefined,
      holes: [undefined, () => 1],
      nested: { deep: { deeper: { deepest: [1, { x: 'y' }] } }, empty: {}, list: [] },
      record: Object.assign(Object.create(null) as object, { 'id "1"': { n: 1 }, id2: { n: 2 } }),
      'odd "key"': 1,
    };
    expect(round(writer, { member: view }).member).toBe(JSON.stringify(view));
    expect(round(writer, { member: view }).member).toBe(JSON.stringify(view));
  });

  it('takes again what it wrote only for the very same value, and follows lists and records that grow, shrink or change keys', () => {
    const writer = new ViewJson();
    const settings = { a: 1 };
    const views: object[] = [
      { version: 1, settings, members: [{ id: 'a' }, { id: 'b' }], stats: { a: { n: 1 }, b: { n: 2 } } },
      { version: 2, settings, members: [{ id: 'a' }], stats: { a: { n: 1 } } },
      {
        version: 3,
        settings: { a: 2 },
        members: [{ id: 'a' }, { id: 'c' }, { id: 'd' }],
        stats: { c: { n: 3 } },
      },
      { version: 4, extra: 'new field first', settings: { a: 2 }, stats: {} },
      { version: 5, settings, members: [], stats: { a: { n: 1 }, b: { n: 2 } } },
    ];
    for (const view of views)
      expect(round(writer, { facilitator: view }).facilitator).toBe(JSON.stringify(view));
  });

  it('shares a part between the roles of one change, and keeps each role apart', () => {
    const writer = new ViewJson();
    const circle = [{ id: 'a', name: 'Ann' }];
    const everyone = [{ id: 'a', name: 'Ann', status: 'active' }];
    for (let version = 1; version <= 3; version++) {
      const views = {
        facilitator: { version, members: everyone, stats: { a: { spokenMs: version } } },
        member: { version, members: circle },
        display: { version, members: circle },
      };
      const written = round(writer, version === 2 ? { member: views.member } : views);
      for (const [role, json] of Object.entries(written))
        expect(json).toBe(JSON.stringify(views[role as keyof typeof views]));
    }
  });
});
