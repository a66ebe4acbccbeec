/**
 * The one way the browser talks to the Vigil API: same-origin fetch with the session cookie,
 * the CSRF header on every write, the API's error body turned into an `ApiError`, and a pause
 * for re-authentication when the session ends mid-work (the page stays as it is and the
 * request is retried once the user has signed in again).
 */

/** A field-level problem as the API reports it: where (path) and what (a stable issue code). */
export interface FieldProblem {
  path: readonly (string | number)[];
  issue: string;
}

/** Codes for failures that never reached the API's error mapper (translated like API codes). */
export const clientErrorCodes = {
  network: 'client.network',
  unexpected: 'client.unexpected',
} as const;

/** An error answered by the API (`{code, details, requestId}`) or raised on the way there. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: readonly FieldProblem[];
  readonly requestId: string | null;
  /** The case the error names, if it names one (a reused submission key: where it went). */
  readonly caseId: string | null;

  constructor(init: {
    status: number;
    code: string;
    details?: readonly FieldProblem[];
    requestId?: string | null;
    caseId?: string | null;
  }) {
    super(init.code);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.requestId = init.requestId ?? null;
    this.caseId = init.caseId ?? null;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Options of one API call. */
export interface RequestOptions {
  method?: Method;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /**
   * Sign-in calls: a 401 there means wrong credentials, never "the session ended", so it must
   * not open the re-login dialog.
   */
  anonymous?: boolean;
  /** Names one submission, so that the server answers a replay with what the first one made. */
  idempotencyKey?: string;
}

/** A fresh idempotency key: 128 random bits (getRandomValues works on plain HTTP too). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

let csrfToken: string | null = null;

/** Remembers the CSRF token of the current session (from sign-in or `GET /api/me`). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Resolves true once the user has signed in again, false when they gave up. */
type ReauthHandler = () => Promise<boolean>;
let reauthHandler: ReauthHandler | null = null;
let pendingReauth: Promise<boolean> | null = null;

/** Installs the function that asks the user to sign in again (the session provider's dialog). */
export function setReauthHandler(handler: ReauthHandler | null): void {
  reauthHandler = handler;
}

// The codes by which the API says "there is no (longer a) session".
const sessionEndedCodes: ReadonlySet<string> = new Set(['auth.session_expired', 'auth.required']);

/** True when the error means the session ended (so the user must sign in again). */
export function isSessionEnded(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && sessionEndedCodes.has(error.code);
}

function toProblems(details: unknown): FieldProblem[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((item: unknown): FieldProblem[] => {
    if (typeof item !== 'object' || item === null) return [];
    const { path, issue } = item as { path?: unknown; issue?: unknown };
    if (!Array.isArray(path) || typeof issue !== 'string') return [];
    const segments = path.filter(
      (segment): segment is string | number =>
        typeof segment === 'string' || typeof segment === 'number',
    );
    return [{ path: segments, issue }];
  });
}

/** The case an error's details name (`{ caseId }`), if they name one. */
function caseIdOf(details: unknown): string | null {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return null;
  const { caseId } = details as { caseId?: unknown };
  return typeof caseId === 'string' ? caseId : null;
}

function toApiError(status: number, payload: unknown): ApiError {
  if (typeof payload === 'object' && payload !== null) {
    const body = payload as { code?: unknown; details?: unknown; requestId?: unknown };
    if (typeof body.code === 'string') {
      return new ApiError({
        status,
        code: body.code,
        details: toProblems(body.details),
        requestId: typeof body.requestId === 'string' ? body.requestId : null,
        caseId: caseIdOf(body.details),
      });
    }
  }
  // A proxy's HTML error page or an empty answer: nothing the user can act on but a retry.
  return new ApiError({ status, code: clientErrorCodes.unexpected });
}

function urlOf(path: string, query: RequestOptions['query']): string {
  if (query === undefined) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

async function send(path: string, options: RequestOptions): Promise<unknown> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch {
    throw new ApiError({ status: 0, code: clientErrorCodes.network });
  }
  if (response.status === 204) return undefined;
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    payload = undefined;
  }
  if (!response.ok) throw toApiError(response.status, payload);
  if (payload === undefined) throw new ApiError({ status: 0, code: clientErrorCodes.unexpected });
  return payload;
}

/**
 * Calls the API. When the session has ended, waits for the user to sign in again (all calls
 * that fail meanwhile wait for the same dialog) and retries; the caller never notices unless
 * the user gives up, in which case the original error is thrown.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  for (;;) {
    try {
      return (await send(path, options)) as T;
    } catch (error) {
      if (options.anonymous === true || !isSessionEnded(error) || reauthHandler === null) {
        throw error;
      }
      pendingReauth ??= reauthHandler().finally(() => {
        pendingReauth = null;
      });
      if (!(await pendingReauth)) throw error;
    }
  }
}
