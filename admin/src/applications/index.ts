import ApplicationIcon from '@mui/icons-material/CallMerge';
import type { ResourceProps } from 'react-admin';
import { ApplicationList } from './ApplicationList';
import { ApplyPage } from './ApplyPage';

/** Imputaciones: the list is their history; "create" is the Imputar page. */
const applications = {
  list: ApplicationList,
  create: ApplyPage,
  icon: ApplicationIcon,
} satisfies Omit<ResourceProps, 'name'>;

export default applications;
