import { Stack } from '@mui/material';
import { NumberInput, SelectInput, TextInput, required } from 'react-admin';
import { placeKindChoices } from './kinds.js';

/** The fields create and edit share; the coordinates are optional and checked by `coordinateErrors`. */
export function PlaceFields() {
  return (
    <>
      <TextInput source="name" validate={required()} fullWidth />
      <SelectInput source="kind" choices={placeKindChoices} validate={required()} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }}>
        <NumberInput source="coordinates.lat" step={0.0001} helperText="laget.places.lat_help" />
        <NumberInput source="coordinates.lon" step={0.0001} helperText="laget.places.lon_help" />
      </Stack>
    </>
  );
}
