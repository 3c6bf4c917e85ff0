import { z } from 'zod';
import { AgreementsSchema, DisclaimerSchema, ResourcesSchema } from './room-texts';
import { AgendaSchema, SettingsSchema, TitleSchema } from './settings';

export const CreateRoomBodySchema = z.object({
  title: TitleSchema.optional(),
  settings: SettingsSchema.partial().optional(),
  agenda: AgendaSchema.optional(),
  agreements: AgreementsSchema.optional(),
  disclaimer: DisclaimerSchema.optional(),
  resources: ResourcesSchema.optional(),
});
export type CreateRoomBody = z.infer<typeof CreateRoomBodySchema>;

export interface CreateRoomResponse {
  code: string;
  facilitatorKey: string;
  displayKey: string;
  urls: { facilitator: string; member: string; display: string };
}

export interface OpenRoomInfo {
  code: string;
  title: string;
  status: 'open';
  locked: boolean;
  admission: 'open' | 'approve';
}

/** An ended room (for an hour after `room.end`): its code only, nothing else is kept. */
export interface EndedRoomInfo {
  code: string;
  status: 'ended';
}

/** `GET /api/rooms/:code`. */
export type RoomInfo = OpenRoomInfo | EndedRoomInfo;

/** Client-side paths of the three faces. Keys travel only in the fragment (`#key=…`). */
export const facePaths = {
  facilitator: (code: string) => `/f/${code}`,
  member: (code: string) => `/j/${code}`,
  display: (code: string) => `/d/${code}`,
};
