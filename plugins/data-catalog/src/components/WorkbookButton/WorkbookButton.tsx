import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { Button, CircularProgress } from '@material-ui/core';
import TableChartIcon from '@material-ui/icons/TableChart';
import { useState } from 'react';
import { dataCatalogApiRef } from '../../api';
import { saveFile } from '../../lib/saveFile';
import { readableError } from '../ActionPlanPage/writeErrors';

/**
 * Downloads the data-catalog workbook districts keep in Excel: sources and
 * elements, lineage, indicators, gaps and the action plan, as the backend
 * builds it with owners' live corrections. One district's, or the region's
 * when no district is given.
 */
export function WorkbookButton(props: {
  district?: { name: string; title: string };
}) {
  const { district } = props;
  const api = useApi(dataCatalogApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const { blob, fileName } = await api.getWorkbook(district?.name);
      saveFile(fileName, blob);
    } catch (error) {
      alertApi.post({
        message: `Could not download the workbook of ${
          district?.title ?? 'the region'
        }: ${readableError(error).message}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      variant="outlined"
      startIcon={
        busy ? <CircularProgress size={16} aria-hidden /> : <TableChartIcon />
      }
      onClick={download}
      disabled={busy}
      aria-busy={busy}
    >
      {busy ? 'Preparing workbook…' : 'Download workbook (.xlsx)'}
    </Button>
  );
}
