import { MenuItem, TextField } from '@mui/material';
import type { IncidentCategory, OrganisationDto } from '@laget/contracts';
import { useTranslate } from 'react-admin';
import { useChoices } from './useGet.js';

export interface CategoryOrganisationFilter {
  category?: string | undefined;
  organisationId?: string | undefined;
}

/**
 * The two filters Analys and Karta share: the municipality's incident category and the reporting
 * organisation, each with "all" first. `scope` is the page's i18n namespace and id prefix
 * (`laget.analysis.category`, `#analysis-category`), so each page keeps its own words.
 */
export function CategoryOrganisationFields({
  scope,
  filter,
  onChange,
}: {
  scope: 'analysis' | 'map';
  filter: CategoryOrganisationFilter;
  onChange: (key: keyof CategoryOrganisationFilter, value: string | undefined) => void;
}) {
  const translate = useTranslate();
  const categories = useChoices<IncidentCategory>('/api/incident-categories');
  const organisations = useChoices<OrganisationDto>('/api/organisations?perPage=500&sort=name&order=ASC');
  const field = (
    key: keyof CategoryOrganisationFilter,
    name: string,
    options: { id: string; label: string }[],
  ) => (
    <TextField
      id={`${scope}-${name}`}
      select
      label={translate(`laget.${scope}.${name}`)}
      value={filter[key] ?? ''}
      onChange={(e) => onChange(key, e.target.value || undefined)}
      size="small"
      sx={{ minWidth: 180 }}
    >
      <MenuItem value="">{translate(`laget.${scope}.all`)}</MenuItem>
      {options.map((option) => (
        <MenuItem key={option.id} value={option.id}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <>
      {field(
        'category',
        'category',
        categories.map((c) => ({ id: c.key, label: c.label })),
      )}
      {field(
        'organisationId',
        'organisation',
        organisations.map((o) => ({ id: o.id, label: o.name })),
      )}
    </>
  );
}
