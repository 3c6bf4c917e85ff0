/** A copy of `ids` with `id` moved by `delta` places (clamped to the ends); the same order if `id` is absent. */
export function moveBy(ids: readonly string[], id: string, delta: number): string[] {
  const from = ids.indexOf(id);
  if (from < 0) return [...ids];
  const to = Math.min(ids.length - 1, Math.max(0, from + delta));
  return moveTo(ids, from, to);
}

/** A copy of `ids` with the item at `from` placed at index `to` (indices in the result). */
export function moveTo<T>(ids: readonly T[], from: number, to: number): T[] {
  const next = [...ids];
  const [item] = next.splice(from, 1);
  if (item === undefined) return [...ids];
  next.splice(Math.min(Math.max(0, to), next.length), 0, item);
  return next;
}

/**
 * The order after dropping `dragged` on `target`: it takes the target's place, so dragging down
 * lands after the target and dragging up lands before it, as in every list editor.
 */
export function dropOn(ids: readonly string[], dragged: string, target: string): string[] {
  const from = ids.indexOf(dragged);
  const to = ids.indexOf(target);
  if (from < 0 || to < 0 || from === to) return [...ids];
  return moveTo(ids, from, to);
}

export function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => b[i] === id);
}
