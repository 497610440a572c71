import { useEffect, useState } from 'react';
import { api } from '../http.js';

export interface CategoryChoice {
  id: string;
  name: string;
}

/** The municipality's incident categories as choices (GET /api/incident-categories). */
export function useCategoryChoices(): CategoryChoice[] {
  const [choices, setChoices] = useState<CategoryChoice[]>([]);
  useEffect(() => {
    api<{ key: string; label: string }[]>('/api/incident-categories')
      .then(({ json }) =>
        setChoices(Array.isArray(json) ? json.map(({ key, label }) => ({ id: key, name: label })) : []),
      )
      .catch(() => setChoices([]));
  }, []);
  return choices;
}
