/** Test helpers: a group's kaitiaki key, made and unlocked through the API as the app does it. */
import { join } from 'node:path';
import type { FocalApi } from '../../../shared/api/client';

export const PASSPHRASE = 'kia mau ki te kawa';

/** Names the kaitiaki (if needed) and creates the group's key in `dir`; the key stays unlocked in that core. */
export async function createKaitiakiKey(api: FocalApi, dir: string, groupId: number, kaitiakiId?: number, file = `kaitiaki-${groupId}.focalkey`): Promise<{ keyFile: string; fingerprint: string }> {
  if (kaitiakiId !== undefined) await api['participant-update']({ id: groupId, kaitiakiId });
  const keyFile = join(dir, file);
  const made = await api['kaitiaki-key-create']({ groupId, passphrase: PASSPHRASE, keyFile });
  return { keyFile, fingerprint: made.fingerprint! };
}
