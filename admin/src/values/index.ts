import ValuesIcon from '@mui/icons-material/Payments';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

const ValueList = lazyPage(() => import('./ValueList'), 'ValueList');

const values = {
  list: ValueList,
  icon: ValuesIcon,
  recordRepresentation: 'number',
} satisfies Omit<ResourceProps, 'name'>;

export default values;
