import { useState } from 'react';
import LockResetIcon from '@mui/icons-material/LockReset';
import type { CreatedUserDto } from '@laget/contracts';
import {
  BooleanInput,
  Button,
  CheckboxGroupInput,
  Confirm,
  Edit,
  ReferenceInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  TopToolbar,
  email,
  required,
  useCanAccess,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { api } from '../http.js';
import { OneTimePasswordDialog } from './OneTimePasswordDialog.js';
import { roleChoices } from './roles.js';

function ResetPasswordButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ action: 'reset_password', resource: 'users', record });
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState<string | undefined>();
  if (!record || !canAccess) return null;
  const name = String(record.displayName ?? record.username);
  return (
    <>
      <Button label="laget.users.reset" onClick={() => setConfirming(true)}>
        <LockResetIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        title="laget.users.reset"
        content={translate('laget.users.reset_confirm', { name })}
        onClose={() => setConfirming(false)}
        onConfirm={async () => {
          setConfirming(false);
          try {
            const { json } = await api<Pick<CreatedUserDto, 'oneTimePassword'>>(
              `/api/users/${encodeURIComponent(String(record.id))}/reset-password`,
              { method: 'POST' },
            );
            setPassword(json.oneTimePassword);
          } catch (error) {
            notify((error as Error).message, { type: 'error' });
          }
        }}
      />
      <OneTimePasswordDialog password={password} name={name} onClose={() => setPassword(undefined)} />
    </>
  );
}

/** Roles, organisation, activation and password reset; audited on the server, so no undo. */
export function UserEdit() {
  return (
    <Edit
      mutationMode="pessimistic"
      redirect="list"
      actions={
        <TopToolbar>
          <ResetPasswordButton />
        </TopToolbar>
      }
    >
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <TextInput source="username" disabled />
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
        <BooleanInput source="active" />
      </SimpleForm>
    </Edit>
  );
}
