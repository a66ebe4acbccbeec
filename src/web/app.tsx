import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, useLocation } from 'react-router';
import { ApiError } from './api/api-client.js';
import { ToastProvider } from './components/toasts.js';
import { isPublicPath, PublicRoute } from './features/public/public-route.js';
import { SessionProvider } from './session/session-provider.js';
import { AppShell } from './shell/app-shell.js';

/** One retry for network trouble and server faults; a 4xx answer will not change on retry. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 1) return false;
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}

/** Creates the query client of the app (one per page load). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** The public (no sign-in) pages, or the session gate and the signed-in shell. */
function Areas() {
  const { pathname } = useLocation();
  // The public area stays outside the session gate: it never calls /api/me.
  if (isPublicPath(pathname)) return <PublicRoute />;
  return (
    <SessionProvider>
      <AppShell />
    </SessionProvider>
  );
}

/** The whole application: data cache, router, toasts, then the session gate and the shell. */
export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <ToastProvider>
          <Areas />
        </ToastProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
