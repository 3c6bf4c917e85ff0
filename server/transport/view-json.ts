/**
 * A view written as JSON by the broadcaster, for the Socket.IO encoder (json-parser.ts) to put into
 * the packet as it is. A plain object with one string field, so that the Redis adapter carries it
 * to other processes intact; clients never see it, only the JSON it holds.
 */
export interface EncodedView {
  readonly encodedViewJson: string;
}

export function isEncodedView(value: unknown): value is EncodedView {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<EncodedView>).encodedViewJson === 'string'
  );
}

/** A role's last view as written: each field's value and, once it held still for a change, its JSON. */
interface Written {
  values: unknown[];
  jsons: (string | undefined)[];
  /** For a field holding a record keyed by member ids (the statistics): each entry, as written. */
  records: (Map<string, Entry> | undefined)[];
}

/** A record's entry: its value and, once it held still for a change, `"key":json`. */
interface Entry {
  value: unknown;
  json: string | undefined;
}

/** `"field":` for each field name of the views: a fixed, small set shared by every room. */
const fieldKeys = new Map<string, string>();

function fieldKey(key: string): string {
  let json = fieldKeys.get(key);
  if (json === undefined) {
    json = `${JSON.stringify(key)}:`;
    fieldKeys.set(key, json);
  }
  return json;
}

/**
 * Writes a room's views as JSON, reusing what it wrote for the room's last views. States share,
 * unchanged and immutable, every part a change did not touch, and views share those parts
 * (views.ts), so most of a change's views is what was written before: after a `timer.add` the
 * member lists, the settings and the order are the JSON they were, and only the timer, the version,
 * the clock and the speaker's statistics are written. Output is what JSON.stringify writes for the
 * same view (views hold only objects, arrays, strings, numbers, booleans and null; a field that is
 * undefined is left out).
 *
 * A field is the JSON it was when it holds the very value (`===`) it held in the role's last view,
 * so a part must never change once written: states and views are never mutated (immer freezes
 * them). Only what held still for a change is kept (a timer that changes with every command is
 * written, not kept: kept, it would outlive young-generation collections for nothing), and a part
 * two roles' views share is kept once. The views' fields are the same in every role, in the same
 * order, so field `i` of one role's view is field `i` of another's.
 */
export class ViewJson {
  private readonly written = new Map<string, Written>();

  render(role: string, view: object): EncodedView {
    let last = this.written.get(role);
    if (last === undefined) {
      last = { values: [], jsons: [], records: [] };
      this.written.set(role, last);
    }
    const record = view as Record<string, unknown>;
    let json = '{';
    let i = 0;
    for (const key in record) {
      const field = this.field(record[key], last, i++);
      if (field === undefined) continue;
      if (json.length > 1) json += ',';
      json += fieldKey(key) + field;
    }
    last.values.length = i;
    last.jsons.length = i;
    return { encodedViewJson: `${json}}` };
  }

  /** The JSON of `value`, field `i` of the role's view last written as `last`. */
  private field(value: unknown, last: Written, i: number): string | undefined {
    switch (typeof value) {
      case 'number':
        return Number.isFinite(value) ? `${value}` : 'null';
      case 'boolean':
        return value ? 'true' : 'false';
      case 'string':
        break;
      case 'object':
        if (value === null) return 'null';
        if (Object.getPrototypeOf(value) === null)
          return this.record(value as Record<string, unknown>, last, i);
        break;
      default:
        return JSON.stringify(value);
    }
    if (last.values[i] === value) {
      let json = last.jsons[i];
      if (json === undefined) {
        json = this.shared(value, i) ?? JSON.stringify(value);
        last.jsons[i] = json;
      }
      return json;
    }
    last.values[i] = value;
    last.jsons[i] = undefined;
    return this.shared(value, i) ?? JSON.stringify(value);
  }

  /** The JSON another role's view keeps for the same value at the same field. */
  private shared(value: unknown, i: number): string | undefined {
    for (const other of this.written.values())
      if (other.values[i] === value && other.jsons[i] !== undefined) return other.jsons[i];
    return undefined;
  }

  /** A record keyed by member ids, written entry by entry: each settled member's is kept. */
  private record(record: Record<string, unknown>, last: Written, i: number): string {
    last.values[i] = undefined;
    last.jsons[i] = undefined;
    let entries = last.records[i];
    if (entries === undefined) {
      entries = new Map();
      last.records[i] = entries;
    }
    let json = '{';
    let count = 0;
    for (const key in record) {
      const value = record[key];
      let entry = entries.get(key);
      let text: string;
      if (entry !== undefined && entry.value === value) {
        text = entry.json ?? `${JSON.stringify(key)}:${JSON.stringify(value)}`;
        entry.json = text;
      } else {
        text = `${JSON.stringify(key)}:${JSON.stringify(value)}`;
        if (entry === undefined) {
          entry = { value, json: undefined };
          entries.set(key, entry);
        } else {
          entry.value = value;
          entry.json = undefined;
        }
      }
      if (count++ > 0) json += ',';
      json += text;
    }
    if (entries.size > count) for (const key of entries.keys()) if (!(key in record)) entries.delete(key);
    return `${json}}`;
  }
}
