/** Injection tokens of the publication module's own providers. */
export const PUBLICATION_SETTINGS = Symbol('PUBLICATION_SETTINGS');
export const PUBLICATION_ARTEFACTS = Symbol('PUBLICATION_ARTEFACTS');
/** The public site's municipality and base URL (`PublicSite`), for the public pages' queries. */
export const PUBLIC_SITE = Symbol('PUBLIC_SITE');
