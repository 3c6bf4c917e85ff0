import { describe, expect, it } from 'vitest';
import { benchRoomViews } from '../../../bench/floor-views';
import { DisplayViewSchema, FacilitatorViewSchema, RoomViewSchema } from '../../../shared/views';

describe("the floor's payloads (bench/floor-views.ts)", () => {
  it("are Circlekeeper's views of a bench room: M members online, the first holding the piece with a timer running", async () => {
    const views = await benchRoomViews(10);
    const facilitator = FacilitatorViewSchema.parse(views.facilitator);
    const member = RoomViewSchema.parse(views.member);
    const display = DisplayViewSchema.parse(views.display);
    for (const view of [facilitator, member, display]) {
      expect(view.members.map((m) => m.name)).toEqual(
        Array.from({ length: 10 }, (_, i) => `Member ${i + 1}`),
      );
      expect(view.members.every((m) => m.online)).toBe(true);
      expect(view.speaker?.memberId).toBe(view.members[0]!.id);
      expect(view.timer).not.toBeNull();
    }
    expect(Object.keys(facilitator.stats)).toHaveLength(10);
  });

  it('show a member only what members see, and the display only what a projector shows', async () => {
    const views = await benchRoomViews(3);
    expect(views.member).not.toHaveProperty('stats');
    expect(views.member).not.toHaveProperty('signals');
    expect(views.display).not.toHaveProperty('disclaimer');
    expect(views.display).not.toHaveProperty('resources');
  });
});
