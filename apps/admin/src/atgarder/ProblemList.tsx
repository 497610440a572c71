import {
  Datagrid,
  FunctionField,
  List,
  ReferenceArrayField,
  SelectInput,
  SingleFieldList,
  ChipField,
  TextField,
  TextInput,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { problemStatusChoices } from './choices.js';

const filters = [
  <SelectInput key="status" source="status" choices={problemStatusChoices} alwaysOn />,
  <TextInput key="category" source="category" />,
];

/** The problems by status; a row opens the problem's page. */
export function ProblemList() {
  const translate = useTranslate();
  return (
    <List filters={filters} filterDefaultValues={{ status: 'active' }} pagination={false} exporter={false}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="title" sortable={false} />
        <TextField source="category" sortable={false} />
        <ReferenceArrayField source="placeIds" reference="places" sortable={false}>
          <SingleFieldList linkType={false}>
            <ChipField source="name" size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
        <FunctionField
          source="status"
          sortable={false}
          render={(record: RaRecord) => translate(`laget.atgarder.problem_status.${String(record.status)}`)}
        />
        <FunctionField
          label="laget.atgarder.linked_incidents"
          render={(record: RaRecord) => String((record.incidentIds as unknown[] | undefined)?.length ?? 0)}
        />
      </Datagrid>
    </List>
  );
}
