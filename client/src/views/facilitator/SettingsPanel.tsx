import { type FormEvent, useId } from 'react';
import type { CommandOf } from '../../../../shared/commands';
import { AdmissionSchema, QueueOrderSchema } from '../../../../shared/settings';
import type { DashProps } from './dashboard-context';

type RoomUpdate = CommandOf<'room.update'>;

/** Room settings as a form; only the fields that changed are sent in one `room.update`. */
export function SettingsPanel({ view, connected, run }: DashProps) {
  const id = useId();
  const { settings } = view;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const update: RoomUpdate = { type: 'room.update' };
    const title = String(data.get('title') ?? '').trim();
    if (title && title !== view.title) update.title = title;
    const turn = Number(data.get('turnSeconds'));
    if (Number.isInteger(turn) && turn !== settings.turnSeconds) update.turnSeconds = turn;
    const warn = Number(data.get('warnSeconds'));
    if (Number.isInteger(warn) && warn !== settings.warnSeconds) update.warnSeconds = warn;
    const queue = QueueOrderSchema.safeParse(data.get('queueOrder'));
    if (queue.success && queue.data !== settings.queueOrder) update.queueOrder = queue.data;
    const admission = AdmissionSchema.safeParse(data.get('admission'));
    if (admission.success && admission.data !== settings.admission) update.admission = admission.data;
    const auto = data.get('autoStartTimer') === 'on';
    if (auto !== settings.autoStartTimer) update.autoStartTimer = auto;
    if (Object.keys(update).length > 1) void run(update);
  };
  // Re-mount the form when the room's settings change so that it shows what the server holds.
  const formKey = JSON.stringify([view.title, settings]);
  return (
    <details className="fac-panel fac-settings">
      <summary className="fac-summary">Room settings</summary>
      <form key={formKey} className="fac-form" onSubmit={onSubmit}>
        <label htmlFor={`${id}-title`}>Title</label>
        <input id={`${id}-title`} name="title" required maxLength={80} defaultValue={view.title} />
        <label htmlFor={`${id}-turn`}>Turn length (seconds)</label>
        <input
          id={`${id}-turn`}
          name="turnSeconds"
          type="number"
          required
          min={10}
          max={3600}
          step={1}
          defaultValue={settings.turnSeconds}
        />
        <label htmlFor={`${id}-warn`}>Warn when this many seconds remain</label>
        <input
          id={`${id}-warn`}
          name="warnSeconds"
          type="number"
          required
          min={0}
          max={3600}
          step={1}
          defaultValue={settings.warnSeconds}
        />
        <label htmlFor={`${id}-queue`}>Hand queue order</label>
        <select id={`${id}-queue`} name="queueOrder" defaultValue={settings.queueOrder}>
          <option value="raised">In the order hands were raised</option>
          <option value="least-spoken">Least spoken first (progressive stack)</option>
        </select>
        <label htmlFor={`${id}-admission`}>Admission</label>
        <select id={`${id}-admission`} name="admission" defaultValue={settings.admission}>
          <option value="open">Open: anyone with the link joins</option>
          <option value="approve">Approve each person</option>
        </select>
        <label className="fac-check">
          <input type="checkbox" name="autoStartTimer" defaultChecked={settings.autoStartTimer} />
          Start the timer when someone receives the piece
        </label>
        <button type="submit" className="fac-btn fac-btn-primary" disabled={!connected}>
          Save settings
        </button>
      </form>
    </details>
  );
}
