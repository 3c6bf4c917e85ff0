import type { roleViews, ViewRole } from '../core/views';

/**
 * A view's JSON, written by the broadcaster before the emit. The encoder (json-parser.ts) writes a
 * `state` whose view is a string as that string, so clients receive the very bytes that encoding
 * the view object would have given; a string survives the Redis adapter's hop as it is.
 */
export type ViewJson = string & { readonly viewJson: true };

type RoleViews = ReturnType<typeof roleViews>;

/**
 * The JSON of the views of one change, for the roles given. The member view begins with every field
 * of the display's, the very same values in the same order (views.ts builds it from the display
 * view), so its JSON is the display's with the member's further fields appended: the fields both
 * show (the circle, settings, timer, order, agreements…: all but the member view's last three
 * fields) are written once per change rather than twice. The member lists, the circle and the
 * facilitators' roster, are written once per list rather than once per change (`withMembersJson`).
 */
export function roleViewsJson(views: RoleViews, roles: readonly ViewRole[]): Map<ViewRole, ViewJson> {
  const out = new Map<ViewRole, ViewJson>();
  let display: string | undefined;
  for (const role of roles) {
    if (role === 'facilitator') {
      out.set(role, withMembersJson(views.facilitator) as ViewJson);
      continue;
    }
    display ??= withMembersJson(views.display);
    out.set(
      role,
      (role === 'display' ? display : extendedJson(views.display, display, views.member)) as ViewJson,
    );
  }
  return out;
}

/**
 * The JSON of each member list written so far. views.ts makes one frozen list per members array and
 * every view since shares it, so a list is written once until a member changes (a timer, the piece,
 * a round or a signal leave the members alone), not on every change: in a room of 10, the two lists
 * are 2.0 of the 4.0 KB written per change. Weakly keyed: the JSON goes with its list.
 */
const membersJson = new WeakMap<readonly unknown[], string>();

/**
 * `JSON.stringify(view)`, byte for byte, with its `members` written from `membersJson` when they are
 * the view's last key (views.ts puts them there) and a frozen list: the rest is written without them
 * and their JSON appended. Otherwise the whole view is written. `members` is set to undefined (which
 * JSON.stringify leaves out) while the rest is written, and restored: the views written here are
 * the broadcaster's own, built by `roleViews` for this send and seen by nothing else meanwhile. A
 * list that is not frozen could change after it is written, so it is never kept. For plain data
 * objects (no `toJSON`).
 */
export function withMembersJson(view: object): string {
  const v = view as Record<string, unknown>;
  const members = v.members;
  const keys = Object.keys(v);
  if (!Array.isArray(members) || !Object.isFrozen(members) || keys[keys.length - 1] !== 'members')
    return JSON.stringify(view);
  let list = membersJson.get(members);
  if (list === undefined) {
    list = JSON.stringify(members);
    membersJson.set(members, list);
  }
  let rest: string;
  v.members = undefined;
  try {
    rest = JSON.stringify(view);
  } finally {
    v.members = members;
  }
  // The rest is `{}` when members is the only key JSON holds: no comma before it then.
  return `${rest.length === 2 ? '{' : `${rest.slice(0, -1)},`}"members":${list}}`;
}

/**
 * `JSON.stringify(view)`, byte for byte, written from `baseJson` (the JSON of `base`) when `view`
 * holds first every key of `base`, in the same order, with the very same values: then only the keys
 * after them are written. Otherwise the whole view is. For plain data objects (no `toJSON`).
 */
export function extendedJson(base: object, baseJson: string, view: object): string {
  const b = base as Record<string, unknown>;
  const v = view as Record<string, unknown>;
  const baseKeys = Object.keys(b);
  const keys = Object.keys(v);
  if (keys.length < baseKeys.length) return JSON.stringify(view);
  for (let i = 0; i < baseKeys.length; i++) {
    const key = baseKeys[i]!;
    if (keys[i] !== key || v[key] !== b[key]) return JSON.stringify(view);
  }
  let json = baseJson.slice(0, -1);
  let empty = json === '{';
  for (let i = baseKeys.length; i < keys.length; i++) {
    const key = keys[i]!;
    const value = JSON.stringify(v[key]);
    // As JSON.stringify does, a key whose value JSON cannot hold (undefined, a function) is left out.
    if (value === undefined) continue;
    json += `${empty ? '' : ','}${JSON.stringify(key)}:${value}`;
    empty = false;
  }
  return `${json}}`;
}
