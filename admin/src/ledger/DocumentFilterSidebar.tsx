import { Card, CardContent } from '@mui/material';
import TypeIcon from '@mui/icons-material/Category';
import DueIcon from '@mui/icons-material/EventBusy';
import IssuedIcon from '@mui/icons-material/Event';
import { FilterList, FilterListItem, useTranslate } from 'react-admin';
import { todayIso } from '../common/dates';
import { daysAgo, previousMonth, startOfMonth } from './periods';
import { DOCUMENT_TYPES, type DocumentType } from './types';

/** Quick filters beside the documents list: by type, by due situation, by issue period. */
export const DocumentFilterSidebar = ({
  types = DOCUMENT_TYPES,
  withDue = true,
}: {
  types?: readonly DocumentType[];
  withDue?: boolean;
}) => {
  const translate = useTranslate();
  const lastMonth = previousMonth();
  return (
    <Card sx={{ order: -1, mr: 1.5, mt: 8, width: 190, flexShrink: 0, display: { xs: 'none', lg: 'block' } }}>
      <CardContent sx={{ pt: 1 }}>
        {types.length > 1 && (
          <FilterList label="ledger.sidebar.type" icon={<TypeIcon />}>
            {types.map((type) => (
              <FilterListItem key={type} label={translate(`ledger.types.${type}`)} value={{ type }} />
            ))}
          </FilterList>
        )}
        {withDue && (
          <FilterList label="ledger.sidebar.due" icon={<DueIcon />}>
            <FilterListItem label="ledger.sidebar.overdue" value={{ overdue: true }} />
            <FilterListItem label="ledger.sidebar.notOverdue" value={{ overdue: false }} />
          </FilterList>
        )}
        <FilterList label="ledger.sidebar.issued" icon={<IssuedIcon />}>
          <FilterListItem label="ledger.sidebar.thisMonth" value={{ issueDate_gte: startOfMonth(), issueDate_lte: todayIso() }} />
          <FilterListItem
            label="ledger.sidebar.lastMonth"
            value={{ issueDate_gte: lastMonth.from, issueDate_lte: lastMonth.to }}
          />
          <FilterListItem label="ledger.sidebar.last90" value={{ issueDate_gte: daysAgo(90), issueDate_lte: todayIso() }} />
        </FilterList>
      </CardContent>
    </Card>
  );
};
