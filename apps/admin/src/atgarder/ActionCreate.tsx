import { Create, SimpleForm } from 'react-admin';
import { ActionFields } from './ActionFields.js';

/** A new action; opened from a problem's page ("Ny åtgärd") its problem is filled in. */
export function ActionCreate() {
  return (
    <Create redirect="edit">
      <SimpleForm>
        <ActionFields creating />
      </SimpleForm>
    </Create>
  );
}
