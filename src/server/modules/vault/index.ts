export {
  createVaultService,
  fieldContext,
  recordKeyMaker,
  rewrapAllKeys,
  type NewRecordKey,
  type StorableRecordKey,
  type VaultService,
} from './vault-service.js';
export { countByMasterKey as keyCountsByMasterKey } from './vault-repo.js';
