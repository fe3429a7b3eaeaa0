import { useRecordContext } from 'react-admin';
import { TwoLines } from './TwoLines';
import { provinceShortName } from './provinces';

/** City over province (short: CABA), one cell; long names wrap. */
export const LocationField = (_props: { source?: string }) => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <TwoLines
      wrap
      minWidth={100}
      first={String(record.city ?? '')}
      second={provinceShortName(record.province as string | null)}
    />
  );
};
