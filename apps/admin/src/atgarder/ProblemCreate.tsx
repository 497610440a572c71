import { Create, SimpleForm } from 'react-admin';
import { ProblemFields } from './ProblemFields.js';

export function ProblemCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <ProblemFields />
      </SimpleForm>
    </Create>
  );
}
