import { describe, expect, it } from 'vitest';
import { ViewJson } from '../../../server/transport/view-json';

/** Writes one round of views (role → view) and returns each JSON. */
function round(writer: ViewJson, views: Record<string, object>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [role, view] of Object.entries(views)) out[role] = writer.render(role, view).encodedViewJson;
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

  it('writes again only what changed, and follows member records that grow, shrink or change entries', () => {
    const writer = new ViewJson();
    const record = (entries: Record<string, object>) => Object.assign(Object.create(null) as object, entries);
    const settings = { a: 1 };
    const ann = { spokenMs: 1 };
    const views: object[] = [
      { version: 1, settings, members: [{ id: 'a' }], stats: record({ a: ann, b: { spokenMs: 2 } }) },
      { version: 2, settings, members: [{ id: 'a' }], stats: record({ a: ann, b: { spokenMs: 3 } }) },
      { version: 3, settings, members: [], stats: record({ a: ann }) },
      { version: 4, settings: { a: 2 }, stats: record({ c: { spokenMs: 0 }, a: ann }) },
      { version: 5, extra: 'a field more, first', settings, stats: record({}) },
      { version: 6, settings, stats: record({ a: ann, b: { spokenMs: 4 } }) },
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
