import type { Dispatch, SetStateAction } from 'react';
import { Card, CardContent, CardHeader } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Currency } from '../common/money';
import { OpenItemsTable, type Amounts } from '../ledger/OpenItemsTable';
import type { OpenItem } from '../ledger/types';

/** One side of the application: the credits to use or the debits to settle, with a box per item. */
export const ApplySide = ({
  title,
  help,
  amountLabel,
  items,
  amounts,
  setAmounts,
  currency,
  showDue = false,
}: {
  title: string;
  help: string;
  amountLabel: string;
  items: OpenItem[];
  amounts: Amounts;
  setAmounts: Dispatch<SetStateAction<Amounts>>;
  currency: Currency;
  showDue?: boolean;
}) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined">
      <CardHeader title={translate(title)} subheader={translate(help)} />
      <CardContent sx={{ overflowX: 'auto' }}>
        <OpenItemsTable
          items={items}
          amounts={amounts}
          onChange={(id, v) => setAmounts((a) => ({ ...a, [id]: v }))}
          currency={currency}
          amountLabel={amountLabel}
          ariaLabel={translate(title)}
          showDue={showDue}
        />
      </CardContent>
    </Card>
  );
};
