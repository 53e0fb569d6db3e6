import {
  AuthService,
  BackstageCredentials,
  BackstagePrincipalTypes,
  BackstageUserPrincipal,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { permissionModuleDataCatalogPolicy } from '../permissionPolicy';

/**
 * The test kit's auth, except that a plugin calling another on a user's
 * behalf names itself as the actor, as Backstage's real tokens do. The
 * permission backend refuses a user's token without an actor for the
 * conditional decisions the data catalog asks for, so without this the
 * real permission backend could not be used.
 */
class ActorNamingAuthService implements AuthService {
  constructor(
    private readonly pluginId: string,
    private readonly inner: AuthService,
  ) {}

  authenticate(
    token: string,
    options?: { allowLimitedAccess?: boolean },
  ): Promise<BackstageCredentials> {
    return this.inner.authenticate(token, options);
  }

  isPrincipal<TType extends keyof BackstagePrincipalTypes>(
    credentials: BackstageCredentials,
    type: TType,
  ): credentials is BackstageCredentials<BackstagePrincipalTypes[TType]> {
    return this.inner.isPrincipal(credentials, type);
  }

  getNoneCredentials() {
    return this.inner.getNoneCredentials();
  }

  getOwnServiceCredentials() {
    return this.inner.getOwnServiceCredentials();
  }

  async getPluginRequestToken(
    options: Parameters<AuthService['getPluginRequestToken']>[0],
  ): Promise<{ token: string }> {
    const { onBehalfOf } = options;
    if (this.inner.isPrincipal(onBehalfOf, 'user')) {
      return {
        token: mockCredentials.user.token(onBehalfOf.principal.userEntityRef, {
          actor: { subject: `plugin:${this.pluginId}` },
        }),
      };
    }
    return this.inner.getPluginRequestToken(options);
  }

  getLimitedUserToken(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ) {
    return this.inner.getLimitedUserToken(credentials);
  }

  listPublicServiceKeys() {
    return this.inner.listPublicServiceKeys();
  }
}

const authFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory: ({ plugin }) =>
    new ActorNamingAuthService(
      plugin.getId(),
      mockServices.auth({ pluginId: plugin.getId() }),
    ),
});

/**
 * Who belongs to which group, as the catalog would tell the permission
 * backend at sign-in. The kit's user info answers the rest, and refuses
 * anyone but a user.
 */
function userInfoFactory(memberships: Record<string, string[]>) {
  const kit = mockServices.userInfo();
  return createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => ({
      async getUserInfo(credentials: BackstageCredentials) {
        const info = await kit.getUserInfo(credentials);
        return {
          ...info,
          ownershipEntityRefs: [
            ...info.ownershipEntityRefs,
            ...(memberships[info.userEntityRef] ?? []),
          ],
        };
      },
    }),
  });
}

/**
 * Decisions as production makes them: each plugin's permission client asks
 * the permission backend over HTTP, and the backend asks the portal's own
 * policy of packages/backend/src/permissionPolicy.ts.
 */
export function realPermissions(memberships: Record<string, string[]>) {
  return [
    permissionPlugin,
    permissionModuleDataCatalogPolicy,
    permissionsServiceFactory,
    authFactory,
    userInfoFactory(memberships),
  ];
}
