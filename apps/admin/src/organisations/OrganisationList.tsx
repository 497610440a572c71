import {
  BooleanField,
  Datagrid,
  List,
  NullableBooleanInput,
  SelectField,
  SelectInput,
  SimpleList,
  TextField,
} from 'react-admin';
import { useMediaQuery, type Theme } from '@mui/material';
import { organisationKindChoices } from './kinds.js';

// The filters the API offers (organisations.controller): active and kind.
const filters = [
  <NullableBooleanInput key="active" source="active" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={organisationKindChoices} />,
];

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
