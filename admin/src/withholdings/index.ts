import WithholdingIcon from '@mui/icons-material/RequestQuote';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

const WithholdingList = lazyPage(() => import('./WithholdingList'), 'WithholdingList');

const withholdings = {
  list: WithholdingList,
  icon: WithholdingIcon,
  recordRepresentation: 'certificateNumber',
} satisfies Omit<ResourceProps, 'name'>;

export default withholdings;
