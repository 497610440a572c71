import type { IncidentCategory } from '@laget/contracts';
import { useChoices } from '../shared/useGet.js';

export interface CategoryChoice {
  id: string;
  name: string;
}

/** The municipality's incident categories as choices (GET /api/incident-categories). */
export function useCategoryChoices(): CategoryChoice[] {
  return useChoices<IncidentCategory>('/api/incident-categories').map(({ key, label }) => ({
    id: key,
    name: label,
  }));
}
