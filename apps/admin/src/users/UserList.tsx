import {
  BooleanField,
  ChipField,
  Datagrid,
  List,
  ReferenceField,
  ReferenceInput,
  NullableBooleanInput,
  SelectInput,
  SimpleList,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Chip, Stack, useMediaQuery, type Theme } from '@mui/material';
import { roleChoices } from './roles.js';

function RolesField(_props: { label?: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {((record?.roles as string[] | undefined) ?? []).map((role) => (
        <Chip key={role} size="small" label={translate(`laget.roles.${role}`, { _: role })} />
      ))}
    </Stack>
  );
}

// The filters the API offers (users.controller): organisationId, one role, active.
const filters = [
  <ReferenceInput key="org" source="organisationId" reference="organisations" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <SelectInput
    key="role"
    source="role"
    label="resources.users.fields.roles"
    choices={roleChoices}
    alwaysOn
  />,
  <NullableBooleanInput key="active" source="active" />,
];

export function UserList() {
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  return (
    <List sort={{ field: 'username', order: 'ASC' }} filters={filters}>
      {small ? (
        <SimpleList primaryText={(r) => r.displayName} secondaryText={(r) => r.username} linkType="edit" />
      ) : (
        <Datagrid rowClick="edit" bulkActionButtons={false}>
          <TextField source="username" />
          <TextField source="displayName" />
          <ReferenceField source="organisationId" reference="organisations" link={false}>
            <ChipField source="name" variant="outlined" size="small" />
          </ReferenceField>
          <RolesField label="resources.users.fields.roles" />
          <BooleanField source="active" />
        </Datagrid>
      )}
    </List>
  );
}
