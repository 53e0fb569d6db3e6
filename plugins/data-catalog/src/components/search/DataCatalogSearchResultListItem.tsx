import { Link } from '@backstage/core-components';
import {
  DataCatalogSearchFields,
  IndicatorConstruct,
  IndicatorStage,
} from '@internal/plugin-data-catalog-common';
import {
  Box,
  Chip,
  ListItemIcon,
  ListItemText,
  makeStyles,
  Typography,
} from '@material-ui/core';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import { BaseSearchResultListItemProps } from '@backstage/plugin-search-react/alpha';
import {
  CONSTRUCT_LABELS,
  KIND_LABELS,
  LIFECYCLE_LABELS,
  STAGE_LABELS,
} from './labels';

/** The search engine's highlight of the matched words, when it gives one. */
type ResultHighlight = {
  preTag: string;
  postTag: string;
  fields: Record<string, string>;
};

/** Props of {@link DataCatalogSearchResultListItem}. */
export type DataCatalogSearchResultListItemProps =
  BaseSearchResultListItemProps<{ highlight?: ResultHighlight }>;

const useStyles = makeStyles(theme => ({
  summary: {
    display: '-webkit-box',
    WebkitBoxOrient: 'vertical',
    WebkitLineClamp: 3,
    overflow: 'hidden',
  },
  matches: { marginTop: theme.spacing(0.5) },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    marginTop: theme.spacing(1),
  },
}));

// At most this many lines of the matched text are shown: the one that
// explains the match (an element's CEDS id, a field name) is usually first.
const MATCHED_LINES = 2;

/**
 * The lines of the indexed text that hold a highlighted match, for results
 * found by something the summary does not say.
 */
function matchedLines(
  highlight: ResultHighlight | undefined,
  summary: string | undefined,
): string[] {
  const text = highlight?.fields.text;
  if (!text) {
    return [];
  }
  const plain = (line: string) =>
    line.split(highlight.preTag).join('').split(highlight.postTag).join('');
  // A match in the description would only repeat the summary above it.
  return text
    .split('\n')
    .filter(line => line.includes(highlight.preTag))
    .filter(line => !summary || !summary.includes(plain(line).trim()))
    .slice(0, MATCHED_LINES);
}

/**
 * A data source, element or indicator in the search results: its title,
 * linked to its entity page, its summary, the lines that matched, and
 * chips for kind, district, stage and construct.
 */
export function DataCatalogSearchResultListItem(
  props: DataCatalogSearchResultListItemProps,
) {
  const { result, highlight, icon } = props;
  const classes = useStyles();
  if (!result) {
    return null;
  }

  const fields = result as typeof result & Partial<DataCatalogSearchFields>;
  const chips = [
    fields.kind && KIND_LABELS[fields.kind],
    fields.districtTitle || fields.district,
    fields.stage && STAGE_LABELS[fields.stage as IndicatorStage],
    fields.construct &&
      CONSTRUCT_LABELS[fields.construct as IndicatorConstruct],
    fields.cedsId && `CEDS ${fields.cedsId}`,
    fields.lifecycle &&
      LIFECYCLE_LABELS[fields.lifecycle as keyof typeof LIFECYCLE_LABELS],
  ].filter((chip): chip is string => Boolean(chip));
  const matches = matchedLines(highlight, fields.summary);

  return (
    <>
      {icon && <ListItemIcon>{icon}</ListItemIcon>}
      <ListItemText
        primaryTypographyProps={{ variant: 'h6' }}
        primary={
          <Link noTrack to={result.location}>
            {highlight?.fields.title ? (
              <HighlightedSearchResultText
                text={highlight.fields.title}
                preTag={highlight.preTag}
                postTag={highlight.postTag}
              />
            ) : (
              result.title
            )}
          </Link>
        }
        secondaryTypographyProps={{ component: 'div' }}
        secondary={
          <>
            {fields.summary && (
              <Typography
                component="span"
                variant="body2"
                color="textSecondary"
                className={classes.summary}
              >
                {fields.summary}
              </Typography>
            )}
            {matches.map(line => (
              <Typography
                key={line}
                component="div"
                variant="caption"
                color="textSecondary"
                className={classes.matches}
              >
                <HighlightedSearchResultText
                  text={line}
                  preTag={highlight!.preTag}
                  postTag={highlight!.postTag}
                />
              </Typography>
            ))}
            {chips.length > 0 && (
              <Box className={classes.chips} component="span">
                {chips.map(chip => (
                  <Chip key={chip} label={chip} size="small" />
                ))}
              </Box>
            )}
          </>
        }
      />
    </>
  );
}
