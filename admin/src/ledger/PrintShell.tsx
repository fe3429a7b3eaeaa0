import { useEffect, type ReactNode } from 'react';
import { Box, Button, GlobalStyles, Paper, Stack } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import { useAuthenticated, useTranslate } from 'react-admin';
import type { Company } from './types';
import { formatCuit } from '../common/cuit';
import { provinceName } from '../common/provinces';
import { formatDate } from '../common/dates';

/** A4 on paper: no app chrome, no shadows, the sheet's own margins. */
const printStyles = (
  <GlobalStyles
    styles={{
      '@page': { size: 'A4', margin: '12mm' },
      '@media print': {
        'html, body': { background: '#fff !important' },
        '.no-print, .MuiSnackbar-root': { display: 'none !important' },
        '.print-sheet': {
          boxShadow: 'none !important',
          margin: '0 !important',
          padding: '0 !important',
          width: 'auto !important',
          minHeight: 0,
        },
      },
    }}
  />
);

/**
 * A printable page (receipt, statement): the actions above the sheet on screen,
 * only the A4 sheet on paper. Outside the app's layout, so it checks the
 * session itself.
 */
export const PrintShell = ({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) => {
  const translate = useTranslate();
  useAuthenticated();
  useEffect(() => {
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);
  return (
    <Box sx={{ bgcolor: 'grey.200', minHeight: '100vh', py: 3, '@media print': { bgcolor: '#fff', py: 0 } }}>
      {printStyles}
      <Stack direction="row" spacing={1} className="no-print" sx={{ width: '210mm', mx: 'auto', mb: 2, flexWrap: 'wrap' }}>
        {actions}
        <Box sx={{ flex: 1 }} />
        <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()}>
          {translate('ledger.print.button')}
        </Button>
      </Stack>
      <Paper
        className="print-sheet"
        elevation={3}
        sx={{ width: '210mm', minHeight: '297mm', mx: 'auto', p: '14mm', boxSizing: 'border-box', color: '#000', fontSize: 13 }}
      >
        {children}
      </Paper>
    </Box>
  );
};

/** "Av. Corrientes 1234, C1043 Ciudad Autónoma de Buenos Aires": the province only when it is not the city's name. */
export function postalAddress(a: {
  street: string | null;
  postalCode: string | null;
  city: string | null;
  province: string | null;
}): string {
  const province = provinceName(a.province);
  return [a.street, [a.postalCode, a.city].filter(Boolean).join(' '), province !== a.city ? province : null]
    .filter(Boolean)
    .join(', ');
}

/**
 * The company as it heads every printed page: logo, name, address, and its legal data as RG 1415
 * (art. 10, Anexo II) has the issuer print them: CUIT and IVA condition, Ingresos Brutos number
 * and regime, start of activities.
 */
export const CompanyHeader = ({ company }: { company: Company | undefined }) => {
  const translate = useTranslate();
  if (!company) return null;
  const address = postalAddress(company);
  const tax = [
    company.taxId ? `CUIT ${formatCuit(company.taxId)}` : null,
    company.ivaCondition ? translate(`ctacte.ivaConditions.${company.ivaCondition}`) : null,
  ].filter(Boolean);
  return (
    <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start' }} data-company-header>
      {company.logo && <Box component="img" src={company.logo} alt="" sx={{ height: 56, maxWidth: 120 }} />}
      <Box>
        <Box sx={{ fontSize: 20, fontWeight: 700 }}>{company.name}</Box>
        {address && <Box>{address}</Box>}
        {company.phone && <Box>{company.phone}</Box>}
        {tax.length > 0 && <Box>{tax.join(' · ')}</Box>}
        {company.grossIncomeNumber && (
          <Box>
            {translate('ctacte.company.grossIncome')}: {company.grossIncomeNumber}
            {company.grossIncomeRegime ? ` (${translate(`ctacte.grossIncomeRegimes.${company.grossIncomeRegime}`)})` : ''}
          </Box>
        )}
        {company.activityStartDate && (
          <Box>
            {translate('ctacte.company.activityStart')}: {formatDate(company.activityStartDate)}
          </Box>
        )}
      </Box>
    </Box>
  );
};
