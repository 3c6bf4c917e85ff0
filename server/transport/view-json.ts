/**
 * The JSON of views that share parts, each shared part written once. The three role views of one
 * state share their settings, order, speaker, timer, round, agenda, agreements and texts by
 * reference, and the member and display views their circle (server/core/views.ts): so `written`
 * remembers, for the views of one change, the JSON of every object value it wrote, by identity.
 * Written this way, the three views of a change cost a little over half of stringifying each.
 *
 * Byte for byte what `JSON.stringify(view)` writes (a property test holds it to that over random
 * command sequences): keys in the same order, `undefined` values left out, and the values are JSON
 * data (no `toJSON`, no functions). `written` lives for one change: nothing is kept across changes.
 */
export function viewJson(view: object, written: Map<object, string>): string {
  let out = '{';
  for (const key in view) {
    const value = (view as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (out.length > 1) out += ',';
    out += keyJson(key);
    if (typeof value === 'object' && value !== null) {
      let json = written.get(value);
      if (json === undefined) {
        json = JSON.stringify(value);
        written.set(value, json);
      }
      out += json;
    } else out += JSON.stringify(value);
  }
  return `${out}}`;
}

/** `"key":` for each view key: a few dozen names, written once each for the life of the process. */
const KEYS = new Map<string, string>();
function keyJson(key: string): string {
  let json = KEYS.get(key);
  if (json === undefined) {
    json = `${JSON.stringify(key)}:`;
    KEYS.set(key, json);
  }
  return json;
}
