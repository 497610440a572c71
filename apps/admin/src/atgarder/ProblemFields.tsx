import { AutocompleteArrayInput, ReferenceArrayInput, required, SelectInput, TextInput } from 'react-admin';
import { problemStatusChoices } from './choices.js';

export function ProblemFields() {
  return (
    <>
      <TextInput source="title" validate={required()} fullWidth />
      <TextInput source="category" validate={required()} />
      <ReferenceArrayInput source="placeIds" reference="places">
        <AutocompleteArrayInput optionText="name" />
      </ReferenceArrayInput>
      <TextInput source="description" multiline minRows={3} fullWidth />
      <SelectInput
        source="status"
        choices={problemStatusChoices}
        defaultValue="active"
        validate={required()}
      />
    </>
  );
}
