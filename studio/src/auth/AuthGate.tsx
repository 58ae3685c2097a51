/**
 * Shows the signed-out pages (first run, sign in, forgot / reset password) until someone is signed in,
 * then the app inside a SessionProvider. The route stays in the hash while signed out, so signing in
 * (again, after a 401) returns to the page the person was on.
 */
import { useEffect, type ReactNode } from 'react';
import { navigate, useRoute } from '../app/router.js';
import { ErrorBanner, Spinner } from '../ui/Feedback.js';
import { useToast } from '../ui/Toast.js';
import { AuthLayout } from './AuthLayout.js';
import { FirstRunPage } from './FirstRunPage.js';
import { ForgotPasswordPage } from './ForgotPasswordPage.js';
import { ResetPasswordPage } from './ResetPasswordPage.js';
import { SessionProvider } from './session-context.js';
import { routeAfterSignIn } from './session-state.js';
import { SignInPage } from './SignInPage.js';
import { useSessionMachine } from './use-session-machine.js';

const TITLES: Record<string, string> = { 'forgot-password': 'Reset your password', 'reset-password': 'Set your password' };

export function AuthGate({ children }: { children: ReactNode }) {
  const route = useRoute();
  const { phase, session, signedIn, passwordReset, retry } = useSessionMachine();
  const toast = useToast();
  const [first] = route.segments;
  const resetting = first === 'reset-password';

  useEffect(() => {
    if (phase.kind !== 'signedIn' || resetting) return;
    const next = routeAfterSignIn(route.href);
    if (next) navigate(next, { replace: true });
  }, [phase.kind, route.href, resetting]);

  useEffect(() => {
    if (phase.kind === 'signedIn' && !resetting) return; // the app sets its own titles
    const title = phase.kind === 'firstRun' ? 'Welcome' : (TITLES[first ?? ''] ?? 'Sign in');
    document.title = `${title} · Trellis`;
  }, [phase.kind, first, resetting]);

  if (phase.kind === 'loading') return <FullPageSpinner />;
  if (phase.kind === 'unreachable') {
    return (
      <AuthLayout title="Cannot reach Trellis">
        <ErrorBanner onRetry={retry}>{phase.message}</ErrorBanner>
      </AuthLayout>
    );
  }
  // A reset or invitation link works whoever is signed in in this browser (an admin testing an invitation).
  if (resetting) {
    const done = () => {
      if (phase.kind === 'signedIn') {
        toast('The password is set');
        navigate('/', { replace: true });
      } else {
        passwordReset();
        navigate('/sign-in', { replace: true });
      }
    };
    return <ResetPasswordPage token={route.query.get('token') ?? ''} onDone={done} />;
  }
  if (phase.kind === 'firstRun') return <FirstRunPage onSignedIn={signedIn} />;
  if (phase.kind === 'signedOut') {
    if (first === 'forgot-password') return <ForgotPasswordPage />;
    return <SignInPage reason={phase.reason} onSignedIn={signedIn} />;
  }
  if (!session) return <FullPageSpinner />;
  return <SessionProvider value={session}>{children}</SessionProvider>;
}

function FullPageSpinner() {
  return (
    <div className="auth-screen">
      <Spinner label="Loading Trellis" />
    </div>
  );
}
