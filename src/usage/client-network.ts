import { isIPv4 } from 'node:net';
import { clientSubject } from '../ratelimit/index.js';

/**
 * The network a client address is counted under in usage aggregates: an IPv4
 * /24 or an IPv6 /48. Enough to tell one abuser's network from another's on
 * the dashboard, while no stored row names a single person's address.
 */
export function maskedNetwork(ip: string): string {
  const subject = clientSubject(ip, 48);
  if (!isIPv4(subject)) return subject.includes('/') ? subject : '';
  const [a, b, c] = subject.split('.');
  return `${a}.${b}.${c}.0/24`;
}
