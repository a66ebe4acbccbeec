/**
 * The one catalog of error codes Vigil returns. Codes are stable API: clients (and the web
 * application's translations) key on them, so a code is never renamed or reused.
 * Each code maps to an HTTP status and a default English message; the message is for
 * developers reading logs and API responses, the web UI translates by code.
 */
export const errorCatalog = {
  // Request shape
  'request.malformed_json': { status: 400, message: 'The request body is not valid JSON.' },
  'request.invalid_utf8': { status: 400, message: 'The request body is not valid UTF-8.' },
  'request.body_too_large': { status: 413, message: 'The request body is too large.' },
  'request.unsupported_media_type': {
    status: 415,
    message: 'The request body must be application/json.',
  },
  'request.rate_limited': { status: 429, message: 'Too many requests; slow down and retry.' },
  'request.not_found': { status: 404, message: 'No such endpoint.' },
  'request.idempotency_key_reused': {
    status: 422,
    message: 'This Idempotency-Key was already used for a request with other content.',
  },
  'validation.failed': { status: 400, message: 'The request did not pass validation.' },

  // Authentication
  'auth.required': { status: 401, message: 'Authentication is required.' },
  'auth.invalid_credentials': { status: 401, message: 'The email or password is incorrect.' },
  'auth.locked': {
    status: 429,
    message: 'Too many failed attempts; sign-in is temporarily locked.',
  },
  'auth.session_expired': { status: 401, message: 'The session has expired; sign in again.' },
  'auth.token_invalid': { status: 401, message: 'The API token is invalid, expired or revoked.' },
  'auth.csrf_failed': { status: 403, message: 'The CSRF token is missing or does not match.' },
  'auth.challenge_invalid': {
    status: 401,
    message: 'The two-factor challenge is invalid or has expired; sign in again.',
  },
  'auth.totp_invalid': { status: 401, message: 'The two-factor code is incorrect.' },
  'auth.totp_enrolment_required': {
    status: 403,
    message: 'Your organisation requires two-factor authentication; enrol before continuing.',
  },
  'auth.totp_already_enabled': {
    status: 409,
    message: 'Two-factor authentication is already enabled.',
  },
  'auth.totp_not_pending': {
    status: 409,
    message: 'Start two-factor enrolment before confirming it.',
  },
  'auth.password_incorrect': { status: 400, message: 'The current password is incorrect.' },
  'auth.totp_code_incorrect': {
    status: 400,
    message: 'The code does not match; check the authenticator app and try again.',
  },
  'auth.totp_required_by_organisation': {
    status: 409,
    message: 'An organisation you belong to requires two-factor authentication.',
  },

  // Authorization
  'access.denied': { status: 403, message: 'You do not have permission to do this.' },

  // Passwords
  'password.too_short': { status: 400, message: 'The password must have at least 12 characters.' },
  'password.too_long': { status: 400, message: 'The password must have at most 256 characters.' },
  'password.too_common': { status: 400, message: 'The password is too common or too predictable.' },
  'password.contains_email': {
    status: 400,
    message: 'The password must not contain the email address.',
  },

  // Organisations
  'org.not_found': { status: 404, message: 'The organisation does not exist.' },
  'publication.not_found': {
    status: 404,
    message: 'No published, protected figures answer this request.',
  },
  'org.slug_taken': { status: 409, message: 'An organisation with this slug already exists.' },
  'org.parent_cycle': {
    status: 409,
    message: 'An organisation cannot be moved under itself or one of its descendants.',
  },

  // Users, memberships, roles
  'user.not_found': { status: 404, message: 'The user does not exist.' },
  'user.email_taken': { status: 409, message: 'A user with this email already exists.' },
  'membership.not_found': { status: 404, message: 'The membership does not exist.' },
  'membership.exists': { status: 409, message: 'The user already has this role here.' },
  'role.not_found': { status: 404, message: 'The role does not exist.' },
  'role.name_taken': { status: 409, message: 'A role with this name already exists.' },
  'role.built_in': { status: 409, message: 'Built-in roles cannot be changed or deleted.' },
  'role.in_use': { status: 409, message: 'The role is still assigned to memberships.' },

  // API tokens
  'token.not_found': { status: 404, message: 'The API token does not exist.' },
  'token.verbs_exceed_grant': {
    status: 403,
    message: 'A token cannot carry permissions its creator does not hold in that organisation.',
  },

  // Audit
  'audit.write_failed': {
    status: 500,
    message: 'The audit entry could not be written; nothing was changed.',
  },

  // Case records
  'case.not_found': { status: 404, message: 'The case does not exist or is not visible to you.' },
  'case.number_taken': {
    status: 409,
    message: 'Another case of this organisation has this case number.',
  },
  'case.version_conflict': {
    status: 409,
    message: 'Someone else changed this case meanwhile; reload it and apply your change again.',
  },
  'case.forgotten': {
    status: 410,
    message: 'This person was forgotten: the case keeps anonymous facts only.',
  },
  'case.forget_unconfirmed': {
    status: 400,
    message: 'Type the case number exactly to confirm that this person is to be forgotten.',
  },
  'case.break_glass_unneeded': {
    status: 409,
    message: 'You can already open this case; emergency access is not needed.',
  },
  'consent.required': {
    status: 403,
    message: 'The person has not consented to this; a user allowed to override must give a reason.',
  },
  'consent.incomplete': {
    status: 400,
    message: 'Consent is informed only after every required point was explained.',
  },
  'consent.not_found': { status: 404, message: 'The consent entry does not exist or was revoked.' },
  'import.unreadable_file': {
    status: 400,
    message: 'The file could not be read as CSV, TSV or XLSX.',
  },
  'import.unknown_format': {
    status: 400,
    message: 'The file is not in a case format Vigil reads (CTDC global, CTDC synthetic, HTCDS).',
  },
  'import.not_found': {
    status: 404,
    message: 'The import does not exist or is not visible to you.',
  },
  'import.busy': {
    status: 503,
    message: 'Too many imports are running or waiting; try again when one has finished.',
  },
  'import.interrupted': {
    status: 500,
    message:
      'The import stopped when Vigil stopped; import the file again (rows already imported are skipped).',
  },
  'crisis.name_taken': { status: 409, message: 'A crisis with this name already exists.' },
  'notification.not_found': {
    status: 404,
    message: 'The notification does not exist or was already read.',
  },
  'provider.not_found': { status: 404, message: 'The service provider does not exist.' },
  'provider.unavailable': {
    status: 409,
    message: 'The service provider is inactive or does not offer this kind of service.',
  },
  'referral.not_found': {
    status: 404,
    message: 'The referral does not exist or is not visible to you.',
  },
  'referral.invalid_transition': {
    status: 409,
    message: 'The referral cannot move to this status from its current one.',
  },
  'referral.revoked': {
    status: 410,
    message: 'The referral was revoked; its packet can no longer be opened.',
  },

  // GLOTIP returns
  'return.not_found': {
    status: 404,
    message: 'The return does not exist or is not visible to you.',
  },
  'return.exists': {
    status: 409,
    message: 'This reporting entity already has a return for this data set and year.',
  },
  'return.locked': {
    status: 409,
    message: 'The return is accepted or approved and locked; reopen it to change it.',
  },
  'return.under_review': {
    status: 409,
    message: 'The return is awaiting review; it can change only after it is sent back.',
  },
  'return.invalid_transition': {
    status: 409,
    message: 'The return cannot take this step from its current status.',
  },
  'return.same_reviewer': {
    status: 403,
    message: 'The person who accepted this version cannot also approve it.',
  },
  'return.critical_violations': {
    status: 422,
    message: 'The return fails critical validation rules and cannot be submitted.',
  },
  'return.warning_comment_required': {
    status: 422,
    message: 'Every validation warning needs a comment before the return is submitted.',
  },
  'return.version_not_found': {
    status: 404,
    message: 'The return has no sealed version with this number.',
  },

  // Encryption
  'crypto.wrong_master_key': {
    status: 500,
    message: 'The master key does not match the one the data was encrypted under.',
  },
  'crypto.key_shredded': {
    status: 410,
    message: 'The data key of this record was destroyed; its protected fields are gone.',
  },
  'crypto.decrypt_failed': { status: 500, message: 'Protected data could not be decrypted.' },

  // Victim screening
  'screening.unknown_indicator': {
    status: 400,
    message: 'An indicator code is unknown or not part of the chosen screening profile.',
  },

  internal: { status: 500, message: 'An internal error occurred.' },
} as const satisfies Record<string, { status: number; message: string }>;

/** A stable error code from the catalog. */
export type ErrorCode = keyof typeof errorCatalog;

/** One field-level problem: where (a path into the input) and what (a stable issue code). */
export interface ErrorDetail {
  path: (string | number)[];
  issue: string;
  message: string;
}

/** The single error shape every API error response uses. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details: ErrorDetail[] | Record<string, unknown>;
  requestId: string;
}
