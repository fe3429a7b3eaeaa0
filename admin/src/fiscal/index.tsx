import { Route } from 'react-router-dom';
import InterestIcon from '@mui/icons-material/Percent';
import FilesIcon from '@mui/icons-material/Description';
import { PERMISSIONS } from '../auth/permissions';
import type { MenuItem } from '../layout/menu';
import { lazyPage } from '../common/lazyPage';

export const INTEREST_RUN_PATH = '/interest-runs';
export const WITHHOLDING_FILES_PATH = '/withholding-files';

const InterestRunPage = lazyPage(() => import('./InterestRunPage'));
const WithholdingFilesPage = lazyPage(() => import('./WithholdingFilesPage'));

/** The fiscal pages: the interest run and the withholding files, each loaded on first use. */
export const FISCAL_ROUTES = [
  <Route key="interest-runs" path={INTEREST_RUN_PATH} element={<InterestRunPage />} />,
  <Route key="withholding-files" path={WITHHOLDING_FILES_PATH} element={<WithholdingFilesPage />} />,
];

export const FISCAL_MENU: MenuItem[] = [
  { to: INTEREST_RUN_PATH, label: 'fiscal.menu.interestRun', icon: InterestIcon, roles: PERMISSIONS.read },
  { to: WITHHOLDING_FILES_PATH, label: 'fiscal.menu.withholdingFiles', icon: FilesIcon, roles: PERMISSIONS.export },
];
