import { SetMetadata } from '@nestjs/common';

export { Public, IS_PUBLIC } from '../platform/http/public.decorator.js';

export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'laget:allowedBeforePasswordChange';

/** Routes a login with a one-time password may use before choosing its own (me, password, logout). */
export const AllowBeforePasswordChange = () => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);
