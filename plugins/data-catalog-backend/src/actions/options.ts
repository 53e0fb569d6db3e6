import { AuthService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { ReadModelStore } from '../database/ReadModelStore';
import { GapService } from '../gaps/GapService';
import { LineageService } from '../lineage/LineageService';

/** The finished parts the assistant actions answer from. */
export interface DataCatalogActionsOptions {
  actionsRegistry: ActionsRegistryService;
  /** Tells a signed-in caller from an anonymous one. */
  auth: AuthService;
  readModel: ReadModelStore;
  gaps: GapService;
  lineage: LineageService;
}
