/** An API token as services see it (the secret itself is never stored). */
export interface ApiToken {
  id: string;
  name: string;
  userId: string;
  organisationId: string;
  verbs: string[];
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}
