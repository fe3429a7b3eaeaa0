import { createElement, type ComponentType } from 'react';
import { EditButton, Show, TabbedShowLayout, TabbedShowLayoutTabs, TopToolbar } from 'react-admin';
import { CustomerFigures } from './CustomerFigures';
import { CUSTOMER_SHOW_TABS } from './showTabs';

const CustomerShowActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

/** TabbedShowLayout labels each child of a tab as a field; a tab's content is none, hence `label={false}`. */
const TabContent = ({ content }: { content: ComponentType; label: false }) => createElement(content);

/** A customer's page: the account's figures and credit verdict on top, then its data and related rows in tabs. */
export const CustomerShow = () => (
  <Show actions={<CustomerShowActions />}>
    <CustomerFigures />
    {/* Nine tabs do not fit at 1366 px: the bar scrolls, with arrows at its ends. */}
    <TabbedShowLayout tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" />}>
      {CUSTOMER_SHOW_TABS.map((tab) => (
        <TabbedShowLayout.Tab key={tab.label} label={tab.label} path={tab.path || undefined}>
          <TabContent content={tab.content} label={false} />
        </TabbedShowLayout.Tab>
      ))}
    </TabbedShowLayout>
  </Show>
);
