import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../common/lazyPage';
import { REFERENCE_TABLES } from './tables';
import type { ReferenceTableSpec } from './spec';
import type { ReferenceTablePages } from './ReferenceTablePages';

/**
 * A reference table's resource config: its icon and representation at once, its list, create
 * and edit pages built from the declaration when one of them is first opened.
 */
export function referenceTableResource(spec: ReferenceTableSpec): Omit<ResourceProps, 'name'> {
  let pages: ReferenceTablePages | undefined;
  const page = (view: 'list' | 'create' | 'edit') =>
    lazyPage(async () => {
      pages ??= (await import('./ReferenceTablePages')).referenceTablePages(spec);
      return { default: pages[view] };
    });
  return {
    list: page('list'),
    create: page('create'),
    edit: page('edit'),
    icon: spec.icon,
    recordRepresentation: spec.representation,
  };
}

/**
 * Every reference table's resource config, by resource name, for App.tsx and the menu.
 *
 * One folder for eight resources, unlike the folder-per-resource rule
 * (CONVENTIONS item 9): these tables differ only in their columns, as their
 * server declarations do (reference.resources.ts), so each is a declaration in
 * tables.ts and one set of pages serves them all. A table that outgrows that
 * gets its own folder.
 */
export const referenceTables: Array<{ name: string } & Omit<ResourceProps, 'name'>> = REFERENCE_TABLES.map((spec) => ({
  name: spec.name,
  ...referenceTableResource(spec),
}));

export { REFERENCE_TABLES };
