import { z } from 'zod';
import {
  countryCodeSchema,
  emailSchema,
  idSchema,
  languageSchema,
  nameSchema,
  slugSchema,
  timestampSchema,
} from './common-schemas.js';
import { permissionVerbs } from './permissions.js';
import { organisationTypes } from './vocabulary.js';

// Passwords are only length-bounded here; the strength policy lives in core so the server and
// the web form apply the same rule.
const passwordSchema = z.string().min(1).max(1024);

/** `POST /api/auth/login` body. */
export const loginBodySchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
});

/** `POST /api/auth/totp` body: the second step of sign-in. */
export const totpLoginBodySchema = z.strictObject({
  challenge: z.string().min(16).max(128),
  code: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  recoveryCode: z
    .string()
    .regex(/^[a-z0-9]{5}-[a-z0-9]{5}$/)
    .optional(),
});

/** Response of a sign-in step. */
export const loginResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_in'), csrfToken: z.string(), userId: idSchema }),
  z.object({ status: z.literal('totp_required'), challenge: z.string() }),
]);

/** `POST /api/me/password` body. */
export const changePasswordBodySchema = z.strictObject({
  currentPassword: passwordSchema,
  newPassword: passwordSchema,
});

/** `PATCH /api/me` body. */
export const updateMeBodySchema = z.strictObject({
  displayName: nameSchema.optional(),
  language: languageSchema.optional(),
});

/** `POST /api/me/totp/confirm` body. */
export const totpConfirmBodySchema = z.strictObject({ code: z.string().regex(/^\d{6}$/) });

/** `POST /api/me/totp/disable` body. */
export const totpDisableBodySchema = z.strictObject({ password: passwordSchema });

/** An organisation as the API returns it. */
export const organisationSchema = z.object({
  id: idSchema,
  name: z.string(),
  slug: z.string(),
  type: z.enum(organisationTypes),
  country: z.string().nullable(),
  parentId: idSchema.nullable(),
  requireTwoFactor: z.boolean(),
  createdAt: timestampSchema,
});

/** `POST /api/organisations` body. */
export const createOrganisationBodySchema = z.strictObject({
  name: nameSchema,
  slug: slugSchema,
  type: z.enum(organisationTypes),
  country: countryCodeSchema.nullable().default(null),
  parentId: idSchema.nullable().default(null),
  requireTwoFactor: z.boolean().default(false),
});

/** `PATCH /api/organisations/:id` body. */
export const updateOrganisationBodySchema = z.strictObject({
  name: nameSchema.optional(),
  type: z.enum(organisationTypes).optional(),
  country: countryCodeSchema.nullable().optional(),
  parentId: idSchema.nullable().optional(),
  requireTwoFactor: z.boolean().optional(),
});

/** A user as an administrator sees them. */
export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  displayName: z.string(),
  language: languageSchema,
  isSystemAdmin: z.boolean(),
  twoFactorEnabled: z.boolean(),
  disabled: z.boolean(),
  createdAt: timestampSchema,
});

/** A user as a colleague without `user.read` would see them (not exposed yet, kept minimal). */
export const userSummarySchema = userSchema.pick({ id: true, displayName: true });

/** `POST /api/users` body. */
export const createUserBodySchema = z.strictObject({
  email: emailSchema,
  displayName: nameSchema,
  language: languageSchema.default('en'),
  password: passwordSchema,
  organisationId: idSchema,
  role: z.string().min(1).max(64),
});

/** `PATCH /api/users/:id` body. */
export const updateUserBodySchema = z.strictObject({
  displayName: nameSchema.optional(),
  language: languageSchema.optional(),
  disabled: z.boolean().optional(),
});

/** `POST /api/users/:id/password` body: an administrator's reset. */
export const resetPasswordBodySchema = z.strictObject({ newPassword: passwordSchema });

/** A membership: a user holds a role in an organisation (and its descendants). */
export const membershipSchema = z.object({
  id: idSchema,
  userId: idSchema,
  organisationId: idSchema,
  role: z.string(),
  createdAt: timestampSchema,
});

/** `POST /api/memberships` body. */
export const createMembershipBodySchema = z.strictObject({
  userId: idSchema,
  organisationId: idSchema,
  role: z.string().min(1).max(64),
});

const verbSchema = z.enum(permissionVerbs);

/** A role with its verbs. */
export const roleSchema = z.object({
  name: z.string(),
  verbs: z.array(verbSchema),
  builtIn: z.boolean(),
});

/** `POST /api/roles` body. */
export const createRoleBodySchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,63}$/, 'Use lower-case letters, digits and underscores'),
  verbs: z.array(verbSchema).min(1),
});

/** `PUT /api/roles/:name` body. */
export const updateRoleBodySchema = z.strictObject({ verbs: z.array(verbSchema).min(1) });

/** An API token as listed (never the secret). */
export const apiTokenSchema = z.object({
  id: idSchema,
  name: z.string(),
  organisationId: idSchema,
  verbs: z.array(verbSchema),
  createdAt: timestampSchema,
  expiresAt: timestampSchema,
  revokedAt: timestampSchema.nullable(),
  lastUsedAt: timestampSchema.nullable(),
});

/** `POST /api/tokens` body. */
export const createApiTokenBodySchema = z.strictObject({
  name: nameSchema,
  organisationId: idSchema,
  verbs: z.array(verbSchema).min(1),
  expiresInDays: z.number().int().min(1).max(366).default(90),
});

/** `GET /api/me` response. */
export const meSchema = z.object({
  user: userSchema,
  csrfToken: z.string().nullable(),
  twoFactorEnrolmentRequired: z.boolean(),
  memberships: z.array(
    z.object({
      organisationId: idSchema,
      organisationName: z.string(),
      role: z.string(),
      verbs: z.array(verbSchema),
    }),
  ),
});
