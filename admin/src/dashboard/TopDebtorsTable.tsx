import { Box } from '@mui/material';
import { useNavigate } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import type { Currency } from '../common/money';
import { DaysOverdueChip } from '../common/DaysOverdueChip';
import { SimpleTable } from '../common/SimpleTable';
import type { Dashboard } from '../collections/types';

const daysBetween = (from: string | null, to: string) =>
  from && from < to ? Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) : 0;

type TopDebtor = Dashboard['topDebtors'][number];

/** The largest debtors: balance, what of it is late, and since when; a row opens the customer's collections tab. */
export const TopDebtorsTable = ({ data, currency }: { data: Dashboard; currency: Currency }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  return (
    <SimpleTable<TopDebtor>
      ariaLabel={translate('reports.dashboard.topDebtors')}
      cellSx={{ px: 0.75 }}
      currency={currency}
      rows={data.topDebtors}
      rowKey={(d) => d.id}
      rowProps={(d) => ({
        hover: true,
        'data-top-debtor': d.code,
        onClick: () => navigate(`/customers/${d.id}/show/collections`),
        sx: { cursor: 'pointer' },
      })}
      columns={[
        {
          label: 'collections.debtors.customer',
          sticky: true,
          sx: () => ({ maxWidth: 230, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }),
          render: (d) => (
            <>
              <Box component="span" sx={{ color: 'text.secondary', mr: 1 }}>
                {d.code}
              </Box>
              {d.legalName}
            </>
          ),
        },
        { label: 'resources.debtors.fields.balance', money: (d) => d.balance },
        {
          label: 'resources.debtors.fields.overdue',
          money: (d) => d.overdueBalance,
          sx: (d) => ({ color: Number(d.overdueBalance) > 0 ? 'error.main' : undefined }),
        },
        {
          label: 'resources.debtors.fields.daysOverdue',
          render: (d) => <DaysOverdueChip days={daysBetween(d.oldestOpenDueDate, data.asOf)} />,
        },
      ]}
    />
  );
};
