import { Bar, BarChart, CartesianGrid, Cell, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { formatDecimal, formatMoney, type Currency } from '../common/money';
import { AGING_BUCKETS, type AgingAmounts, type AgingBucket } from '../collections/types';

/** From green (not due) through amber and orange to dark red (over 120 days). */
export const BUCKET_COLORS: Record<AgingBucket, string> = {
  notDue: '#43a047',
  days1to30: '#fbc02d',
  days31to60: '#fb8c00',
  days61to90: '#f4511e',
  days91to120: '#d32f2f',
  over120: '#7f0000',
};

/**
 * An axis tick in millions or thousands ("12,5 M"): charts draw heights as
 * numbers, the exact amounts are in the table and the tooltip.
 */
export function compactAmount(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${formatDecimal(String(Math.round(value / 1e5) / 10), 1).replace(/,0$/, '')} M`;
  if (abs >= 1e3) return `${formatDecimal(String(Math.round(value / 1e3)), 0)} mil`;
  return formatDecimal(String(Math.round(value)), 0);
}

/** A group's name on one line, cut short (recharts would wrap it over the next bar). */
const CategoryTick = ({ x, y, payload }: { x?: number; y?: number; payload?: { value?: string } }) => {
  const label = payload?.value ?? '';
  return (
    <text x={x} y={y} dy={4} textAnchor="end" fontSize={12} fill="#555">
      <title>{label}</title>
      {label.length > 33 ? `${label.slice(0, 32)}…` : label}
    </text>
  );
};

type Datum = { label: string } & Record<AgingBucket, number> & { amounts: AgingAmounts };

const toDatum = (label: string, amounts: AgingAmounts): Datum =>
  ({
    label,
    amounts,
    ...Object.fromEntries(AGING_BUCKETS.map((b) => [b, Number(amounts[b])])),
  }) as Datum;

/** Legend and tooltip list the buckets youngest first, as the table's columns (recharts would sort them by name). */
const bucketOrder = (item: { dataKey?: unknown }) => AGING_BUCKETS.indexOf(item.dataKey as AgingBucket);

const useTooltipFormatter = (currency: Currency) => {
  const translate = useTranslate();
  return (_value: unknown, name: unknown, item: { payload?: Datum; dataKey?: unknown }) => {
    const bucket = (item.dataKey ?? name) as AgingBucket;
    return [formatMoney(item.payload?.amounts[bucket] ?? '0', currency), translate(`reports.buckets.${bucket}`)];
  };
};

/**
 * The aging as stacked bars, one per group (customer, collector…), each bucket
 * in its colour; horizontal so long names read. Amounts in the tooltip are the
 * API's exact strings.
 */
export const AgingStackedChart = ({
  rows,
  currency,
  onSelect,
}: {
  rows: Array<{ label: string; amounts: AgingAmounts }>;
  currency: Currency;
  onSelect?: (index: number) => void;
}) => {
  const translate = useTranslate();
  const formatter = useTooltipFormatter(currency);
  const data = rows.map((r) => toDatum(r.label, r.amounts));
  const height = Math.max(160, data.length * 28 + 70);
  return (
    <BarChart
      responsive
      layout="vertical"
      data={data}
      style={{ width: '100%', height }}
      margin={{ top: 4, right: 24, bottom: 4, left: 4 }}
      onClick={(state) => {
        const index = Number(state?.activeTooltipIndex);
        if (onSelect && Number.isInteger(index)) onSelect(index);
      }}
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" tickFormatter={compactAmount} />
      <YAxis type="category" dataKey="label" width={230} tick={<CategoryTick />} />
      <Tooltip formatter={formatter} itemSorter={bucketOrder} isAnimationActive={false} />
      <Legend formatter={(bucket: string) => translate(`reports.buckets.${bucket}`)} itemSorter={bucketOrder} />
      {AGING_BUCKETS.map((bucket) => (
        <Bar key={bucket} dataKey={bucket} stackId="aging" fill={BUCKET_COLORS[bucket]} isAnimationActive={false} />
      ))}
    </BarChart>
  );
};

/** The company's aging as one bar per bucket, for the dashboard. */
export const AgingBucketsChart = ({
  totals,
  currency,
  height = 220,
}: {
  totals: AgingAmounts;
  currency: Currency;
  height?: number;
}) => {
  const translate = useTranslate();
  const data = AGING_BUCKETS.map((bucket) => ({
    bucket,
    short: translate(`reports.bucketsShort.${bucket}`),
    value: Number(totals[bucket]),
    amount: totals[bucket],
  }));
  return (
    <BarChart responsive data={data} style={{ width: '100%', height }} margin={{ top: 8, right: 8, bottom: 4, left: 4 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="short" tick={{ fontSize: 11 }} interval={0} />
      <YAxis tickFormatter={compactAmount} width={64} />
      <Tooltip
        isAnimationActive={false}
        labelFormatter={(_label: unknown, payload: ReadonlyArray<{ payload?: { bucket: AgingBucket } }>) =>
          payload[0]?.payload ? translate(`reports.buckets.${payload[0].payload.bucket}`) : ''
        }
        formatter={(_v: unknown, _n: unknown, item: { payload?: { amount: string } }) => [
          formatMoney(item.payload?.amount ?? '0', currency),
          translate('reports.buckets.total'),
        ]}
      />
      <Bar dataKey="value" isAnimationActive={false}>
        {data.map((d) => (
          <Cell key={d.bucket} fill={BUCKET_COLORS[d.bucket]} />
        ))}
      </Bar>
    </BarChart>
  );
};
