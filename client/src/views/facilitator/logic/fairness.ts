import type { FacilitatorView } from '../../../../../shared/views';

export interface FairnessRow {
  memberId: string;
  name: string;
  online: boolean;
  /** Speaking time at the instant asked for (ms), the current holder's growing live. */
  spokenMs: number;
  turns: number;
  passes: number;
  /** Share of all speaking time so far, 0..1 (0 while nobody has spoken). */
  share: number;
  speaking: boolean;
}

export interface FairnessSummary {
  rows: FairnessRow[];
  totalMs: number;
  /** Members who have neither finished a turn nor are speaking now, in seating order. */
  notSpokenYet: { memberId: string; name: string }[];
  /** Who has spoken most and their share of all speaking time; null until someone has spoken. */
  topSpeaker: { memberId: string; name: string; share: number } | null;
  /**
   * Everyone, least spoken first (the progressive stack): by speaking time, then turns, then seat.
   * This is the order a `least-spoken` hand queue would serve them in.
   */
  leastSpoken: FairnessRow[];
}

type StatsSource = Pick<FacilitatorView, 'members' | 'order' | 'stats' | 'speaker' | 'serverNow'>;

/**
 * Speaking time per member at server instant `now`, in seating order. `stats.spokenMs` is as of
 * `view.serverNow`; the holder keeps speaking, so `now − view.serverNow` is added to theirs.
 */
export function fairnessSummary(view: StatsSource, now: number): FairnessSummary {
  // Members still at the door (v1.1 `status`) are not in the circle yet: they are left out.
  const inCircle = view.members.filter((m) => !('status' in m) || m.status === 'active');
  const byId = new Map(inCircle.map((m) => [m.id, m]));
  const ids = [...view.order, ...inCircle.map((m) => m.id).filter((id) => !view.order.includes(id))];
  const rows: FairnessRow[] = [];
  for (const id of ids) {
    const member = byId.get(id);
    if (!member) continue;
    const stats = view.stats[id];
    const speaking = view.speaker?.memberId === id;
    const live = speaking ? Math.max(0, now - view.serverNow) : 0;
    rows.push({
      memberId: id,
      name: member.name,
      online: member.online,
      spokenMs: (stats?.spokenMs ?? 0) + live,
      turns: stats?.turns ?? 0,
      passes: stats?.passes ?? 0,
      share: 0,
      speaking,
    });
  }
  const totalMs = rows.reduce((sum, r) => sum + r.spokenMs, 0);
  for (const row of rows) row.share = totalMs > 0 ? row.spokenMs / totalMs : 0;
  const notSpokenYet = rows
    .filter((r) => r.turns === 0 && r.spokenMs === 0 && !r.speaking)
    .map((r) => ({ memberId: r.memberId, name: r.name }));
  let top: FairnessRow | null = null;
  for (const row of rows) if (row.spokenMs > 0 && (top === null || row.spokenMs > top.spokenMs)) top = row;
  const topSpeaker = top ? { memberId: top.memberId, name: top.name, share: top.share } : null;
  const seat = new Map(rows.map((r, i) => [r.memberId, i]));
  const leastSpoken = [...rows].sort(
    (a, b) =>
      a.spokenMs - b.spokenMs ||
      a.turns - b.turns ||
      (seat.get(a.memberId) ?? 0) - (seat.get(b.memberId) ?? 0),
  );
  return { rows, totalMs, notSpokenYet, topSpeaker, leastSpoken };
}
