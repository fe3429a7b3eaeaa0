import { useState } from 'react';
import { Button } from '@mui/material';
import AddIcon from '@mui/icons-material/AddLocationAlt';
import { useListContext, useNotify, useTranslate, useUnselectAll } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { DateInput } from '../common/DateInput';
import { ReferenceSelect } from '../common/ReferenceSelect';
import { todayIso } from '../common/dates';
import { ActionDialog } from '../ledger/ActionDialog';
import { collectionsApi, useCollectionsRefresh, useNextWorkingDay } from '../collections/api';

interface SheetChoice {
  collectorId: number | null;
  date: string | null;
}

const validate = (v: SheetChoice) => {
  const errors: Record<string, string> = {};
  if (!v.collectorId) errors.collectorId = 'ra.validation.required';
  if (!v.date) errors.date = 'ra.validation.required';
  else if (v.date < todayIso()) errors.date = 'collections.sheet.pastDay';
  return errors;
};

/**
 * "Agregar a la hoja de …": the selected debtors onto a collector's sheet for a day (by default
 * the collector the list is filtered by and the next working day); then the sheet opens.
 */
export const AddToSheetButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const refresh = useCollectionsRefresh();
  const { selectedIds, filterValues } = useListContext();
  const unselectAll = useUnselectAll('debtors');
  const { data: next } = useNextWorkingDay();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" startIcon={<AddIcon />} onClick={() => setOpen(true)}>
        {translate('collections.debtors.addToSheet')}
      </Button>
      <ActionDialog<SheetChoice>
        open={open}
        onClose={() => setOpen(false)}
        title="collections.debtors.addToSheetTitle"
        titleArgs={{ smart_count: selectedIds.length }}
        confirmLabel="collections.sheet.add"
        defaultValues={{ collectorId: (filterValues.collectorId as number | undefined) ?? null, date: next?.date ?? null }}
        validate={validate}
        onConfirm={async ({ collectorId, date }) => {
          const key = { collectorId: collectorId!, date: date! };
          const { added, skipped } = await collectionsApi.addStops(key, selectedIds as number[]);
          notify(
            [
              translate('collections.sheet.added', { smart_count: added.length }),
              skipped.length ? translate('collections.sheet.alreadyOn', { smart_count: skipped.length }) : '',
            ]
              .filter(Boolean)
              .join(' · '),
            { type: 'info' },
          );
          unselectAll();
          await refresh();
          setOpen(false);
          navigate(`/collection-sheets?${new URLSearchParams({ collectorId: String(key.collectorId), date: key.date })}`);
        }}
      >
        <ReferenceSelect source="collectorId" reference="collectors" label="collections.sheet.collector" />
        <DateInput source="date" label="collections.sheet.date" />
      </ActionDialog>
    </>
  );
};
