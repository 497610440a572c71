import { Create, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { organisationKindChoices } from './kinds.js';

export function OrganisationCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TextInput source="name" validate={required()} fullWidth />
        <SelectInput source="kind" choices={organisationKindChoices} validate={required()} />
      </SimpleForm>
    </Create>
  );
}
