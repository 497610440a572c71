import {
  Datagrid,
  DateInput,
  downloadCSV,
  FunctionField,
  List,
  ReferenceField,
  SelectInput,
  TextField,
  TextInput,
  useTranslate,
  type Exporter,
} from 'react-admin';
import type { AuditEntry } from '@laget/contracts';
import { eventsSwedish } from '../i18n/sv-events.js';
import { swedishDateTime } from '../shared/week.js';
import { toCsv } from './csv.js';

/** A calendar day typed in the filter, as the instant it starts in the reader's time zone. */
const dayStart = (value: string) => (value ? new Date(`${value}T00:00:00`).toISOString() : undefined);

const filters = [
  <TextInput key="stream" source="stream" label="resources.audit.fields.stream" />,
  <TextInput key="actor" source="actor" label="resources.audit.fields.actorId" />,
  // The kinds of event by name, not the API's type names (the filter still sends the type).
  <SelectInput
    key="type"
    source="type"
    label="resources.audit.fields.type"
    choices={Object.keys(eventsSwedish).map((type) => ({ id: type, name: `laget.events.${type}` }))}
  />,
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
  const translate = useTranslate();
  return (
    <List sort={{ field: 'occurredAt', order: 'DESC' }} filters={filters} exporter={exporter} perPage={50}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <FunctionField<AuditEntry> source="occurredAt" render={(e) => swedishDateTime(e.occurredAt)} />
        <FunctionField<AuditEntry>
          source="type"
          render={(e) => translate(`laget.events.${e.type}`, { _: e.type })}
        />
        <TextField source="streamId" label="resources.audit.fields.stream" />
        <ReferenceField source="actorId" reference="users" link={false} emptyText="–">
          <TextField source="displayName" />
        </ReferenceField>
      </Datagrid>
    </List>
  );
}
