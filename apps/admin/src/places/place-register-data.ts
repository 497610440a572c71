import { type DataProvider, HttpError, type Identifier, type RaRecord } from 'react-admin';

// The register is small (hundreds of places, place-register.decider.ts) and answered whole.
const wholeRegister = {
  pagination: { page: 1, perPage: 1000 },
  sort: { field: 'name', order: 'ASC' as const },
  filter: { retired: true },
};

/**
 * The API has no `GET /api/places/:id`: a place is read from the register, retired places
 * included (an incident may still point at one). Everything else goes to the data provider as is.
 */
export function withPlaceRegister<Provider extends DataProvider>(base: Provider): Provider {
  const register = async (signal?: AbortSignal) =>
    (await base.getList<RaRecord>('places', { ...wholeRegister, signal })).data;
  return {
    ...base,
    async getOne(resource, params) {
      if (resource !== 'places') return base.getOne(resource, params);
      const place = (await register(params.signal)).find((p) => sameId(p.id, params.id));
      if (!place) throw new HttpError('Finns inte, eller så får du inte se det.', 404);
      return { data: place as never };
    },
    async getMany(resource, params) {
      if (resource !== 'places') return base.getMany(resource, params);
      const places = await register(params.signal);
      return { data: places.filter((p) => params.ids.some((id) => sameId(p.id, id))) as never[] };
    },
  };
}

const sameId = (a: Identifier, b: Identifier) => String(a) === String(b);
