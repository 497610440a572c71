import { Create, SimpleForm } from 'react-admin';
import { coordinateErrors, toPlaceRequest } from './coordinates.js';
import { PlaceFields } from './PlaceFields.js';

export function PlaceCreate() {
  return (
    <Create redirect="list" transform={toPlaceRequest}>
      <SimpleForm validate={coordinateErrors}>
        <PlaceFields />
      </SimpleForm>
    </Create>
  );
}
