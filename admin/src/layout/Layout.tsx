import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { AppAppBar } from './AppBar';
import { AppMenu } from './AppMenu';

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout
    appBar={AppAppBar}
    menu={AppMenu}
    // A list wider than the screen scrolls inside its card instead of widening the
    // whole page (react-admin's layout grows to fit its widest content).
    sx={{
      minWidth: 0,
      '& .RaLayout-content': { minWidth: 0 },
      '& .list-page .RaList-main': { minWidth: 0 },
      '& .list-page .RaList-content': { overflowX: 'auto' },
    }}
  >
    {children}
  </Layout>
);
