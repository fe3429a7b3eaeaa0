import { useFieldValue, type FieldProps } from 'react-admin';
import { FieldText } from './FieldText';
import { provinceName } from './provinces';

/** `AR-X` → `Córdoba`. */
export const ProvinceField = ({ emptyText, ...props }: FieldProps) => (
  <FieldText text={provinceName(useFieldValue(props) as string | null)} emptyText={emptyText} />
);
