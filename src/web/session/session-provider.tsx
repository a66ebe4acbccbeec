import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/vocabulary.js';
import { isSessionEnded, setCsrfToken, setReauthHandler } from '../api/api-client.js';
import { authApi, queryKeys, type Me } from '../api/endpoints.js';
import { Dialog } from '../components/dialog.js';
import { Skeleton } from '../components/skeleton.js';
import { useToast } from '../components/toasts.js';
import { errorText } from '../i18n/error-text.js';
import { applyLanguage, currentLanguage, isLanguage } from '../i18n/i18n.js';
import { LoginPage } from '../features/login/login-page.js';
import { hasVerb, isSystemAdmin } from './permissions.js';
import { SessionContext, type SessionValue } from './session-context.js';
import { SignInForm } from './sign-in-form.js';

/** `GET /api/me`, with "no session" as null rather than an error. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await authApi.me();
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isSessionEnded(error)) return null;
    throw error;
  }
}

interface ReloginRequest {
  resolve: (renewed: boolean) => void;
}

/**
 * Owns the session: shows the login page when there is none, the app when there is, and a
 * re-login dialog over the app when the session ends mid-work. The dialog keeps the page (and
 * any half-filled form) mounted; requests that failed wait for it and are retried.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const meQuery = useQuery({
    queryKey: queryKeys.me,
    queryFn: fetchMe,
    retry: false,
    staleTime: 5 * 60_000,
  });
  const me = meQuery.data;
  const signedIn = useRef(false);
  const [relogin, setRelogin] = useState<ReloginRequest | null>(null);

  useEffect(() => {
    signedIn.current = me !== undefined && me !== null;
  }, [me]);

  useEffect(() => {
    setReauthHandler(() =>
      signedIn.current
        ? new Promise<boolean>((resolve) => {
            setRelogin({ resolve });
          })
        : Promise.resolve(false),
    );
    return () => {
      setReauthHandler(null);
    };
  }, []);

  // The stored language of the user wins once they are known (and when it changes elsewhere).
  const userLanguage = me?.user.language;
  useEffect(() => {
    if (isLanguage(userLanguage) && userLanguage !== currentLanguage()) {
      void applyLanguage(userLanguage);
    }
  }, [userLanguage]);

  const refresh = useCallback(async () => {
    await queryClient.refetchQueries({ queryKey: queryKeys.me });
  }, [queryClient]);

  const forget = useCallback(() => {
    setCsrfToken(null);
    signedIn.current = false;
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
    queryClient.setQueryData(queryKeys.me, null);
  }, [queryClient]);

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // Already signed out on the server (or offline): forgetting locally is what matters.
    }
    forget();
  }, [forget]);

  const setLanguage = useCallback(
    async (language: Language) => {
      await applyLanguage(language);
      const current = queryClient.getQueryData<Me | null>(queryKeys.me);
      if (current === undefined || current === null || current.twoFactorEnrolmentRequired) return;
      try {
        const user = await authApi.updateMe({ language });
        queryClient.setQueryData<Me | null>(queryKeys.me, (old) =>
          old === undefined || old === null ? old : { ...old, user },
        );
      } catch (error) {
        toast.show('error', errorText(error));
      }
    },
    [queryClient, toast],
  );

  const finishRelogin = (renewed: boolean) => {
    relogin?.resolve(renewed);
    setRelogin(null);
    if (renewed) {
      void refresh();
    } else {
      forget();
    }
  };

  const value = useMemo<SessionValue | null>(
    () =>
      me === undefined || me === null
        ? null
        : {
            me,
            can: (verb) => hasVerb(me, verb),
            isSystemAdmin: isSystemAdmin(me),
            setLanguage,
            refresh,
            signOut,
          },
    [me, setLanguage, refresh, signOut],
  );

  if (meQuery.isPending) {
    return (
      <div className="splash">
        <p className="brand brand-large">{t('app.name')}</p>
        <Skeleton lines={2} />
      </div>
    );
  }
  if (meQuery.isError && me === undefined) {
    return (
      <div className="splash" role="alert">
        <p className="brand brand-large">{t('app.name')}</p>
        <p>{errorText(meQuery.error)}</p>
        <button type="button" className="button" onClick={() => void meQuery.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (me === undefined || me === null) {
    return <LoginPage onSignedIn={refresh} />;
  }
  return (
    <SessionContext.Provider value={value}>
      {children}
      <Dialog
        open={relogin !== null}
        title={t('relogin.title')}
        onClose={() => undefined}
        dismissible={false}
        size="small"
        testId="relogin-dialog"
      >
        <p>{t('relogin.intro')}</p>
        <SignInForm
          lockedEmail={me.user.email}
          onSignedIn={() => {
            finishRelogin(true);
          }}
        />
        <div className="dialog-actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              finishRelogin(false);
            }}
          >
            {t('relogin.signOut')}
          </button>
        </div>
      </Dialog>
    </SessionContext.Provider>
  );
}
