// Names and limits of the registry, without imports: the zod schemas (shared with the browser)
// and the server-side template code both read them.
export const PROMPT_NAME_PATTERN = /^[a-z0-9._/-]+$/;
export const LABEL_PATTERN = /^[a-z0-9._-]+$/;
/** The virtual label: always the newest version, never stored, never moved by hand. */
export const LATEST = "latest";
/** Bytes of the template as JSON. */
export const MAX_TEMPLATE_BYTES = 100_000;
export const MAX_CONFIG_BYTES = 20_000;
