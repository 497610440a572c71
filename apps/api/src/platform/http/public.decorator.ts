import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'laget:isPublic';

/** Marks a controller or route as open to anyone: the authentication guard lets it through. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
