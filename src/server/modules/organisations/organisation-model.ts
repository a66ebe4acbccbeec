import type { OrganisationType } from '../../../shared/vocabulary.js';

/** An organisation (reporting entity) as services see it. */
export interface Organisation {
  id: string;
  name: string;
  slug: string;
  type: OrganisationType;
  country: string | null;
  parentId: string | null;
  /** Ancestor ids, root first, this organisation last. */
  path: string[];
  requireTwoFactor: boolean;
  createdAt: string;
  updatedAt: string;
}
