import { AppError } from '../../../shared/app-error.js';
import type { Executor } from '../../platform/db/database.js';
import type { User } from '../users/index.js';
import { fieldContext, type VaultService } from '../vault/index.js';

// TOTP secrets are sealed with the user's own data key (envelope encryption), so a copy of
// the database without the master key cannot mint second-factor codes.

type SealedColumn = 'totp_secret_sealed' | 'totp_pending_sealed';

/** Opens one of the user's sealed TOTP secrets. */
export async function openTotpSecret(
  vault: VaultService,
  db: Executor,
  user: User,
  column: SealedColumn,
): Promise<string> {
  const sealed = column === 'totp_secret_sealed' ? user.totpSecretSealed : user.totpPendingSealed;
  if (sealed === null || user.dataKeyId === null) throw new AppError('auth.totp_not_pending');
  const cipher = await vault.cipherFor(db, user.dataKeyId);
  return cipher.open(sealed, fieldContext('user', user.id, 'totp_secret'));
}

/** Seals a TOTP secret for the user, creating their data key on first use. */
export async function sealTotpSecret(
  vault: VaultService,
  trx: Executor,
  user: User,
  secret: string,
): Promise<{ sealed: string; dataKeyId: string }> {
  if (user.dataKeyId !== null) {
    const cipher = await vault.cipherFor(trx, user.dataKeyId);
    return {
      sealed: cipher.seal(secret, fieldContext('user', user.id, 'totp_secret')),
      dataKeyId: user.dataKeyId,
    };
  }
  const { dataKeyId, cipher } = await vault.createRecordKey(trx);
  return { sealed: cipher.seal(secret, fieldContext('user', user.id, 'totp_secret')), dataKeyId };
}
