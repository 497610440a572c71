import { Edit, SimpleForm } from 'react-admin';
import { ActionFields } from './ActionFields.js';
import { FollowUps } from './FollowUps.js';

/** An action with its follow-ups; its owner organisation's reporters add them here. */
export function ActionEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect={false} aside={<FollowUps />}>
      <SimpleForm>
        <ActionFields />
      </SimpleForm>
    </Edit>
  );
}
