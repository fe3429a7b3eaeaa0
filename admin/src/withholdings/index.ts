import WithholdingIcon from '@mui/icons-material/RequestQuote';
import type { ResourceProps } from 'react-admin';
import { WithholdingList } from './WithholdingList';

const withholdings = {
  list: WithholdingList,
  icon: WithholdingIcon,
  recordRepresentation: 'certificateNumber',
} satisfies Omit<ResourceProps, 'name'>;

export default withholdings;
