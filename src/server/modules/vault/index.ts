export {
  createVaultService,
  fieldContext,
  rewrapAllKeys,
  type VaultService,
} from './vault-service.js';
export { countByMasterKey as keyCountsByMasterKey } from './vault-repo.js';
