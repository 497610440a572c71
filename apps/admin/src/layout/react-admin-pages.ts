/**
 * react-admin's own pages for the rare routes (not found, an error, a failed authentication,
 * the OAuth callback), in a module of their own so that they load only when one is shown.
 */
export { AuthCallback, AuthenticationError, Error as ErrorPage, NotFound } from 'react-admin';
