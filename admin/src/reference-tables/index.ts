import type { ResourceProps } from 'react-admin';
import { referenceTablePages } from './ReferenceTablePages';
import { REFERENCE_TABLES } from './tables';

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
  ...referenceTablePages(spec),
}));

export { REFERENCE_TABLES };
