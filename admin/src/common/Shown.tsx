import type { ElementType } from 'react';
import { Labeled, ReferenceField, SelectField, TextField } from 'react-admin';

/** A labelled read-only value of a show page; "—" when empty. `field` renders it (text by default). */
export const Shown = ({ source, field: Field = TextField }: { source: string; field?: ElementType }) => (
  <Labeled source={source} sx={{ mb: 1.5 }}>
    <Field source={source} emptyText="—" />
  </Labeled>
);

/** A labelled code shown by its name from a closed list of choices. */
export const ShownChoice = ({ source, choices }: { source: string; choices: Array<{ id: string | number; name: string }> }) => (
  <Labeled source={source} sx={{ mb: 1.5 }}>
    <SelectField source={source} choices={choices} emptyText="—" />
  </Labeled>
);

/** A labelled reference shown by its record representation, not linked. */
export const ShownReference = ({ source, reference, label }: { source: string; reference: string; label?: string }) => (
  <Labeled source={source} label={label} sx={{ mb: 1.5 }}>
    <ReferenceField source={source} reference={reference} link={false} emptyText="—" />
  </Labeled>
);
