/**
 * Drives a reconnect storm against a running server, in its own process so that the test runner's
 * event loop is not the bottleneck: STORM_URL, STORM_MEMBERS. Prints one JSON line with what it saw.
 *
 * Run by tests/security/faults.test.ts (node --import tsx tests/helpers/storm-driver.ts).
 */
import { connect, connectFacilitator, connectMember, createRoom, type Participant } from './clients';

const url = process.env.STORM_URL!;
const count = Number(process.env.STORM_MEMBERS ?? 300);
const room = await createRoom(url, { title: 'Big group' });
const fac = await connectFacilitator(url, room);
let members: Participant[] = [];
for (let i = 0; i < count; i += 50) {
  const batch = Array.from({ length: Math.min(50, count - i) }, (_, j) =>
    connectMember(url, room, `Member ${i + j}`),
  );
  members.push(...(await Promise.all(batch)));
}
await fac.waitFor((v) => v.members.filter((m) => m.online).length === count, 'everyone online');
const start = await fac.send({ type: 'round.start', kind: 'check-in' });
// Members joined in concurrent batches, so the first seat is whoever the server saw first.
const firstSpeaker = (await fac.waitFor((v) => v.speaker !== null, 'the first speaker')).speaker!.memberId;
const tokens = members.map((p) => ({ id: p.welcome.memberId!, token: p.welcome.memberToken! }));

const t0 = performance.now();
for (const p of members) p.close();
await fac.waitFor((v) => v.members.every((m) => !m.online), 'everyone offline');
const t1 = performance.now();
const outcomes = await Promise.allSettled(
  tokens.map(({ token }) => connect(url, { code: room.code, memberToken: token })),
);
const t2 = performance.now();
members = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
const refused = outcomes.flatMap((o) =>
  o.status === 'rejected' ? [String(o.reason?.message ?? o.reason)] : [],
);
const final = await fac.waitFor(
  (v) => v.members.filter((m) => m.online).length === count,
  'everyone online again',
);
const t3 = performance.now();
// Every client converges on the same state: a public change made now is the newest version, and
// (changes of one room close together go out merged, as the newest state) every client must reach it.
const mark = await fac.send({ type: 'room.update', title: 'Big group, all back' });
if (!mark.ok) throw new Error(`the convergence mark was refused: ${mark.error.code}`);
for (const p of [fac, ...members]) await p.waitFor((v) => v.version >= mark.version, 'the final version');
const versions = new Set(members.map((p) => p.latest().version));
if (members.length === 0) throw new Error(`every reconnect was refused: ${refused.slice(0, 3).join(', ')}`);
const holderId = fac.latest().speaker?.memberId;
const holder = members.find((p) => p.welcome.memberId === holderId);
const done = holder
  ? await holder.send({ type: 'turn.done' })
  : { ok: false, error: 'nobody holds the piece' };
const view = fac.latest();

console.log(
  JSON.stringify({
    members: count,
    started: start.ok,
    welcomed: members.length,
    sameIds: members.every((p, i) => p.welcome.memberId === tokens[i]!.id),
    refused,
    onlineAfter: final.members.filter((m) => m.online).length,
    finalVersions: [...versions],
    facilitatorVersion: view.version,
    holder: holderId === firstSpeaker,
    turnDone: done,
    ms: { offline: Math.round(t1 - t0), welcomed: Math.round(t2 - t1), online: Math.round(t3 - t1) },
  }),
);
for (const p of [fac, ...members]) p.close();
