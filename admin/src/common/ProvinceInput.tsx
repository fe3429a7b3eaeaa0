import { type SelectInputProps } from 'react-admin';
import { ChoiceInput } from './ChoiceInput';
import { PROVINCES } from './provinces';

const CHOICES = PROVINCES.map((p) => ({ id: p.id, name: p.name }));

/** One of the 24 jurisdictions, stored as its ISO 3166-2:AR code (`AR-B`, `AR-C`…). */
export const ProvinceInput = (props: Omit<SelectInputProps, 'choices'>) => (
  <ChoiceInput {...props} choices={CHOICES} translateChoice={false} />
);
