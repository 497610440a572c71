import { useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  TextField,
  Typography,
} from '@mui/material';
import { useLogin, useTranslate } from 'react-admin';

/** The login form: Swedish, labelled, and clear about locked accounts (429) versus a wrong pair (401). */
export function LoginPage() {
  const login = useLogin();
  const translate = useTranslate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await login({ username: username.trim(), password });
    } catch (caught) {
      const status = (caught as { status?: number }).status;
      setError(translate(status === 429 ? 'laget.login.too_many' : 'laget.login.wrong'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        p: 2,
        bgcolor: 'grey.100',
      }}
    >
      <Card sx={{ width: '100%', maxWidth: 400 }}>
        <CardContent>
          <Typography component="h1" variant="h5" gutterBottom>
            {translate('laget.login.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" gutterBottom>
            {translate('laget.app.tagline')}
          </Typography>
          <Box component="form" onSubmit={submit} noValidate={false} sx={{ mt: 2, display: 'grid', gap: 2 }}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <TextField
              id="username"
              name="username"
              label={translate('ra.auth.username')}
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              required
              autoFocus
            />
            <TextField
              id="password"
              name="password"
              type="password"
              label={translate('ra.auth.password')}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
            <Button
              type="submit"
              variant="contained"
              disabled={busy}
              startIcon={busy ? <CircularProgress size={18} /> : null}
            >
              {translate('ra.auth.sign_in')}
            </Button>
            <Typography variant="body2" color="text.secondary">
              {translate('laget.login.help')}
            </Typography>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}
