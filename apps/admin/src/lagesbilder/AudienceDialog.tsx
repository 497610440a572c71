import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { ROLE_NAMES, type IncidentItem, type LagesbildDocument } from '@laget/contracts';
import { useTranslate } from 'react-admin';
import { audienceNameFrom, audienceProblems, toggled, type AudienceProblem } from './audience-form.js';
import type { Audience } from '@laget/contracts';

const empty: Audience = {
  name: '',
  title: '',
  organisationIds: [],
  roles: [],
  sectionIds: [],
  incidentIds: null,
};

/** The roles that read contents; an admin reads none (DESIGN.md), so a target group for admins is no group. */
const audienceRoles = ROLE_NAMES.filter((role) => role !== 'admin');

function Choices({ legend, problem, children }: { legend: string; problem?: string; children: ReactNode }) {
  return (
    <FormControl component="fieldset" error={Boolean(problem)} variant="standard">
      <FormLabel component="legend">{legend}</FormLabel>
      <FormGroup>{children}</FormGroup>
      {problem && <FormHelperText>{problem}</FormHelperText>}
    </FormControl>
  );
}

/**
 * A target-group internal version: who reads it (organisations and/or roles) and which sections,
 * and of the incident table all incidents or chosen ones. A new one gets its name from its title;
 * an existing one keeps its name, which readers' links use.
 */
export function AudienceDialog({
  open,
  initial,
  doc,
  organisations,
  existingNames,
  error,
  onClose,
  onSave,
}: {
  open: boolean;
  /** The target group being changed; absent for a new one. */
  initial: Audience | undefined;
  doc: LagesbildDocument;
  organisations: { id: string; name: string }[];
  existingNames: string[];
  error?: string;
  onClose: () => void;
  onSave: (audience: Audience) => Promise<boolean>;
}) {
  const translate = useTranslate();
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const creating = !initial;
  const [form, setForm] = useState<Audience>(empty);
  const [nameEdited, setNameEdited] = useState(false);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setForm(initial ? structuredClone(initial) : empty);
    setNameEdited(false);
    setTouched(false);
  }, [open, initial]);

  const problems = audienceProblems(form, { existingNames, creating });
  const problem = (...which: AudienceProblem[]) => {
    const found = which.find((p) => problems.includes(p));
    return touched && found ? translate(`laget.lagesbild.audience_problem_${found}`) : undefined;
  };
  const incidents = (doc.sections.find((s) => s.kind === 'incidents')?.items ?? []) as IncidentItem[];
  const incidentSection = doc.sections.find((s) => s.kind === 'incidents');
  const showsIncidents = Boolean(incidentSection && form.sectionIds.includes(incidentSection.id));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      if (await onSave({ ...form, title: form.title.trim() })) onClose();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="md"
      fullScreen={phone}
      aria-labelledby="audience-title"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="audience-title">
          {translate(creating ? 'laget.lagesbild.audience_new' : 'laget.lagesbild.audience_edit')}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <TextField
              id="audience-title-field"
              label={translate('laget.lagesbild.audience_title')}
              value={form.title}
              required
              error={Boolean(problem('title'))}
              helperText={problem('title') ?? translate('laget.lagesbild.audience_title_help')}
              onChange={(e) => {
                const title = e.target.value;
                setForm({
                  ...form,
                  title,
                  ...(creating && !nameEdited ? { name: audienceNameFrom(title) } : {}),
                });
              }}
            />
            <TextField
              id="audience-name-field"
              label={translate('laget.lagesbild.audience_name')}
              value={form.name}
              required
              disabled={!creating}
              error={Boolean(problem('name', 'name_taken'))}
              helperText={problem('name', 'name_taken') ?? translate('laget.lagesbild.audience_name_help')}
              onChange={(e) => {
                setNameEdited(true);
                setForm({ ...form, name: e.target.value });
              }}
            />
            <Choices
              legend={translate('laget.lagesbild.audience_organisations')}
              problem={problem('members')}
            >
              {organisations.map((organisation) => (
                <FormControlLabel
                  key={organisation.id}
                  label={organisation.name}
                  control={
                    <Checkbox
                      checked={form.organisationIds.includes(organisation.id)}
                      onChange={(e) =>
                        setForm({
                          ...form,
                          organisationIds: toggled(form.organisationIds, organisation.id, e.target.checked),
                        })
                      }
                    />
                  }
                />
              ))}
            </Choices>
            <Choices legend={translate('laget.lagesbild.audience_roles')}>
              {audienceRoles.map((role) => (
                <FormControlLabel
                  key={role}
                  label={translate(`laget.roles.${role}`)}
                  control={
                    <Checkbox
                      checked={form.roles.includes(role)}
                      onChange={(e) =>
                        setForm({ ...form, roles: toggled(form.roles, role, e.target.checked) })
                      }
                    />
                  }
                />
              ))}
            </Choices>
            <Choices legend={translate('laget.lagesbild.audience_sections')} problem={problem('sections')}>
              {doc.sections.map((section) => (
                <FormControlLabel
                  key={section.id}
                  label={section.title}
                  control={
                    <Checkbox
                      checked={form.sectionIds.includes(section.id)}
                      onChange={(e) =>
                        setForm({
                          ...form,
                          sectionIds: toggled(form.sectionIds, section.id, e.target.checked),
                        })
                      }
                    />
                  }
                />
              ))}
            </Choices>
            {showsIncidents && (
              <FormControl component="fieldset" error={Boolean(problem('incidents'))}>
                <FormLabel component="legend">{translate('laget.lagesbild.audience_incidents')}</FormLabel>
                <RadioGroup
                  value={form.incidentIds === null ? 'all' : 'chosen'}
                  onChange={(e) =>
                    setForm({
                      ...form,
                      incidentIds: e.target.value === 'all' ? null : (form.incidentIds ?? []),
                    })
                  }
                >
                  <FormControlLabel
                    value="all"
                    control={<Radio />}
                    label={translate('laget.lagesbild.audience_incidents_all')}
                  />
                  <FormControlLabel
                    value="chosen"
                    control={<Radio />}
                    label={translate('laget.lagesbild.audience_incidents_chosen')}
                  />
                </RadioGroup>
                {form.incidentIds !== null && (
                  <FormGroup sx={{ pl: 3 }}>
                    {incidents.map((incident) => (
                      <FormControlLabel
                        key={incident.id}
                        label={`${incident.problem} (${incident.organisationName})`}
                        control={
                          <Checkbox
                            checked={form.incidentIds?.includes(incident.id) ?? false}
                            onChange={(e) =>
                              setForm({
                                ...form,
                                incidentIds: toggled(form.incidentIds ?? [], incident.id, e.target.checked),
                              })
                            }
                          />
                        }
                      />
                    ))}
                  </FormGroup>
                )}
                {problem('incidents') && <FormHelperText>{problem('incidents')}</FormHelperText>}
              </FormControl>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {translate('ra.action.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
