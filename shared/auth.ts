import { z } from 'zod';
import { NameSchema } from './names';

const CodeSchema = z.string().min(1).max(16);
const SecretSchema = z.string().min(1).max(128);

/** The Socket.IO handshake `auth`: one variant per role. */
export const HandshakeAuthSchema = z.union([
  z.object({ code: CodeSchema, facilitatorKey: SecretSchema }),
  z.object({ code: CodeSchema, displayKey: SecretSchema }),
  z.object({ code: CodeSchema, memberToken: SecretSchema }),
  z.object({ code: CodeSchema, name: z.string().max(200) }),
]);
export type HandshakeAuth = z.infer<typeof HandshakeAuthSchema>;

export { NameSchema };
