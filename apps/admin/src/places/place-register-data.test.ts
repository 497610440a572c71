import type { DataProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { withPlaceRegister } from './place-register-data.js';

const register = [
  { id: 'p1', name: 'Frida Hansdotter Arena', kind: 'sports_facility', retired: false, version: 4 },
  { id: 'p2', name: 'Gamla Unkan', kind: 'youth_centre', retired: true, version: 4 },
];

function fakeBase() {
  return {
    getList: vi.fn(async () => ({ data: register, total: register.length })),
    getOne: vi.fn(async () => ({ data: { id: 'org-1' } })),
    getMany: vi.fn(async () => ({ data: [] })),
  } as unknown as DataProvider & Record<'getList' | 'getOne' | 'getMany', ReturnType<typeof vi.fn>>;
}

describe('places read from the register (the API has no GET /api/places/:id)', () => {
  it('finds one place in the whole register, retired ones included', async () => {
    const base = fakeBase();
    const provider = withPlaceRegister(base);
    expect((await provider.getOne('places', { id: 'p2' })).data).toEqual(register[1]);
    expect(base.getList).toHaveBeenCalledWith(
      'places',
      expect.objectContaining({ filter: { retired: true } }),
    );
    expect(base.getOne).not.toHaveBeenCalled();
  });

  it('answers 404 for a place that is not in the register', async () => {
    const provider = withPlaceRegister(fakeBase());
    await expect(provider.getOne('places', { id: 'nowhere' })).rejects.toMatchObject({ status: 404 });
  });

  it('picks several places for references, and leaves other resources alone', async () => {
    const base = fakeBase();
    const provider = withPlaceRegister(base);
    expect((await provider.getMany('places', { ids: ['p1', 'p2', 'p9'] })).data.map((p) => p.id)).toEqual([
      'p1',
      'p2',
    ]);
    await provider.getOne('organisations', { id: 'org-1' });
    expect(base.getOne).toHaveBeenCalledWith('organisations', { id: 'org-1' });
  });
});
