import {
  BooleanInput,
  Edit,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  required,
} from 'react-admin';
import { organisationKindChoices } from './kinds.js';

/** Rename, change kind or deactivate; organisations are never deleted (their reports stay). */
export function OrganisationEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <TextInput source="name" validate={required()} fullWidth />
        <SelectInput source="kind" choices={organisationKindChoices} validate={required()} />
        <BooleanInput source="active" />
      </SimpleForm>
    </Edit>
  );
}
