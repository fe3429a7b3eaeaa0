import { Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { AgingReport, AgingRow } from '../collections/types';
import { AgingStackedChart } from './AgingChart';

/** The report's chart: one stacked bar per row of the page, by age; a click drills down like the row. */
export const AgingChartCard = ({ report, onDrill }: { report: AgingReport; onDrill: (row: AgingRow) => void }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ mt: 1 }}>
      <CardContent>
        <Typography variant="subtitle1" sx={{ mb: 1 }}>
          {translate('reports.aging.chart')}
        </Typography>
        <AgingStackedChart
          rows={report.rows.map((r) => ({ label: r.label ?? translate('reports.aging.unassigned'), amounts: r }))}
          currency={report.currency}
          onSelect={(i) => report.rows[i] && onDrill(report.rows[i])}
        />
      </CardContent>
    </Card>
  );
};
