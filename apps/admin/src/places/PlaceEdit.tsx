import { Alert } from '@mui/material';
import {
  DeleteButton,
  Edit,
  SaveButton,
  SimpleForm,
  Toolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { coordinateErrors, toPlaceRequest } from './coordinates.js';
import { PlaceFields } from './PlaceFields.js';

/**
 * Retiring is the API's DELETE: the place stays in the register for the incidents that already
 * point at it, but can no longer be picked.
 */
function PlaceToolbar() {
  const record = useRecordContext();
  const { canAccess: mayRetire } = useCanAccess({ action: 'delete', resource: 'places', record });
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {record && !record.retired && mayRetire && (
        <DeleteButton
          label="laget.places.retire"
          mutationMode="pessimistic"
          confirmTitle="laget.places.retire_title"
          confirmContent="laget.places.retire_content"
          translateOptions={{ name: String(record.name ?? '') }}
          successMessage="laget.places.retired_done"
        />
      )}
    </Toolbar>
  );
}

function RetiredNotice() {
  const record = useRecordContext();
  const translate = useTranslate();
  return record?.retired ? <Alert severity="info">{translate('laget.places.retired_notice')}</Alert> : null;
}

export function PlaceEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list" transform={toPlaceRequest}>
      <SimpleForm validate={coordinateErrors} toolbar={<PlaceToolbar />}>
        <RetiredNotice />
        <PlaceFields />
      </SimpleForm>
    </Edit>
  );
}
