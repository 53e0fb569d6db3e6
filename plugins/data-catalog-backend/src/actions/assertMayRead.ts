import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';

/**
 * The routes' rule for reading, applied to an action's caller: any
 * signed-in user or backend service may read, nobody else. The actions
 * registry turns anonymous callers away already; this keeps the rule true
 * however the action is reached.
 */
export function assertMayRead(
  auth: AuthService,
  credentials: BackstageCredentials,
): void {
  if (
    auth.isPrincipal(credentials, 'user') ||
    auth.isPrincipal(credentials, 'service')
  ) {
    return;
  }
  throw new NotAllowedError(
    'Reading the data catalog needs a signed-in user or a backend service',
  );
}
