import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// React's own constraint for lazy components: props are whatever the page declares.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Page = ComponentType<any>;

/**
 * A page loaded when its route is first shown (React.lazy over a named export), so the login
 * page and the reporter's form do not download the coordinator's workspace (docs/adr/0022).
 * react-admin's Layout renders pages inside a Suspense boundary with its loading indicator.
 */
export function lazyPage<Module extends Record<Name, Page>, Name extends keyof Module>(
  load: () => Promise<Module>,
  name: Name,
): LazyExoticComponent<Module[Name]> {
  return lazy(async () => ({ default: (await load())[name] }));
}
