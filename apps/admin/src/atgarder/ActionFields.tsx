import {
  AutocompleteInput,
  BooleanInput,
  DateInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { actionStatusChoices, nullIfEmpty } from './choices.js';

/**
 * An action's fields. Who owns it and whether it is public are the coordinator's to decide (the
 * API refuses them from a reporter); the form shows them only to whoever may change them.
 */
export function ActionFields({ creating = false }: { creating?: boolean }) {
  const record = useRecordContext();
  const { canAccess: mayManage } = useCanAccess({ action: 'read', resource: 'users' });
  return (
    <>
      {creating && (
        <ReferenceInput source="problemId" reference="problems">
          <AutocompleteInput optionText="title" validate={required()} />
        </ReferenceInput>
      )}
      <TextInput source="title" validate={required()} fullWidth />
      <TextInput source="description" multiline minRows={3} fullWidth />
      {(creating || mayManage) && (
        <ReferenceInput source="ownerOrganisationId" reference="organisations">
          <AutocompleteInput optionText="name" validate={required()} />
        </ReferenceInput>
      )}
      {mayManage && (
        <ReferenceInput source="responsibleUserId" reference="users">
          <AutocompleteInput optionText="displayName" parse={nullIfEmpty} />
        </ReferenceInput>
      )}
      <DateInput source="startsOn" validate={required()} />
      <DateInput source="dueOn" validate={required()} />
      <SelectInput
        source="status"
        choices={actionStatusChoices}
        defaultValue={record?.status ?? 'planned'}
        validate={required()}
      />
      {mayManage && <BooleanInput source="public" helperText="laget.atgarder.public_help" />}
    </>
  );
}
