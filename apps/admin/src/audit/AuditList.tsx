import {
  Datagrid,
  DateInput,
  downloadCSV,
  FunctionField,
  List,
  ReferenceField,
  TextField,
  TextInput,
  type Exporter,
} from 'react-admin';
import type { AuditEntry } from '@laget/contracts';
import { swedishDateTime } from '../shared/week.js';
import { toCsv } from './csv.js';

/** A calendar day typed in the filter, as the instant it starts in the reader's time zone. */
const dayStart = (value: string) => (value ? new Date(`${value}T00:00:00`).toISOString() : undefined);

const filters = [
  <TextInput key="stream" source="stream" label="resources.audit.fields.stream" />,
  <TextInput key="actor" source="actor" label="resources.audit.fields.actorId" />,
  <TextInput key="type" source="type" label="resources.audit.fields.type" />,
  <DateInput key="from" source="from" label="laget.audit.from" parse={dayStart} />,
  <DateInput key="to" source="to" label="laget.audit.to" parse={dayStart} />,
];

const exporter: Exporter<AuditEntry> = (entries) =>
  downloadCSV(
    toCsv(
      ['tid', 'händelse', 'gäller', 'vem', 'organisation', 'ip'],
      entries.map((e) => [e.occurredAt, e.type, e.streamId, e.actorId, e.organisationId, e.ip]),
    ),
    'laget-handelselogg',
  );

/** The audit trail, newest first, with the contract's filters and a CSV export of what is shown. */
export function AuditList() {
  return (
    <List sort={{ field: 'occurredAt', order: 'DESC' }} filters={filters} exporter={exporter} perPage={50}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <FunctionField<AuditEntry> source="occurredAt" render={(e) => swedishDateTime(e.occurredAt)} />
        <TextField source="type" />
        <TextField source="streamId" label="resources.audit.fields.stream" />
        <ReferenceField source="actorId" reference="users" link={false} emptyText="–">
          <TextField source="displayName" />
        </ReferenceField>
      </Datagrid>
    </List>
  );
}
