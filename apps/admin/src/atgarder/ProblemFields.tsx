import { AutocompleteArrayInput, ReferenceArrayInput, required, SelectInput, TextInput } from 'react-admin';
import { problemStatusChoices } from './choices.js';
import { useCategoryChoices } from './useIncidentCategories.js';

export function ProblemFields() {
  const categories = useCategoryChoices();
  return (
    <>
      <TextInput source="title" validate={required()} fullWidth />
      <SelectInput source="category" choices={categories} validate={required()} translateChoice={false} />
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
