import { Edit, Labeled, NumberField, SaveButton, SimpleForm, TextInput, Toolbar, maxLength, required } from 'react-admin';

const validateName = [required(), maxLength(40)];

/** There are always four levels: they are renamed, never deleted. */
const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export const SegmentLevelEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm warnWhenUnsavedChanges sx={{ maxWidth: 480 }} toolbar={<SaveOnlyToolbar />}>
      <Labeled source="level">
        <NumberField source="level" />
      </Labeled>
      <TextInput source="name" validate={validateName} />
    </SimpleForm>
  </Edit>
);
