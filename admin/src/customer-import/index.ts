import ImportIcon from '@mui/icons-material/UploadFile';
import { lazyPage } from '../common/lazyPage';

/** A custom page, not a resource: it posts a file to `/api/imports/customers`. Loaded on first visit. */
export const CUSTOMER_IMPORT_PATH = '/imports/customers';
export const CustomerImportIcon = ImportIcon;
export const ImportCustomersPage = lazyPage(() => import('./ImportCustomersPage'));
