import { Link } from '@backstage/core-components';
import {
  EntityRefLink,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import { Annotation } from '@internal/plugin-data-catalog-common';
import { makeStyles, Typography } from '@material-ui/core';
import { ReactNode } from 'react';
import { formatTime } from '../../lib/formatTime';
import { elementRef } from '../ProvidedElementsCard/elementRows';
import {
  CORRECTION_STATUS_LABELS,
  formatDay,
  ratingText,
} from './annotationValues';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8rem, max-content) minmax(0, 1fr)',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(1),
    margin: 0,
  },
  term: {
    fontWeight: theme.typography.fontWeightBold as number,
    color: theme.palette.text.secondary,
  },
  value: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  notes: { whiteSpace: 'pre-wrap' },
  corrections: { margin: 0, paddingLeft: theme.spacing(2.5) },
  updated: { marginTop: theme.spacing(2), color: theme.palette.text.secondary },
}));

/** An annotation, read only. */
export function AnnotationView(props: { annotation: Annotation }) {
  const classes = useStyles();
  const { annotation } = props;

  return (
    <>
      <dl className={classes.list}>
        <Fact label="Notes">
          {annotation.notes ? (
            <span className={classes.notes}>{annotation.notes}</span>
          ) : (
            'No notes yet'
          )}
        </Fact>
        <Fact label="Last verified">
          {annotation.lastVerified
            ? formatDay(annotation.lastVerified)
            : 'Never recorded'}
        </Fact>
        <Fact label="Quality">
          {annotation.qualityRating
            ? ratingText(annotation.qualityRating)
            : 'Not rated'}
        </Fact>
        <Fact label="Corrections">
          {annotation.corrections.length === 0 ? (
            'None: the catalog YAML stands as written'
          ) : (
            <ul className={classes.corrections}>
              {annotation.corrections.map(correction => (
                <li key={correction.element}>
                  <ElementName refString={correction.element} />{' '}
                  {CORRECTION_STATUS_LABELS[correction.status] ??
                    correction.status}
                  : {correction.reason}
                </li>
              ))}
            </ul>
          )}
        </Fact>
      </dl>
      <Typography variant="body2" className={classes.updated}>
        {annotation.version > 0 && annotation.updatedBy ? (
          <>
            Last changed by{' '}
            <EntityRefLink
              entityRef={annotation.updatedBy}
              defaultKind="user"
            />
            {annotation.updatedAt && ` on ${formatTime(annotation.updatedAt)}`}
          </>
        ) : (
          'Nobody has annotated this source yet.'
        )}
      </Typography>
    </>
  );
}

function Fact(props: { label: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <>
      <Typography component="dt" variant="body2" className={classes.term}>
        {props.label}
      </Typography>
      <Typography component="dd" variant="body2" className={classes.value}>
        {props.children}
      </Typography>
    </>
  );
}

/** An element's name linked to its page. */
export function ElementName(props: { refString: string }) {
  const entityLink = useEntityRefLink();
  const ref = elementRef(props.refString);
  const name = ref.slice(ref.indexOf('/') + 1);

  try {
    return <Link to={entityLink(ref)}>{name}</Link>;
  } catch {
    return <>{name}</>;
  }
}
