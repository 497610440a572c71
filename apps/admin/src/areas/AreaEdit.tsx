import {
  DeleteButton,
  Edit,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  required,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { AreaOutline } from './AreaOutline.js';

function AreaToolbar() {
  const record = useRecordContext();
  const { canAccess: mayDelete } = useCanAccess({ action: 'delete', resource: 'areas', record });
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {record && mayDelete && (
        <DeleteButton
          mutationMode="pessimistic"
          confirmTitle="laget.areas.delete_title"
          confirmContent="laget.areas.delete_content"
          translateOptions={{ name: String(record.name ?? '') }}
        />
      )}
    </Toolbar>
  );
}

/**
 * Renaming is all the form does: a boundary is redrawn by importing a file with the same name,
 * since nobody draws a district's boundary point by point in a form.
 */
export function AreaEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm toolbar={<AreaToolbar />}>
        <AreaOutline />
        <TextInput source="name" validate={required()} fullWidth />
      </SimpleForm>
    </Edit>
  );
}
