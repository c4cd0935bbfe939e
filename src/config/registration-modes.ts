/**
 * How self-service registration answers: `open` issues working keys, `approval` keeps them pending
 * until an administrator approves them, `off` answers 404. `SELF_SERVICE_REGISTRATION` is the
 * default; an administrator's choice stored in the database overrides it (`src/settings`).
 * A file of its own, importing nothing, so the CLI can parse a mode without loading the config schema.
 */
export const REGISTRATION_MODES = ['open', 'approval', 'off'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];
