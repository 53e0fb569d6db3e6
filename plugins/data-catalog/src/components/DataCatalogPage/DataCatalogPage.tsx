import {
  Content,
  Header,
  Page,
  TabbedLayout,
} from '@backstage/core-components';
import { ActionPlanPage } from '../ActionPlanPage';
import { DistrictGapsPage } from '../DistrictGapsPage';
import { ElementComparisonPage } from '../ElementComparisonPage';
import { RegionMatrixPage } from '../RegionMatrixPage';

/**
 * The data catalog's pages for leaders and data teams: one district's gaps,
 * the region as a matrix, the action plans and the element comparison.
 */
export function DataCatalogPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Personalized learning data"
        subtitle="Which indicators each district can measure, and what it takes to close the gaps"
      />
      <Content noPadding>
        <TabbedLayout>
          <TabbedLayout.Route path="/districts" title="District gaps">
            <DistrictGapsPage />
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/region" title="Region">
            <RegionMatrixPage />
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/actions" title="Action plans">
            <ActionPlanPage />
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/elements" title="Data elements">
            <ElementComparisonPage />
          </TabbedLayout.Route>
        </TabbedLayout>
      </Content>
    </Page>
  );
}
