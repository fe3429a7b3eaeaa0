import ApplicationIcon from '@mui/icons-material/CallMerge';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

const ApplicationList = lazyPage(() => import('./ApplicationList'), 'ApplicationList');
const ApplyPage = lazyPage(() => import('./ApplyPage'), 'ApplyPage');

/** Imputaciones: the list is their history; "create" is the Imputar page. */
const applications = {
  list: ApplicationList,
  create: ApplyPage,
  icon: ApplicationIcon,
} satisfies Omit<ResourceProps, 'name'>;

export default applications;
