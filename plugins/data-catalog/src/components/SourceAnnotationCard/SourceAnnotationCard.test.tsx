import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  configure,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  Annotation,
  DataCatalogApi,
  dataCatalogApiRef,
  HistoryEntry,
} from '../../api';
import { SourceAnnotationCard } from './SourceAnnotationCard';

// MUI selects, popovers and tables are slow in jsdom, more so on a busy
// machine: no delay between keys, and room beyond jest's five seconds.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 5_000 });

let user: ReturnType<typeof userEvent.setup>;
beforeEach(() => {
  user = userEvent.setup({ delay: null });
});

const REF = 'datasource:default/cedar-point-sis';

const entity: Entity = {
  apiVersion: 'datacatalog.k12.dev/v1alpha1',
  kind: 'DataSource',
  metadata: { name: 'cedar-point-sis', title: 'Cedar Point Infinite Campus' },
  spec: {
    type: 'sis',
    category: 'administrative',
    lifecycle: 'production',
    owner: 'group:cedar-point-it',
    district: 'group:cedar-point',
    access: { method: 'api', frequency: 'daily' },
    linkableByStudentId: true,
    coverage: { grades: ['K', '1', '2'], years: ['2024-25'] },
    privacy: 'sensitive-pii',
    provides: [
      {
        element: 'dataelement:daily-attendance-status',
        field: 'attendance.status',
      },
      {
        element: 'dataelement:home-internet-access',
        field: 'olr.internetAtHome',
      },
      {
        element: 'dataelement:personalized-section-designation',
        field: 'section.customPLFlag',
      },
    ],
  },
};

const stored: Annotation = {
  kind: 'source',
  subject: REF,
  district: 'group:default/cedar-point',
  notes: 'Attendance codes were remapped in August.',
  lastVerified: '2025-03-04',
  qualityRating: 4,
  corrections: [
    {
      element: 'dataelement:default/home-internet-access',
      status: 'partial',
      reason: 'Only asked of families who re-registered online.',
    },
  ],
  version: 3,
  updatedBy: 'user:default/benedict-oyelaran',
  updatedAt: '2025-03-05T15:00:00.000Z',
};

const history: HistoryEntry[] = [
  {
    id: 12,
    subjectType: 'annotation',
    subjectId: `source:${REF}`,
    district: 'group:default/cedar-point',
    change: 'update',
    before: { ...stored, qualityRating: 3, corrections: [] },
    after: stored,
    changedBy: 'user:default/benedict-oyelaran',
    changedAt: '2025-03-05T15:00:00.000Z',
  },
];

function mockApi(): jest.Mocked<DataCatalogApi> {
  return {
    listDistricts: jest.fn(),
    getDistrictGaps: jest.fn(),
    getDistrictIndicatorGaps: jest.fn(),
    getIndicatorAvailability: jest.fn(),
    getRegionMatrix: jest.fn(),
    getLineage: jest.fn(),
    getProgress: jest.fn(),
    getStatusChanges: jest.fn(),
    compareElements: jest.fn(),
    getSourceAnnotation: jest.fn().mockResolvedValue(stored),
    putSourceAnnotation: jest.fn(),
    getIndicatorAnnotation: jest.fn(),
    putIndicatorAnnotation: jest.fn(),
    listActionItems: jest.fn(),
    createActionItem: jest.fn(),
    updateActionItem: jest.fn(),
    listHistory: jest.fn().mockResolvedValue(history),
    getWriteAccess: jest.fn().mockResolvedValue({
      subject: REF,
      allowed: true,
      writers: ['group:default/cedar-point-it'],
    }),
    getWorkbook: jest.fn(),
  };
}

/** A failed response as the client raises it, with the backend's error. */
async function responseError(status: number, name: string, message: string) {
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText: name,
    redirected: false,
    type: 'basic',
    url: `http://localhost/api/data-catalog/annotations/sources/default/cedar-point-sis`,
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () =>
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
  } as any);
}

async function renderCard(api: DataCatalogApi) {
  await renderInTestApp(
    <TestApiProvider apis={[[dataCatalogApiRef, api]]}>
      <EntityProvider entity={entity}>
        <SourceAnnotationCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

function valueOf(term: string): HTMLElement {
  const dt = screen.getByText(term, { selector: 'dt' });
  return dt.nextElementSibling as HTMLElement;
}

async function choose(select: RegExp, option: RegExp | string) {
  await user.click(screen.getByRole('button', { name: select }));
  const listbox = await screen.findByRole('listbox');
  await user.click(within(listbox).getByRole('option', { name: option }));
  await waitFor(() =>
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument(),
  );
}

describe('SourceAnnotationCard', () => {
  it('shows the annotation and its history to a reader, and who may write', async () => {
    const api = mockApi();
    api.getWriteAccess.mockResolvedValue({
      subject: REF,
      allowed: false,
      writers: [
        'group:default/cedar-point-it',
        'group:default/cedar-point-data-team',
      ],
    });
    await renderCard(api);

    expect(await screen.findByText(/remapped in August/)).toBeInTheDocument();
    expect(api.getSourceAnnotation).toHaveBeenCalledWith(REF);
    expect(api.getWriteAccess).toHaveBeenCalledWith(REF);
    expect(api.listHistory).toHaveBeenCalledWith(
      expect.objectContaining({
        subjectType: 'annotation',
        subjectId: `source:${REF}`,
      }),
    );

    expect(valueOf('Last verified')).toHaveTextContent('Mar 4, 2025');
    expect(valueOf('Quality')).toHaveTextContent('4 of 5 (very good)');
    expect(valueOf('Corrections')).toHaveTextContent(
      'home-internet-access partly usable: Only asked of families who re-registered online.',
    );
    expect(
      within(valueOf('Corrections')).getByRole('link', {
        name: 'home-internet-access',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/dataelement/home-internet-access',
    );

    expect(await screen.findByText(/Only members of/)).toHaveTextContent(
      'Read only. Only members of cedar-point-it or cedar-point-data-team can change this.',
    );
    expect(
      screen.queryByRole('button', { name: /Edit/ }),
    ).not.toBeInTheDocument();

    const changes = await screen.findByRole('region', {
      name: 'Change history',
    });
    const [entry] = within(changes).getAllByRole('listitem');
    expect(entry).toHaveTextContent(/benedict-oyelaran on Mar 5, 2025/);
    expect(entry).toHaveTextContent(
      'changed quality from 3 of 5 (good) to 4 of 5 (very good); marked home-internet-access partly usable',
    );
  });

  it('lets a writer edit and saves the values with the version read', async () => {
    const api = mockApi();
    const saved: Annotation = {
      ...stored,
      notes: 'Checked against the state extract.',
      lastVerified: '2025-04-01',
      qualityRating: 5,
      corrections: [
        {
          element: 'dataelement:default/home-internet-access',
          status: 'partial',
          reason: 'Only asked of families who re-registered online.',
        },
        {
          element: 'dataelement:default/personalized-section-designation',
          status: 'unusable',
          reason: 'Flag not set since the upgrade.',
        },
      ],
      version: 4,
    };
    api.putSourceAnnotation.mockResolvedValue(saved);
    await renderCard(api);

    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const notes = screen.getByRole('textbox', { name: 'Notes' });
    await user.clear(notes);
    await user.type(notes, 'Checked against the state extract.');
    fireEvent.change(screen.getByLabelText('Last verified'), {
      target: { value: '2025-04-01' },
    });
    await choose(/Quality rating/, '5: excellent');
    await user.click(screen.getByRole('button', { name: 'Add a correction' }));
    await choose(
      /Element of correction 2/,
      'personalized-section-designation (section.customPLFlag)',
    );
    await user.type(
      screen.getByRole('textbox', { name: /Reason for correction 2/ }),
      'Flag not set since the upgrade.',
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.putSourceAnnotation).toHaveBeenCalledWith(REF, {
        version: 3,
        notes: 'Checked against the state extract.',
        lastVerified: '2025-04-01',
        qualityRating: 5,
        corrections: [
          {
            element: 'dataelement:default/home-internet-access',
            status: 'partial',
            reason: 'Only asked of families who re-registered online.',
          },
          {
            element: 'dataelement:default/personalized-section-designation',
            status: 'unusable',
            reason: 'Flag not set since the upgrade.',
          },
        ],
      }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    expect(valueOf('Quality')).toHaveTextContent('5 of 5 (excellent)');
    expect(valueOf('Corrections')).toHaveTextContent(
      'personalized-section-designation unusable: Flag not set since the upgrade.',
    );
    expect(api.listHistory).toHaveBeenCalledTimes(2);
  });

  it('clears fields and removes corrections', async () => {
    const api = mockApi();
    api.putSourceAnnotation.mockResolvedValue({
      ...stored,
      notes: undefined,
      qualityRating: undefined,
      corrections: [],
      version: 4,
    });
    await renderCard(api);

    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.clear(screen.getByRole('textbox', { name: 'Notes' }));
    await choose(/Quality rating/, 'Not rated');
    await user.click(
      screen.getByRole('button', { name: 'Remove correction 1' }),
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.putSourceAnnotation).toHaveBeenCalledWith(REF, {
        version: 3,
        lastVerified: '2025-03-04',
        corrections: [],
      }),
    );
    expect(await screen.findByText('No notes yet')).toBeInTheDocument();
  });

  it('asks for a reason before saving a correction', async () => {
    const api = mockApi();
    await renderCard(api);

    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.click(screen.getByRole('button', { name: 'Add a correction' }));
    await choose(/Element of correction 2/, /daily-attendance-status/);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(
      screen.getByText('Say why, so others can judge the correction'),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Fix the marked corrections first; nothing was saved.',
    );
    expect(api.putSourceAnnotation).not.toHaveBeenCalled();
  });

  it('shows what changed after a conflict and applies the user’s values again', async () => {
    const api = mockApi();
    const latest: Annotation = {
      ...stored,
      notes: 'Codes remapped again in January.',
      qualityRating: 2,
      version: 5,
      updatedBy: 'user:default/ada-quill',
      updatedAt: '2025-03-06T15:00:00.000Z',
    };
    api.getSourceAnnotation
      .mockResolvedValueOnce(stored)
      .mockResolvedValueOnce(latest);
    api.putSourceAnnotation
      .mockRejectedValueOnce(
        await responseError(
          409,
          'ConflictError',
          'The annotation on datasource:default/cedar-point-sis changed since version 3 was read; nothing was saved.',
        ),
      )
      .mockResolvedValueOnce({
        ...latest,
        notes: 'My careful note.',
        version: 6,
      });
    await renderCard(api);

    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const notes = screen.getByRole('textbox', { name: 'Notes' });
    await user.clear(notes);
    await user.type(notes, 'My careful note.');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const panel = await screen.findByRole('alert');
    expect(panel).toHaveTextContent(
      'Someone else saved these notes while you were editing',
    );
    expect(panel).toHaveTextContent(/version 5, saved by ada-quill/);
    const comparison = within(panel).getByRole('table', {
      name: 'Saved values beside yours',
    });
    const notesRow = within(comparison).getByRole('row', { name: /^Notes/ });
    expect(notesRow).toHaveTextContent('Notes (differs)');
    expect(notesRow).toHaveTextContent('Codes remapped again in January.');
    expect(notesRow).toHaveTextContent('My careful note.');
    expect(
      within(comparison).getByRole('row', { name: /^Quality/ }),
    ).toHaveTextContent('Quality (differs)2 of 5 (fair)4 of 5 (very good)');
    expect(
      within(comparison).getByRole('row', { name: /^Last verified/ }),
    ).not.toHaveTextContent('differs');
    expect(api.getSourceAnnotation).toHaveBeenCalledTimes(2);

    await user.click(
      within(panel).getByRole('button', { name: 'Apply my changes again' }),
    );

    await waitFor(() =>
      expect(api.putSourceAnnotation).toHaveBeenCalledTimes(2),
    );
    expect(api.putSourceAnnotation.mock.calls[0][1].version).toBe(3);
    expect(api.putSourceAnnotation).toHaveBeenLastCalledWith(REF, {
      version: 5,
      notes: 'My careful note.',
      lastVerified: '2025-03-04',
      qualityRating: 4,
      corrections: stored.corrections,
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    expect(valueOf('Notes')).toHaveTextContent('My careful note.');
  });

  it('can start over from the version someone else saved', async () => {
    const api = mockApi();
    const latest = { ...stored, notes: 'Their note.', version: 5 };
    api.getSourceAnnotation
      .mockResolvedValueOnce(stored)
      .mockResolvedValueOnce(latest);
    api.putSourceAnnotation.mockRejectedValueOnce(
      Object.assign(new Error('Conflict'), { name: 'ConflictError' }),
    );
    await renderCard(api);

    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.type(screen.getByRole('textbox', { name: 'Notes' }), ' Mine.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(
      await screen.findByRole('button', {
        name: 'Start over from the saved version',
      }),
    );

    expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveValue(
      'Their note.',
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.putSourceAnnotation).toHaveBeenLastCalledWith(
        REF,
        expect.objectContaining({ version: 5, notes: 'Their note.' }),
      ),
    );
  });

  it('shows a refusal in the form and keeps the user’s values', async () => {
    const api = mockApi();
    api.putSourceAnnotation.mockRejectedValueOnce(
      await responseError(
        403,
        'NotAllowedError',
        'Only members of group:default/cedar-point-it may change datasource:default/cedar-point-sis',
      ),
    );
    await renderCard(api);

    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.type(screen.getByRole('textbox', { name: 'Notes' }), ' More.');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You may not change these notes: Only members of group:default/cedar-point-it may change',
    );
    expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveValue(
      'Attendance codes were remapped in August. More.',
    );
  });

  it('shows a rejected body and a network failure in the form', async () => {
    const api = mockApi();
    api.putSourceAnnotation
      .mockRejectedValueOnce(
        await responseError(
          400,
          'InputError',
          'Invalid request body: corrections.0.element: dataelement:default/x is not provided by datasource:default/cedar-point-sis',
        ),
      )
      .mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await renderCard(api);

    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The data catalog did not accept the change: Invalid request body: corrections.0.element',
    );

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Could not reach the data catalog (Failed to fetch)',
      ),
    );
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
  });

  it('shows a failed load instead of an empty annotation', async () => {
    const api = mockApi();
    api.getSourceAnnotation.mockRejectedValue(
      await responseError(
        404,
        'NotFoundError',
        'No data source datasource:default/cedar-point-sis in the catalog',
      ),
    );
    await renderCard(api);

    expect(
      (
        await screen.findAllByText(
          /No data source datasource:default\/cedar-point-sis/,
        )
      )[0],
    ).toBeInTheDocument();
    expect(screen.queryByText('No notes yet')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Edit' }),
    ).not.toBeInTheDocument();
  });
});
