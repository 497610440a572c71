import { BooleanField, Datagrid, List, SelectField, SimpleList, TextField, TextInput } from 'react-admin';
import { useMediaQuery, type Theme } from '@mui/material';
import { organisationKindChoices } from './kinds.js';

const filters = [<TextInput key="q" source="q" label="ra.action.search" alwaysOn />];

export function OrganisationList() {
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  return (
    <List sort={{ field: 'name', order: 'ASC' }} filters={filters}>
      {small ? (
        <SimpleList primaryText={(r) => r.name} secondaryText={(r) => r.kind} linkType="edit" />
      ) : (
        <Datagrid rowClick="edit" bulkActionButtons={false}>
          <TextField source="name" />
          <SelectField source="kind" choices={organisationKindChoices} />
          <BooleanField source="active" />
        </Datagrid>
      )}
    </List>
  );
}
