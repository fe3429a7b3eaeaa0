import { createElement, type ComponentType } from 'react';
import { useCanAccess, useRequireAccess, useResourceContext, type ResourceProps } from 'react-admin';

type View = ResourceProps['list'];

/**
 * react-admin's controllers start their query as soon as the access check has
 * answered, even when it answered "no", so a denied page would still ask the
 * server (and earn a 403). This renders the view only once access is granted;
 * otherwise useRequireAccess sends the user to the access-denied page.
 */
function guard(view: View, action: string): View {
  if (!view || typeof view !== 'function') return view;
  const Inner = view as ComponentType;
  const Guarded = () => {
    const resource = useResourceContext();
    const { canAccess, isPending } = useCanAccess({ resource, action });
    useRequireAccess({ resource, action });
    return isPending || !canAccess ? null : createElement(Inner);
  };
  Guarded.displayName = `RequireAccess(${action})`;
  return Guarded;
}

/** A resource config whose views check the role before they load anything. */
export function withAccess<T extends Omit<ResourceProps, 'name'>>(config: T): T {
  return {
    ...config,
    list: guard(config.list, 'list'),
    create: guard(config.create, 'create'),
    edit: guard(config.edit, 'edit'),
    show: guard(config.show, 'show'),
  };
}
