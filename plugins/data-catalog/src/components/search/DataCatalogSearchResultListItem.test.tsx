import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { DataCatalogSearchResultListItem } from './DataCatalogSearchResultListItem';

// A document as the data catalog's collator writes it.
const source = {
  title: 'Larkspur student information system',
  text: [
    'Enrollment and attendance for every Larkspur student.',
    'Brightfield Software',
    'Daily attendance status, CEDS 000076, Attendance Status (DailyAttendanceCode)',
  ].join('\n'),
  location: '/catalog/default/datasource/larkspur-sis',
  kind: 'DataSource',
  entityRef: 'datasource:default/larkspur-sis',
  summary: 'Enrollment and attendance for every Larkspur student.',
  district: 'group:default/larkspur',
  districtTitle: 'Larkspur Central School District',
  stage: '',
  construct: '',
  lifecycle: 'deprecated',
  sourceType: 'sis',
  vendor: 'Brightfield Software',
  domain: '',
  cedsId: '',
};

const indicator = {
  ...source,
  title: 'Students using a platform 30 minutes a week',
  text: 'Share of rostered students with 30 or more platform minutes a week.',
  location: '/catalog/default/indicator/weekly-platform-use',
  kind: 'Indicator',
  entityRef: 'indicator:default/weekly-platform-use',
  summary: 'Share of rostered students with 30 or more platform minutes.',
  district: '',
  districtTitle: '',
  stage: 'participation',
  construct: 'personal-learning-paths',
  lifecycle: '',
  sourceType: '',
  vendor: '',
};

describe('a data catalog search result', () => {
  it("links a source's title to its page and shows its kind, district and lifecycle", async () => {
    await renderInTestApp(<DataCatalogSearchResultListItem result={source} />);

    expect(
      screen.getByRole('link', {
        name: 'Larkspur student information system',
      }),
    ).toHaveAttribute('href', '/catalog/default/datasource/larkspur-sis');
    expect(
      screen.getByText('Enrollment and attendance for every Larkspur student.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Data source')).toBeInTheDocument();
    expect(
      screen.getByText('Larkspur Central School District'),
    ).toBeInTheDocument();
    expect(screen.getByText('Deprecated')).toBeInTheDocument();
  });

  it("shows an indicator's stage and construct by name", async () => {
    await renderInTestApp(
      <DataCatalogSearchResultListItem result={indicator} />,
    );

    expect(screen.getByText('Indicator')).toBeInTheDocument();
    expect(screen.getByText('Participation')).toBeInTheDocument();
    expect(screen.getByText('Personal learning paths')).toBeInTheDocument();
    expect(screen.queryByText('participation')).not.toBeInTheDocument();
  });

  it('shows the line that matched when the summary does not say it', async () => {
    const highlight = {
      preTag: '<mark-1>',
      postTag: '</mark-1>',
      fields: {
        text: source.text.replace('000076', '<mark-1>000076</mark-1>'),
      },
    };

    await renderInTestApp(
      <DataCatalogSearchResultListItem result={source} highlight={highlight} />,
    );

    expect(screen.getByText('000076')).toBeInTheDocument();
    expect(
      screen.getByText(/Daily attendance status, CEDS/),
    ).toBeInTheDocument();
    // Only the matching line, not the whole indexed text.
    expect(screen.queryByText('Brightfield Software')).not.toBeInTheDocument();
  });

  it('does not repeat the summary when the match is in the description', async () => {
    const highlight = {
      preTag: '<mark-1>',
      postTag: '</mark-1>',
      fields: {
        text: source.text.replace('attendance', '<mark-1>attendance</mark-1>'),
      },
    };

    await renderInTestApp(
      <DataCatalogSearchResultListItem result={source} highlight={highlight} />,
    );

    expect(screen.getAllByText(/Enrollment and/)).toHaveLength(1);
  });

  it('renders nothing without a document', async () => {
    const { container } = await renderInTestApp(
      <DataCatalogSearchResultListItem />,
    );

    expect(container).toBeEmptyDOMElement();
  });
});
