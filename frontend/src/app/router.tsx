import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from '@/components/layouts/app-layout';
import { LoadingState } from '@/components/ui/states';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { AcceptInvitationPage, ForgotPasswordPage, ResetPasswordPage } from '@/features/auth/components/join-pages';
import { SignInPage } from '@/features/auth/components/sign-in-page';
import { SignOutButton } from '@/features/auth/components/sign-out-button';
import { NotFoundPage } from '@/app/not-found-page';

// Each page is its own chunk, so the sign-in page loads only what it needs.
const ImportPage = lazy(() => import('@/features/imports/components/import-page'));
const ProductsPage = lazy(() => import('@/features/products/components/products-page'));
const WebhooksPage = lazy(() => import('@/features/webhooks/components/webhooks-page'));
const ApiTokensPage = lazy(() => import('@/features/api-tokens/components/api-tokens-page'));
const PeoplePage = lazy(() => import('@/features/people/components/people-page'));
const ActivityPage = lazy(() => import('@/features/activity/components/activity-page'));
const FeedsPage = lazy(() => import('@/features/feeds/components/feeds-page'));
const FeedPage = lazy(() => import('@/features/feeds/components/feed-page'));
// The import page's "Check columns" step, for a feed's fetched file (loaded when shown).
const FeedCheckColumns = lazy(() => import('@/app/feed-check-columns'));

function page(element: ReactNode) {
  return <Suspense fallback={<LoadingState />}>{element}</Suspense>;
}

export const router = createBrowserRouter([
  { path: '/login', element: <SignInPage /> },
  { path: '/invitation/:token', element: <AcceptInvitationPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password/:uid/:token', element: <ResetPasswordPage /> },
  {
    element: (
      <RequireAuth>
        <AppLayout userMenu={<SignOutButton />} />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/import" replace /> },
      { path: 'import', element: page(<ImportPage />) },
      { path: 'products', element: page(<ProductsPage />) },
      { path: 'feeds', element: page(<FeedsPage />) },
      { path: 'feeds/new', element: page(<FeedPage checkColumns={FeedCheckColumns} />) },
      { path: 'feeds/:id', element: page(<FeedPage checkColumns={FeedCheckColumns} />) },
      { path: 'webhooks', element: page(<WebhooksPage />) },
      { path: 'api-tokens', element: page(<ApiTokensPage />) },
      { path: 'people', element: page(<PeoplePage />) },
      { path: 'activity', element: page(<ActivityPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
