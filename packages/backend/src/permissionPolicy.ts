import {
  coreServices,
  createBackendModule,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  createDataCatalogConditionalDecision,
  dataCatalogConditions,
} from '@internal/plugin-data-catalog-backend';
import { dataCatalogWritePermission } from '@internal/plugin-data-catalog-common';

/**
 * The portal's policy: every signed-in user reads everything; only the
 * owners of a data source, or members of its district's data team, write
 * its annotations, corrections and action items.
 */
export class DataCatalogPermissionPolicy implements PermissionPolicy {
  constructor(private readonly userInfo: UserInfoService) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!isPermission(request.permission, dataCatalogWritePermission)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }

    const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
      user.credentials,
    );
    return createDataCatalogConditionalDecision(
      request.permission,
      dataCatalogConditions.isSubjectWriter({ claims: ownershipEntityRefs }),
    );
  }
}

/** Installs {@link DataCatalogPermissionPolicy} in the permission backend. */
export const permissionModuleDataCatalogPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'data-catalog-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, userInfo }) {
        policy.setPolicy(new DataCatalogPermissionPolicy(userInfo));
      },
    });
  },
});
