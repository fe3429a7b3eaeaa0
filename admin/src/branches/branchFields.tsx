import {
  BooleanField,
  BooleanInput,
  DataTable,
  NumberInput,
  ReferenceField,
  TextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ADDRESS_FIELDS, AddressInputs } from '../common/AddressInputs';
import { ReferenceSelect } from '../common/ReferenceSelect';
import { Section } from '../common/Section';
import { LocationField } from '../common/LocationField';
import { TwoLines } from '../common/TwoLines';
import { codeAndNameErrors, emailErrors, integerErrors, pickFields, type FormErrors } from '../common/validateRecord';

export const BRANCH_WRITABLE = [
  'customerId',
  'code',
  'name',
  ...ADDRESS_FIELDS,
  'salespersonId',
  'collectorId',
  'priceListId',
  'carrierId',
  'paymentTermId',
  'deliveryNoteCopies',
  'invoiceCopies',
  'active',
] as const;

/** What a save sends: the branch's own fields, never the inherited figures shown beside them. */
export const branchPayload = pickFields(BRANCH_WRITABLE);

export const validateBranch = (values: Record<string, unknown>): FormErrors => ({
  ...(values.customerId ? {} : { customerId: 'ra.validation.required' }),
  ...codeAndNameErrors(values),
  ...emailErrors(values),
  ...integerErrors(values, ['deliveryNoteCopies', 'invoiceCopies'], 0, 9),
});

const INHERITS = 'ctacte.branches.inherits';

/** A branch's inputs; its commercial fields left empty take the customer's. */
export const BranchInputs = ({ customerPicker = false }: { customerPicker?: boolean }) => {
  const record = useRecordContext();
  return (
    <>
      <Section>
        {customerPicker && (
          <ReferenceSelect
            source="customerId"
            reference="customers"
            searchable
            isRequired
            // A branch never moves to another customer: its documents were issued to that one.
            disabled={!!record?.id}
          />
        )}
        {customerPicker && <span />}
        <TextInput source="code" isRequired slotProps={{ htmlInput: { maxLength: 20, style: { textTransform: 'uppercase' } } }} />
        <TextInput source="name" isRequired slotProps={{ htmlInput: { maxLength: 120 } }} />
      </Section>
      <Section title="ctacte.sections.address">
        <AddressInputs />
      </Section>
      <Section title="ctacte.branches.commercial">
        <ReferenceSelect source="salespersonId" reference="salespeople" helperText={INHERITS} />
        <ReferenceSelect source="collectorId" reference="collectors" helperText={INHERITS} />
        <ReferenceSelect source="paymentTermId" reference="payment-terms" helperText={INHERITS} />
        <ReferenceSelect source="priceListId" reference="price-lists" helperText={INHERITS} />
        <ReferenceSelect source="carrierId" reference="carriers" helperText={INHERITS} />
        <span />
        <NumberInput source="deliveryNoteCopies" min={0} max={9} step={1} helperText={INHERITS} />
        <NumberInput source="invoiceCopies" min={0} max={9} step={1} helperText={INHERITS} />
      </Section>
      <BooleanInput source="active" defaultValue={true} />
    </>
  );
};

/** The salesperson or collector that applies: the branch's own, or the customer's marked as inherited. */
export const EffectiveReferenceField = ({ own, reference }: { own: string; reference: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const effective = `effective${own[0].toUpperCase()}${own.slice(1)}`;
  const inherited = record[own] === null || record[own] === undefined;
  return (
    <TwoLines
      first={
        <ReferenceField source={effective} reference={reference} emptyText="—" link={false}>
          <TextField source="name" />
        </ReferenceField>
      }
      second={inherited && record[effective] != null ? translate('ctacte.branches.fromCustomer') : undefined}
    />
  );
};

/** The columns of a branch in a table. */
export const branchColumns = [
  <DataTable.Col key="code" source="code" field={TextField} />,
  <DataTable.Col key="name" source="name" />,
  <DataTable.Col key="city" source="city" label="ctacte.customers.location" field={LocationField} />,
  <DataTable.Col key="salespersonId" source="salespersonId" disableSort>
    <EffectiveReferenceField own="salespersonId" reference="salespeople" />
  </DataTable.Col>,
  <DataTable.Col key="collectorId" source="collectorId" disableSort>
    <EffectiveReferenceField own="collectorId" reference="collectors" />
  </DataTable.Col>,
  <DataTable.Col key="active" source="active" disableSort field={BooleanField} />,
];
