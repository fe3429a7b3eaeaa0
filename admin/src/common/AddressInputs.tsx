import { TextInput } from 'react-admin';
import { ProvinceInput } from './ProvinceInput';

/** The address fields customers, branches and card issuers share, as the API names them. */
export const ADDRESS_FIELDS = ['street', 'city', 'province', 'postalCode', 'country', 'phone', 'email'] as const;

/** Street, city, province, postal code, country, phone and e-mail: the same on customers, branches and card issuers. */
export const AddressInputs = () => (
  <>
    <TextInput source="street" slotProps={{ htmlInput: { maxLength: 120 } }} />
    <TextInput source="city" slotProps={{ htmlInput: { maxLength: 80 } }} />
    <ProvinceInput source="province" />
    <TextInput source="postalCode" slotProps={{ htmlInput: { maxLength: 10 } }} />
    <TextInput
      source="country"
      defaultValue="AR"
      slotProps={{ htmlInput: { maxLength: 2, style: { textTransform: 'uppercase' } } }}
      helperText="ctacte.address.countryHelp"
    />
    <TextInput source="phone" slotProps={{ htmlInput: { maxLength: 40 } }} />
    <TextInput source="email" type="email" slotProps={{ htmlInput: { maxLength: 120 } }} />
  </>
);
