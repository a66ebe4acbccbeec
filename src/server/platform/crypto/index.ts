// The only place Vigil touches node:crypto, argon2 and TOTP. Everything else imports from here.
export { newId, randomFromAlphabet, randomSecret, safeEqual, sha256Hex } from './digest.js';
export { hashPassword, verifyDecoy, verifyPassword } from './password-hash.js';
export { checkTotp, generateTotp, newTotpSecret, totpUri } from './totp.js';
export {
  createKeyring,
  generateMasterKey,
  keyringForWorker,
  keyringFromWorkerData,
  parseMasterKey,
  type FieldCipher,
  type Keyring,
  type KeyringTransfer,
} from './keyring.js';
