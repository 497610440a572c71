import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import { Title, useGetIdentity, useNotify, useTranslate } from 'react-admin';
import { api } from '../http.js';
import { passwordProblems } from './password.js';
import { loadMe } from './session.js';

/**
 * Change one's own password. With `forced` it stands in for every page until a person who
 * logged in with a one-time password has chosen their own (`mustChangePassword`).
 */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const translate = useTranslate();
  const notify = useNotify();
  const { refetch } = useGetIdentity();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [touched, setTouched] = useState(false);
  const [serverError, setServerError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const problems = passwordProblems(values);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setServerError(undefined);
    try {
      await api('/api/auth/password', {
        method: 'POST',
        body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
      });
      await loadMe(true);
      await refetch();
      notify('laget.password.changed', { type: 'success' });
      setValues({ currentPassword: '', newPassword: '', repeat: '' });
      setTouched(false);
    } catch (caught) {
      setServerError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const field = (name: keyof typeof values, label: string, autoComplete: string, helper?: string) => {
    const problem = touched ? problems[name] : undefined;
    return (
      <TextField
        id={`password-${name}`}
        name={name}
        type="password"
        label={translate(label)}
        autoComplete={autoComplete}
        value={values[name]}
        onChange={(e) => setValues({ ...values, [name]: e.target.value })}
        error={Boolean(problem)}
        helperText={problem ? translate(`laget.password.${problem}`) : helper ? translate(helper) : undefined}
        required
      />
    );
  };

  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', p: { xs: 1, sm: 3 } }}>
      <Title title={translate('laget.password.title')} />
      <Card sx={{ width: '100%', maxWidth: 480 }}>
        <CardContent>
          <Typography component="h1" variant="h5" gutterBottom>
            {translate('laget.password.title')}
          </Typography>
          {forced && (
            <Alert severity="info" sx={{ mb: 2 }}>
              {translate('laget.password.forced')}
            </Alert>
          )}
          <Box component="form" onSubmit={submit} noValidate sx={{ display: 'grid', gap: 2 }}>
            {serverError && (
              <Alert severity="error" role="alert">
                {serverError}
              </Alert>
            )}
            {field('currentPassword', 'laget.password.current', 'current-password')}
            {field('newPassword', 'laget.password.new', 'new-password', 'laget.password.hint')}
            {field('repeat', 'laget.password.repeat', 'new-password')}
            <Button type="submit" variant="contained" disabled={busy}>
              {translate('laget.password.save')}
            </Button>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}
