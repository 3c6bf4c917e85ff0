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

/**
 * What was written at one place of a role's last view: for each field (or item), its key, its value
 * and its JSON, and for a field holding an object, the same one level down.
 */
interface Written {
  keys: string[];
  keyJsons: string[];
  values: unknown[];
  jsons: (string | undefined)[];
  below: (Written | undefined)[];
}

const written = (): Written => ({ keys: [], keyJsons: [], values: [], jsons: [], below: [] });

/** How deep a changed part is written piece by piece (deeper, JSON.stringify writes it whole). */
const COMPOSE_DEPTH = 2;

/**
 * Writes a room's views as JSON, reusing what it wrote for the room's last views. States share,
 * unchanged and immutable, every part a change did not touch, and views share those parts
 * (views.ts), so most of a change's views is what was written before: a `timer.add` writes the
 * timer, the version, the clock and the speaker's statistics, and takes the member lists, the
 * settings and the rest as they were. Output is what JSON.stringify writes for the same view
 * (views hold only objects, arrays, strings, numbers, booleans and null; a field that is undefined
 * is left out).
 *
 * A field is the JSON it was when it holds the very value it held in the role's last view (`===`):
 * a part must never change once written, and states and views are never mutated (immer freezes
 * them). A part that one role's view shares with another's (the settings, the circle) is written
 * once per change: `begin` and `end` mark a change's round of views.
 */
export class ViewJson {
  /** Objects written this round (`used`) and last round (`parts`), whichever role's view held them. */
  private parts = new Map<object, string>();
  private used = new Map<object, string>();
  /** Each role's last view, as written. */
  private readonly lastViews = new Map<string, Written>();

  begin(): void {
    this.used.clear();
  }

  render(role: string, view: object): EncodedView {
    let last = this.lastViews.get(role);
    if (last === undefined) {
      last = written();
      this.lastViews.set(role, last);
    }
    return { encodedViewJson: this.fields(view as Record<string, unknown>, last, 0) };
  }

  end(): void {
    const forgotten = this.parts;
    this.parts = this.used;
    this.used = forgotten;
  }

  private fields(record: Record<string, unknown>, last: Written, depth: number): string {
    let json = '{';
    let i = 0;
    for (const key in record) {
      const value = record[key];
      if (last.keys[i] !== key) {
        last.keys[i] = key;
        last.keyJsons[i] = `${JSON.stringify(key)}:`;
        last.below[i] = undefined;
      } else if (last.values[i] === value) {
        const field = last.jsons[i];
        if (field !== undefined) json += (json.length > 1 ? ',' : '') + last.keyJsons[i] + field;
        i++;
        continue;
      }
      const field = this.value(value, last, i, depth + 1);
      last.values[i] = value;
      last.jsons[i] = field;
      if (field !== undefined) json += (json.length > 1 ? ',' : '') + last.keyJsons[i] + field;
      i++;
    }
    forgetFrom(last, i);
    return `${json}}`;
  }

  private items(array: readonly unknown[], last: Written, depth: number): string {
    let json = '[';
    for (let i = 0; i < array.length; i++) {
      const value = array[i];
      let item: string | undefined;
      if (i < last.values.length && last.values[i] === value) item = last.jsons[i];
      else {
        item = this.value(value, last, i, depth + 1);
        last.values[i] = value;
        last.jsons[i] = item;
      }
      json += (i > 0 ? ',' : '') + (item ?? 'null');
    }
    forgetFrom(last, array.length);
    return `${json}]`;
  }

  /** The JSON of `value`, found at place `i` of `last`, `depth` levels down the view. */
  private value(value: unknown, last: Written, i: number, depth: number): string | undefined {
    switch (typeof value) {
      case 'number':
        return Number.isFinite(value) ? `${value}` : 'null';
      case 'boolean':
        return value ? 'true' : 'false';
      case 'object': {
        if (value === null) return 'null';
        if (depth >= COMPOSE_DEPTH) return JSON.stringify(value);
        let json = this.used.get(value) ?? this.parts.get(value);
        if (json === undefined) {
          const below = last.below[i] ?? written();
          last.below[i] = below;
          json = Array.isArray(value)
            ? this.items(value, below, depth)
            : this.fields(value as Record<string, unknown>, below, depth);
        }
        this.used.set(value, json);
        return json;
      }
      default:
        return JSON.stringify(value);
    }
  }
}

/** Drops what was written past the end of a record or an array that has shrunk. */
function forgetFrom(last: Written, length: number): void {
  if (last.values.length <= length) return;
  last.keys.length = Math.min(last.keys.length, length);
  last.keyJsons.length = Math.min(last.keyJsons.length, length);
  last.values.length = length;
  last.jsons.length = length;
  last.below.length = Math.min(last.below.length, length);
}
