import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { Loading } from 'react-admin';

type Loader = () => Promise<{ default: ComponentType }>;
/** What lazyPage returns: a page without props. */
type Page = () => ReactElement;

/**
 * A page whose code loads when it is first opened, so the first load of the admin
 * stays small: the customer list's code is all the first screen needs. It renders
 * react-admin's Loading meanwhile, inside the layout or on a page of its own (the
 * printable views), and is a plain function component, so withAccess can guard it.
 *
 * `lazyPage(() => import('./Page'))` takes the module's default export;
 * `lazyPage(() => import('./Pages'), 'PostList')` one of its named exports.
 */
export function lazyPage(load: Loader): Page;
export function lazyPage<K extends string>(load: () => Promise<{ [P in K]: ComponentType }>, name: K): Page;
export function lazyPage(load: () => Promise<Record<string, unknown>>, name = 'default'): Page {
  const Page = lazy(() => load().then((module) => ({ default: module[name] as ComponentType })));
  const LazyPage = () => (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
  LazyPage.displayName = `Lazy(${name})`;
  return LazyPage;
}
