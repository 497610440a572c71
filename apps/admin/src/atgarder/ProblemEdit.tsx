import { Edit, SimpleForm } from 'react-admin';
import { ProblemFields } from './ProblemFields.js';

export function ProblemEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <ProblemFields />
      </SimpleForm>
    </Edit>
  );
}
