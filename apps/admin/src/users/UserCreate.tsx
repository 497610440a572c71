import { useState } from 'react';
import {
  CheckboxGroupInput,
  Create,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  email,
  minLength,
  regex,
  required,
  useRedirect,
  type RaRecord,
} from 'react-admin';
import { OneTimePasswordDialog } from './OneTimePasswordDialog.js';
import { roleChoices } from './roles.js';

/** Creates a login; the answer's one-time password is shown once, then the list opens. */
export function UserCreate() {
  const redirect = useRedirect();
  const [created, setCreated] = useState<{ password: string; name: string } | undefined>();
  return (
    <>
      <Create
        mutationOptions={{
          onSuccess: (data: RaRecord) =>
            setCreated({
              password: String(data.oneTimePassword ?? ''),
              name: String(data.displayName ?? data.username ?? ''),
            }),
        }}
      >
        <SimpleForm>
          <TextInput
            source="username"
            validate={[required(), minLength(3), regex(/^[a-z0-9._-]+$/, 'a–z, 0–9, punkt, bindestreck')]}
            autoComplete="off"
          />
          <TextInput source="displayName" validate={required()} fullWidth />
          <TextInput source="email" type="email" validate={email()} fullWidth />
          <ReferenceInput
            source="organisationId"
            reference="organisations"
            sort={{ field: 'name', order: 'ASC' }}
          >
            <SelectInput optionText="name" validate={required()} />
          </ReferenceInput>
          <CheckboxGroupInput source="roles" choices={roleChoices} validate={required()} />
        </SimpleForm>
      </Create>
      <OneTimePasswordDialog
        password={created?.password}
        name={created?.name ?? ''}
        onClose={() => {
          setCreated(undefined);
          redirect('list', 'users');
        }}
      />
    </>
  );
}
