import {
  Datagrid,
  DateField,
  FunctionField,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import type { ActionView } from '@laget/contracts';
import { actionStatusChoices } from './choices.js';
import { todayInStockholm, urgencyOf } from './due.js';

const filters = [
  <SelectInput key="status" source="status" choices={actionStatusChoices} alwaysOn />,
  <ReferenceInput key="owner" source="ownerOrganisationId" reference="organisations" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="problem" source="problemId" reference="problems">
    <SelectInput optionText="title" />
  </ReferenceInput>,
];

/** Actions by status and owner, the soonest due first; a reporter sees its own organisation's. */
export function ActionList() {
  const translate = useTranslate();
  const today = todayInStockholm();
  return (
    <List filters={filters} pagination={false} exporter={false}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="title" sortable={false} />
        <ReferenceField source="problemId" reference="problems" link="show" sortable={false}>
          <TextField source="title" />
        </ReferenceField>
        <ReferenceField source="ownerOrganisationId" reference="organisations" link={false} sortable={false}>
          <TextField source="name" />
        </ReferenceField>
        <FunctionField
          source="status"
          sortable={false}
          render={(record: RaRecord) => translate(`laget.atgarder.action_status.${String(record.status)}`)}
        />
        <DateField source="dueOn" sortable={false} locales="sv-SE" />
        <FunctionField
          label="laget.atgarder.follow_ups"
          render={(record: RaRecord) => {
            const urgency = urgencyOf(record as unknown as ActionView, today);
            return urgency === 'none' ? '' : translate(`laget.atgarder.urgency.${urgency}`);
          }}
        />
      </Datagrid>
    </List>
  );
}
