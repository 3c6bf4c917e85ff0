import { type DragEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { FacilitatorMemberView } from '../../../../shared/views';
import { AtTheDoor } from './AtTheDoor';
import type { DashProps } from './dashboard-context';
import { outcomeLabel } from './logic/labels';
import { activeRound } from './logic/next-speaker';
import { dropOn, moveBy, sameOrder } from './logic/reorder';

/** The seating order with presence; give the piece by activating a name; reorder by drag or keyboard. */
export function MembersPanel({ view, connected, run }: DashProps) {
  // Only active members sit in the circle; those still at the door are listed apart (see Lobby).
  const active = view.members.filter((m) => m.status === 'active');
  const byId = new Map(active.map((m) => [m.id, m]));
  const seated = [...view.order, ...active.map((m) => m.id).filter((id) => !view.order.includes(id))];
  const members = seated.map((id) => byId.get(id)).filter((m): m is FacilitatorMemberView => m !== undefined);
  const atTheDoor = view.members.filter((m) => m.status !== 'active');
  const online = members.filter((m) => m.online).length;
  const [dragged, setDragged] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  // After a keyboard move the row is re-rendered in its new place: put focus back on the same button.
  const refocus = useRef<{ id: string; which: 'up' | 'down' } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const orderKey = view.order.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the seating order arrives from the server
  useEffect(() => {
    const target = refocus.current;
    if (!target || !listRef.current) return;
    refocus.current = null;
    const row = listRef.current.querySelector<HTMLElement>(`[data-member-id="${CSS.escape(target.id)}"]`);
    const preferred = row?.querySelector<HTMLButtonElement>(`[data-move="${target.which}"]:not(:disabled)`);
    (preferred ?? row?.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)'))?.focus();
  }, [orderKey]);

  const ids = members.map((m) => m.id);
  const setOrder = (next: string[]) => {
    if (!sameOrder(next, ids)) void run({ type: 'order.set', memberIds: next });
  };
  const move = (id: string, delta: number) => {
    refocus.current = { id, which: delta < 0 ? 'up' : 'down' };
    setOrder(moveBy(ids, id, delta));
  };

  const onRowKey = (id: string) => (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    if (connected) move(id, e.key === 'ArrowUp' ? -1 : 1);
  };
  const onDragStart = (id: string) => (e: DragEvent) => {
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', id);
    setDragged(id);
  };
  const onDragOver = (id: string) => (e: DragEvent) => {
    if (!dragged && !e.dataTransfer.types.includes('text/plain')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (dropTarget !== id) setDropTarget(id);
  };
  const onDrop = (id: string) => (e: DragEvent) => {
    e.preventDefault();
    const source = dragged ?? e.dataTransfer.getData('text/plain');
    setDragged(null);
    setDropTarget(null);
    if (source && connected) setOrder(dropOn(ids, source, id));
  };
  const onDragEnd = () => {
    setDragged(null);
    setDropTarget(null);
  };

  const round = activeRound(view);
  const handPlace = (id: string) => view.hands.indexOf(id);

  return (
    <section className="fac-panel fac-members" aria-labelledby="fac-members-h">
      <div className="fac-panel-head">
        <h2 id="fac-members-h">Members</h2>
        <span className="fac-count">
          {members.length} in the room · {online} online
        </span>
      </div>
      {atTheDoor.length > 0 && (
        <AtTheDoor members={atTheDoor} admission={view.settings.admission} connected={connected} run={run} />
      )}
      {members.length === 0 ? (
        <p className="fac-empty">
          {atTheDoor.length > 0
            ? 'Nobody is in the circle yet.'
            : 'Nobody has joined yet: share the join link or the room code.'}
        </p>
      ) : (
        <>
          <p className="fac-hint" id="fac-members-hint">
            Activate a name to give them the talking piece. Drag rows, or use the arrows (Alt+↑ / Alt+↓), to
            change the seating order.
          </p>
          <ol className="fac-member-list" ref={listRef} aria-describedby="fac-members-hint">
            {members.map((m, i) => {
              const speaking = view.speaker?.memberId === m.id;
              const hand = handPlace(m.id);
              const outcome = round?.outcomes[m.id];
              const classes = ['fac-member'];
              if (dragged === m.id) classes.push('is-dragging');
              if (dropTarget === m.id && dragged !== m.id) classes.push('is-drop-target');
              if (speaking) classes.push('is-speaking');
              return (
                <li
                  key={m.id}
                  className={classes.join(' ')}
                  data-member-id={m.id}
                  draggable={connected}
                  onDragStart={onDragStart(m.id)}
                  onDragOver={onDragOver(m.id)}
                  onDragLeave={() => dropTarget === m.id && setDropTarget(null)}
                  onDrop={onDrop(m.id)}
                  onDragEnd={onDragEnd}
                  onKeyDown={onRowKey(m.id)}
                >
                  <span className="fac-drag-handle" aria-hidden="true">
                    ⠿
                  </span>
                  <span className="fac-seat" aria-hidden="true">
                    {i + 1}
                  </span>
                  <button
                    type="button"
                    className="fac-member-name"
                    disabled={!connected || speaking}
                    aria-label={speaking ? `${m.name}, speaking now` : `Give the talking piece to ${m.name}`}
                    title={speaking ? undefined : `Give the talking piece to ${m.name}`}
                    onClick={() => void run({ type: 'piece.give', memberId: m.id })}
                  >
                    {m.name}
                  </button>
                  <span className="fac-member-meta">
                    <span className={`fac-presence ${m.online ? 'is-online' : 'is-offline'}`}>
                      <span className="fac-dot" aria-hidden="true" />
                      {m.online ? 'Online' : 'Offline'}
                    </span>
                    <span className="fac-badges">
                      {speaking && <span className="fac-badge fac-badge-speaking">Speaking</span>}
                      {hand >= 0 && <span className="fac-badge fac-badge-hand">Hand up #{hand + 1}</span>}
                      {outcome && outcome !== 'pending' && (
                        <span className={`fac-badge fac-outcome-${outcome}`}>{outcomeLabel[outcome]}</span>
                      )}
                      {m.role === 'cofacilitator' && <span className="fac-badge">Co-facilitator</span>}
                    </span>
                  </span>
                  {confirming === m.id ? (
                    <span className="fac-confirm">
                      <span>Remove {m.name}?</span>
                      <button
                        type="button"
                        className="fac-btn fac-btn-danger"
                        disabled={!connected}
                        onClick={() => {
                          setConfirming(null);
                          void run({ type: 'member.remove', memberId: m.id });
                        }}
                      >
                        Remove
                      </button>
                      <button
                        type="button"
                        className="fac-btn"
                        // biome-ignore lint/a11y/noAutofocus: the confirm step takes focus so the keyboard lands on it
                        autoFocus
                        onClick={() => setConfirming(null)}
                      >
                        Keep
                      </button>
                    </span>
                  ) : (
                    <span className="fac-row-actions">
                      <button
                        type="button"
                        className="fac-icon-btn"
                        data-move="up"
                        disabled={!connected || i === 0}
                        aria-label={`Move ${m.name} up`}
                        title="Move up (Alt+↑)"
                        onClick={() => move(m.id, -1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="fac-icon-btn"
                        data-move="down"
                        disabled={!connected || i === members.length - 1}
                        aria-label={`Move ${m.name} down`}
                        title="Move down (Alt+↓)"
                        onClick={() => move(m.id, 1)}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="fac-icon-btn fac-remove"
                        disabled={!connected}
                        aria-label={`Remove ${m.name} from the room`}
                        title="Remove from the room"
                        onClick={() => setConfirming(m.id)}
                      >
                        ✕
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
