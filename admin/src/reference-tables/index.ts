import type { ResourceProps } from 'react-admin';
import { referenceTablePages } from './ReferenceTablePages';
import { REFERENCE_TABLES } from './tables';

/** Every reference table's resource config, by resource name, for App.tsx and the menu. */
export const referenceTables: Array<{ name: string } & Omit<ResourceProps, 'name'>> = REFERENCE_TABLES.map((spec) => ({
  name: spec.name,
  ...referenceTablePages(spec),
}));

export { REFERENCE_TABLES };
