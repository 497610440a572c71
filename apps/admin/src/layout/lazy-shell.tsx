import { Suspense, type ComponentType, type ReactNode } from 'react';
import { Loading, type CatchAllComponent } from 'react-admin';
import { lazyPage } from '../shared/lazy-page.js';

/**
 * The parts of react-admin's shell a person sees only after login or when something goes wrong,
 * loaded when first rendered (docs/adr/0022). `<Admin>` imports its default layout and pages
 * whatever props it gets, so App.tsx composes AdminContext and CoreAdminUI with these instead.
 */
function suspended<Props extends object>(Lazy: ComponentType<Props>, fallback: ReactNode = <Loading />) {
  const Suspended = (props: Props) => (
    <Suspense fallback={fallback}>
      <Lazy {...props} />
    </Suspense>
  );
  return Suspended;
}

export const Layout = suspended(lazyPage(() => import('./Layout.js'), 'Layout'));
export const AccessDenied = suspended(lazyPage(() => import('./AccessDenied.js'), 'AccessDenied'));
const pages = () => import('./react-admin-pages.js');
const LazyNotFound = suspended(lazyPage(pages, 'NotFound'));
// CoreAdminUI hands the catch-all a title, which react-admin's NotFound does not use either.
export const NotFound: CatchAllComponent = () => <LazyNotFound />;
export const ErrorPage = suspended(lazyPage(pages, 'ErrorPage'), null);
export const AuthenticationError = suspended(lazyPage(pages, 'AuthenticationError'));
export const AuthCallback = suspended(lazyPage(pages, 'AuthCallback'));
