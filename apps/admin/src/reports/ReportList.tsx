import {
  Datagrid,
  FunctionField,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  SimpleList,
  TextField,
  TextInput,
} from 'react-admin';
import { useMediaQuery, type Theme } from '@mui/material';
import type { ReportSummary } from '@laget/contracts';
import { StatusChip } from '../shared/StatusChip.js';
import { WeekField } from '../shared/WeekField.js';
import { swedishDateTime, weekLabel } from '../shared/week.js';

const filters = [
  <TextInput
    key="period"
    source="period"
    label="resources.reports.fields.period"
    placeholder="2024-W48"
    alwaysOn
  />,
  <ReferenceInput
    key="org"
    source="organisationId"
    reference="organisations"
    sort={{ field: 'name', order: 'ASC' }}
  >
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

export function ReportList() {
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  return (
    <List sort={{ field: 'period', order: 'DESC' }} filters={filters}>
      {small ? (
        <SimpleList<ReportSummary & { id: string }>
          primaryText={(r) => weekLabel(r.period)}
          secondaryText={(r) => <StatusChip status={r.status} />}
          linkType="edit"
        />
      ) : (
        <Datagrid rowClick="edit" bulkActionButtons={false}>
          <WeekField source="period" label="resources.reports.fields.period" />
          <ReferenceField source="organisationId" reference="organisations" link={false}>
            <TextField source="name" />
          </ReferenceField>
          <FunctionField<ReportSummary> source="status" render={(r) => <StatusChip status={r.status} />} />
          <FunctionField<ReportSummary>
            label="resources.reports.fields.incidents"
            render={(r) => String(r.incidentCount)}
          />
          <FunctionField<ReportSummary>
            label="laget.periods.submitted_at"
            source="submittedAt"
            render={(r) => swedishDateTime(r.submittedAt)}
          />
        </Datagrid>
      )}
    </List>
  );
}
