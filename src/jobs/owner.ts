/**
 * Who a job or stored configuration belongs to: the key that made it, and for
 * the shared demo key also the client IP. `all` sees every tenant (admin and
 * legacy keys).
 */
export interface Owner {
  keyId: string | null;
  subject: string;
  all: boolean;
}

export const SYSTEM_OWNER: Owner = { keyId: null, subject: '', all: true };
