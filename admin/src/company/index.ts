import CompanyIcon from '@mui/icons-material/Business';
import { lazyPage } from '../common/lazyPage';

export const CompanyPage = lazyPage(() => import('./CompanyPage'), 'CompanyPage');

/** A custom route rather than a resource: there is one company per session. */
export const COMPANY_PATH = '/company';
export const CompanyMenuIcon = CompanyIcon;
