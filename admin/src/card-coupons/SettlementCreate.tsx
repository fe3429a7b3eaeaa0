import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Box, Button, Card, CardContent, Checkbox, Tab, Tabs, TextField, Typography } from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import { Form, HttpError, TextInput, Title, required, useGetList, useNotify, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { DateInput } from '../common/DateInput';
import { ReferenceSelect } from '../common/ReferenceSelect';
import { SimpleTable } from '../common/SimpleTable';
import { formatDate, todayIso } from '../common/dates';
import { formatDecimal, formatMoney, parseMoneyInput } from '../common/money';
import { fromCents, sumCents, toCents } from '../common/cents';
import { BankAccountInput } from '../treasury/inputs';
import { cardsApi, type Coupon, type SettlementHeader } from './api';

type Figures = { include: boolean; gross: string; fee: string; feeIva: string; withholdings: string };
const FIGURES = ['gross', 'fee', 'feeIva', 'withholdings'] as const;
const F = (field: string) => `resources.card-coupons.fields.${field}`;

/** An amount box of one coupon's row: typed the Argentine way, kept as typed until it is an amount. */
const AmountBox = ({ value, onChange, label }: { value: string; onChange: (v: string) => void; label: string }) => (
  <TextField
    size="small"
    value={value}
    onChange={(e) => onChange(e.target.value)}
    onBlur={() => {
      const parsed = parseMoneyInput(value);
      if (parsed) onChange(formatDecimal(parsed));
    }}
    slotProps={{ htmlInput: { 'aria-label': label, inputMode: 'decimal', style: { textAlign: 'right', width: 110 } } }}
  />
);

/** The issuer's unsettled coupons (held or presented), of one batch when one is named. */
function useOpenCoupons(cardIssuerId: number | null, batchId: string) {
  const filter = { cardIssuerId, ...(batchId ? { batchId: Number(batchId) } : {}) };
  const options = { enabled: !!cardIssuerId };
  const range = { pagination: { page: 1, perPage: 500 }, sort: { field: 'id', order: 'ASC' as const } };
  const presented = useGetList<Coupon>('card-coupons', { ...range, filter: { ...filter, state: 'presented' } }, options);
  const pending = useGetList<Coupon>('card-coupons', { ...range, filter: { ...filter, state: 'pending' } }, options);
  return [...(presented.data ?? []), ...(batchId ? [] : (pending.data ?? []))];
}

const Body = ({ mode }: { mode: 'manual' | 'import' }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const { getValues, trigger } = useFormContext<SettlementHeader & { batchId: string }>();
  const cardIssuerId = useWatch({ name: 'cardIssuerId' }) as number | null;
  const batchId = (useWatch({ name: 'batchId' }) as string | null) ?? '';
  const coupons = useOpenCoupons(cardIssuerId, batchId);
  const [figures, setFigures] = useState<Record<number, Figures>>({});
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = coupons.map((c) => c.id).join(',');
  useEffect(() => {
    // Each coupon starts with what its plan makes us expect: its gross, the fee and its IVA, nothing withheld.
    setFigures((prev) =>
      Object.fromEntries(
        coupons.map((c) => [
          c.id,
          prev[c.id] ?? {
            include: true,
            gross: formatDecimal(c.gross),
            fee: formatDecimal(c.expectedFee),
            feeIva: formatDecimal(c.expectedFeeIva),
            withholdings: formatDecimal('0'),
          },
        ]),
      ),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids]);
  const set = (id: number, key: keyof Figures, value: string | boolean) =>
    setFigures((prev) => ({ ...prev, [id]: { ...prev[id], [key]: value } }));
  const included = coupons.filter((c) => figures[c.id]?.include);
  const amount = (id: number, key: (typeof FIGURES)[number]) => parseMoneyInput(figures[id]?.[key] ?? '') ?? '0';
  const net = (id: number) =>
    fromCents(
      toCents(amount(id, 'gross')) -
        toCents(amount(id, 'fee')) -
        toCents(amount(id, 'feeIva')) -
        toCents(amount(id, 'withholdings')),
    );
  const total = (pick: (id: number) => string) => fromCents(sumCents(included.map((c) => toCents(pick(c.id)))));

  const header = (): SettlementHeader => {
    const v = getValues();
    return {
      cardIssuerId: Number(v.cardIssuerId),
      number: v.number,
      date: v.date,
      ...(v.bankAccountId ? { bankAccountId: Number(v.bankAccountId) } : {}),
      ...(v.notes ? { notes: v.notes } : {}),
    };
  };
  const run = async (call: () => Promise<{ id: number; number: string }>) => {
    setError(null);
    if (!(await trigger())) return;
    setBusy(true);
    try {
      const saved = await call();
      notify('cardCoupons.settlement.saved', { type: 'success', messageArgs: { number: saved.number } });
      navigate(`/card-settlements/${saved.id}/show`);
    } catch (e) {
      setError(e instanceof HttpError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const saveManual = () => {
    if (!included.length) return setError(translate('cardCoupons.settlement.noSelection'));
    const bad = included.find((c) => FIGURES.some((k) => parseMoneyInput(figures[c.id][k]) === undefined));
    if (bad) return setError(translate('cardCoupons.settlement.badAmount', { coupon: bad.couponNumber }));
    return run(() =>
      cardsApi.createSettlement({
        ...header(),
        coupons: included.map((c) => ({
          couponId: c.id,
          gross: amount(c.id, 'gross'),
          fee: amount(c.id, 'fee'),
          feeIva: amount(c.id, 'feeIva'),
          withholdings: amount(c.id, 'withholdings'),
        })),
      }),
    );
  };
  const saveImport = () => run(() => cardsApi.importSettlement({ ...header(), csv: file?.text ?? '' }));

  return (
    <>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', columnGap: 2 }}>
        <ReferenceSelect source="cardIssuerId" reference="card-issuers" label="cardCoupons.settlement.issuer" isRequired />
        <TextInput source="number" label="cardCoupons.settlement.number" validate={required()} />
        <DateInput source="date" label="cardCoupons.settlement.date" validate={required()} />
        <BankAccountInput source="bankAccountId" label="cardCoupons.settlement.bankAccount" />
        {mode === 'manual' && (
          <TextInput source="batchId" label="cardCoupons.settlement.batch" helperText="cardCoupons.settlement.allBatches" />
        )}
        <TextInput source="notes" label="cardCoupons.settlement.notes" />
      </Box>
      {error && (
        <Alert severity="error" sx={{ my: 2 }}>
          {error}
        </Alert>
      )}
      {mode === 'import' ? (
        <Box sx={{ my: 2 }}>
          <Typography variant="subtitle2">{translate('cardCoupons.settlement.file')}</Typography>
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            aria-label={translate('cardCoupons.settlement.file')}
            onChange={async (e) => {
              const f = e.target.files?.[0];
              setFile(f ? { name: f.name, text: await f.text() } : null);
            }}
          />
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate('cardCoupons.settlement.fileHelp')}
          </Typography>
          <Button sx={{ mt: 2 }} variant="contained" startIcon={<SaveIcon />} disabled={!file || busy} onClick={saveImport}>
            {translate('cardCoupons.settlement.import')}
          </Button>
        </Box>
      ) : (
        <Box sx={{ my: 2 }}>
          {!cardIssuerId ? (
            <Typography color="text.secondary">{translate('cardCoupons.settlement.pick')}</Typography>
          ) : !coupons.length ? (
            <Typography color="text.secondary">{translate('cardCoupons.settlement.none')}</Typography>
          ) : (
            <SimpleTable<Coupon>
              ariaLabel={translate('cardCoupons.settlement.coupons')}
              rows={coupons}
              rowKey={(c) => c.id}
              columns={[
                {
                  label: 'cardCoupons.settlement.include',
                  checkbox: true,
                  render: (c) => (
                    <Checkbox
                      size="small"
                      checked={!!figures[c.id]?.include}
                      onChange={(e) => set(c.id, 'include', e.target.checked)}
                      slotProps={{ input: { 'aria-label': `${translate('cardCoupons.settlement.include')} ${c.couponNumber}` } }}
                    />
                  ),
                },
                { label: F('couponNumber'), render: (c) => c.couponNumber, sticky: true, nowrap: true },
                { label: F('date'), render: (c) => formatDate(c.date), nowrap: true },
                { label: F('batchId'), render: (c) => c.batchId },
                { label: F('expectedNet'), money: (c) => c.expectedNet },
                ...FIGURES.map((k) => ({
                  label: F(
                    k === 'gross'
                      ? 'settledGross'
                      : k === 'fee'
                        ? 'settledFee'
                        : k === 'feeIva'
                          ? 'settledFeeIva'
                          : 'settledWithholdings',
                  ),
                  render: (c: Coupon) => (
                    <AmountBox
                      value={figures[c.id]?.[k] ?? ''}
                      onChange={(v) => set(c.id, k, v)}
                      label={`${k} ${c.couponNumber}`}
                    />
                  ),
                })),
                { label: F('settledNet'), money: (c) => net(c.id), strong: true },
              ]}
            />
          )}
          {included.length > 0 && (
            <Typography sx={{ mt: 2 }} data-testid="settlement-draft-totals">
              {translate('cardCoupons.settlement.totals', {
                gross: formatMoney(total((id) => amount(id, 'gross'))),
                fee: formatMoney(total((id) => amount(id, 'fee'))),
                feeIva: formatMoney(total((id) => amount(id, 'feeIva'))),
                withholdings: formatMoney(total((id) => amount(id, 'withholdings'))),
                net: formatMoney(total(net)),
              })}
            </Typography>
          )}
          <Button
            sx={{ mt: 2 }}
            variant="contained"
            startIcon={<SaveIcon />}
            disabled={busy || !included.length}
            onClick={saveManual}
          >
            {translate('cardCoupons.settlement.save')}
          </Button>
        </Box>
      )}
    </>
  );
};

/**
 * Nueva liquidación: the issuer's settlement entered per coupon (each prefilled with what its plan
 * makes us expect) or imported from the issuer's file; the server checks it adds up and writes all or nothing.
 */
export const SettlementCreate = () => {
  const translate = useTranslate();
  const [mode, setMode] = useState<'manual' | 'import'>('manual');
  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('resources.card-settlements.page.create')} />
      <Card>
        <CardContent>
          <Tabs value={mode} onChange={(_, v) => setMode(v)} sx={{ mb: 2 }}>
            <Tab value="manual" label={translate('cardCoupons.settlement.mode.manual')} />
            <Tab value="import" label={translate('cardCoupons.settlement.mode.import')} />
          </Tabs>
          <Form defaultValues={{ date: todayIso(), cardIssuerId: null, number: '', batchId: '' }} noValidate>
            <Body mode={mode} />
          </Form>
        </CardContent>
      </Card>
    </Box>
  );
};
