/** Injection tokens of the publication module's own providers. */
export const PUBLICATION_SETTINGS = Symbol('PUBLICATION_SETTINGS');
export const PUBLICATION_ARTEFACTS = Symbol('PUBLICATION_ARTEFACTS');
