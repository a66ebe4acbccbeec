import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../../shared/common-schemas.js';
import {
  changePasswordBodySchema,
  loginBodySchema,
  loginResponseSchema,
  meSchema,
  resetPasswordBodySchema,
  totpConfirmBodySchema,
  totpDisableBodySchema,
  totpLoginBodySchema,
  updateMeBodySchema,
  userSchema,
} from '../../../shared/identity-schemas.js';
import { AppError } from '../../../shared/app-error.js';
import type { HttpApp } from '../../platform/http/app-factory.js';
import { contextOf, enrolmentContextOf } from '../access/index.js';
import { presentUser } from '../users/index.js';
import type { AccountService } from './account-service.js';
import { sessionCookie } from './auth-hook.js';
import type { LoginResult, LoginService } from './login-service.js';

const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export function registerAuthRoutes(
  app: HttpApp,
  deps: { login: LoginService; account: AccountService; secure: boolean; maxHours: number },
): void {
  const { login, account } = deps;
  const tags = ['auth'];

  const answer = (reply: FastifyReply, result: LoginResult) => {
    if (result.status === 'totp_required')
      return { status: result.status, challenge: result.challenge };
    void reply.setCookie(sessionCookie, result.session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secure,
      path: '/',
      maxAge: deps.maxHours * 3600,
    });
    return { status: result.status, csrfToken: result.session.csrfToken, userId: result.userId };
  };

  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, body: loginBodySchema, response: { 200: loginResponseSchema } },
    },
    async (request, reply) =>
      answer(
        reply,
        await login.login({ ...request.body, clientAddress: request.ip, requestId: request.id }),
      ),
  );
  app.post(
    '/api/auth/totp',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, body: totpLoginBodySchema, response: { 200: loginResponseSchema } },
    },
    async (request, reply) => {
      if ((request.body.code === undefined) === (request.body.recoveryCode === undefined)) {
        throw new AppError('validation.failed', [
          { path: ['body', 'code'], issue: 'one_of', message: 'Give a code or a recovery code' },
        ]);
      }
      return answer(reply, await login.completeTotp({ ...request.body, requestId: request.id }));
    },
  );
  app.post(
    '/api/auth/logout',
    { config: { allowDuringEnrolment: true }, schema: { tags } },
    async (request, reply) => {
      const actor = enrolmentContextOf(request).actor;
      if (actor.kind !== 'user') throw new AppError('access.denied', { reason: 'not a session' });
      await login.logout(actor.sessionId, actor.userId, request.id);
      void reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get('/api/me', { schema: { tags: ['me'], response: { 200: meSchema } } }, async (request) => {
    const ctx = enrolmentContextOf(request);
    const { user, memberships } = await account.me(ctx);
    const grants = ctx.actor.kind === 'system' ? [] : ctx.actor.grants;
    return {
      user: presentUser(user),
      csrfToken: request.csrfToken,
      twoFactorEnrolmentRequired: ctx.actor.kind === 'user' && ctx.actor.enrolmentOnly,
      memberships: memberships.map((m) => ({
        organisationId: m.organisationId,
        organisationName: m.organisationName,
        role: m.role,
        verbs: grants.find((g) => g.organisationId === m.organisationId)?.verbs.slice() ?? [],
      })),
    };
  });
  app.patch(
    '/api/me',
    { schema: { tags: ['me'], body: updateMeBodySchema, response: { 200: userSchema } } },
    async (request) => presentUser(await account.updateMe(contextOf(request), request.body)),
  );
  app.post(
    '/api/me/password',
    {
      schema: {
        tags: ['me'],
        body: changePasswordBodySchema,
        response: { 200: z.object({ csrfToken: z.string() }) },
      },
    },
    async (request, reply) => {
      const session = await account.changePassword(
        contextOf(request),
        request.body.currentPassword,
        request.body.newPassword,
      );
      if (request.viaCookie) {
        void reply.setCookie(sessionCookie, session.token, {
          httpOnly: true,
          sameSite: 'strict',
          secure: deps.secure,
          path: '/',
          maxAge: deps.maxHours * 3600,
        });
      }
      return { csrfToken: session.csrfToken };
    },
  );
  app.post(
    '/api/me/totp',
    {
      config: { allowDuringEnrolment: true },
      schema: {
        tags: ['me'],
        response: { 200: z.object({ secret: z.string(), uri: z.string() }) },
      },
    },
    async (request) => account.beginTotp(enrolmentContextOf(request)),
  );
  app.post(
    '/api/me/totp/confirm',
    {
      config: { allowDuringEnrolment: true },
      schema: { tags: ['me'], body: totpConfirmBodySchema, response: { 200: recoveryCodesSchema } },
    },
    async (request) => account.confirmTotp(enrolmentContextOf(request), request.body.code),
  );
  app.post(
    '/api/me/totp/disable',
    { schema: { tags: ['me'], body: totpDisableBodySchema } },
    async (request, reply) => {
      await account.disableTotp(contextOf(request), request.body.password);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/me/recovery-codes',
    { schema: { tags: ['me'], response: { 200: recoveryCodesSchema } } },
    async (request) => account.regenerateRecoveryCodes(contextOf(request)),
  );
  app.post(
    '/api/users/:id/password',
    {
      schema: {
        tags: ['users'],
        params: z.strictObject({ id: idSchema }),
        body: resetPasswordBodySchema,
      },
    },
    async (request, reply) => {
      await account.resetPassword(contextOf(request), request.params.id, request.body.newPassword);
      return reply.status(204).send();
    },
  );
}
