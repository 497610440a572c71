import {
  BooleanInput,
  Datagrid,
  FunctionField,
  List,
  SelectField,
  SimpleList,
  TextField,
  useCanAccess,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { useMediaQuery, type Theme } from '@mui/material';
import { formatCoordinates } from './coordinates.js';
import { placeKindChoices } from './kinds.js';

// The API answers the whole register in name order (`?retired=true` adds retired places), so the
// list neither pages nor sorts.
const filters = [<BooleanInput key="retired" source="retired" label="laget.places.show_retired" alwaysOn />];

export function PlaceList() {
  const translate = useTranslate();
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const { canAccess: mayEdit } = useCanAccess({ action: 'edit', resource: 'places' });
  const compass = {
    north: translate('laget.places.compass.north'),
    south: translate('laget.places.compass.south'),
    east: translate('laget.places.compass.east'),
    west: translate('laget.places.compass.west'),
  };
  const kindLabel = (record: RaRecord) => translate(`laget.place_kinds.${String(record.kind)}`);
  const position = (record: RaRecord) =>
    formatCoordinates(record.coordinates, compass) || translate('laget.places.no_coordinates');
  const retired = (record: RaRecord) => (record.retired ? translate('laget.places.retired') : '');
  return (
    <List
      sort={{ field: 'name', order: 'ASC' }}
      perPage={1000}
      pagination={false}
      filters={filters}
      exporter={false}
    >
      {small ? (
        <SimpleList
          primaryText={(record) => record.name}
          secondaryText={(record) => [kindLabel(record), retired(record)].filter(Boolean).join(' · ')}
          tertiaryText={position}
          linkType={mayEdit ? 'edit' : false}
        />
      ) : (
        <Datagrid rowClick={mayEdit ? 'edit' : false} bulkActionButtons={false}>
          <TextField source="name" sortable={false} />
          <SelectField source="kind" choices={placeKindChoices} sortable={false} />
          <FunctionField label="laget.places.coordinates" render={position} sortable={false} />
          <FunctionField source="retired" render={retired} sortable={false} />
        </Datagrid>
      )}
    </List>
  );
}
