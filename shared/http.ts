import { z } from 'zod';
import { AgendaSchema, SettingsSchema, TitleSchema } from './settings';

export const CreateRoomBodySchema = z.object({
  title: TitleSchema.optional(),
  settings: SettingsSchema.partial().optional(),
  agenda: AgendaSchema.optional(),
});
export type CreateRoomBody = z.infer<typeof CreateRoomBodySchema>;

export interface CreateRoomResponse {
  code: string;
  facilitatorKey: string;
  displayKey: string;
  urls: { facilitator: string; member: string; display: string };
}

export interface RoomInfo {
  code: string;
  title: string;
  status: 'open' | 'ended';
  locked: boolean;
  admission: 'open' | 'approve';
}

/** Client-side paths of the three faces. Keys travel only in the fragment (`#key=…`). */
export const facePaths = {
  facilitator: (code: string) => `/f/${code}`,
  member: (code: string) => `/j/${code}`,
  display: (code: string) => `/d/${code}`,
};
