import { IndicatorStatus } from '@internal/plugin-data-catalog-common';
import { Chip, makeStyles } from '@material-ui/core';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import RemoveCircleIcon from '@material-ui/icons/RemoveCircle';
import CancelIcon from '@material-ui/icons/Cancel';
import NotInterestedIcon from '@material-ui/icons/NotInterested';

/** The words shown for each status; colour is never the only signal. */
export const STATUS_LABELS: Record<IndicatorStatus, string> = {
  available: 'Available',
  partial: 'Partial',
  missing: 'Missing',
  'not-applicable': 'Not applicable',
};

const useStyles = makeStyles(theme => ({
  available: {
    backgroundColor: theme.palette.success.light,
    color: theme.palette.success.contrastText,
  },
  partial: {
    backgroundColor: theme.palette.warning.light,
    color: theme.palette.getContrastText(theme.palette.warning.light),
  },
  missing: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  notApplicable: {
    backgroundColor: theme.palette.grey[300],
    color: theme.palette.getContrastText(theme.palette.grey[300]),
  },
  icon: { color: 'inherit' },
}));

const ICONS: Record<IndicatorStatus, typeof CheckCircleIcon> = {
  available: CheckCircleIcon,
  partial: RemoveCircleIcon,
  missing: CancelIcon,
  'not-applicable': NotInterestedIcon,
};

/** A status as a chip with an icon, a colour and its word. */
export function StatusChip(props: {
  status: IndicatorStatus;
  size?: 'small' | 'medium';
}) {
  const classes = useStyles();
  const Icon = ICONS[props.status];
  const className = {
    available: classes.available,
    partial: classes.partial,
    missing: classes.missing,
    'not-applicable': classes.notApplicable,
  }[props.status];

  return (
    <Chip
      size={props.size ?? 'small'}
      className={className}
      icon={<Icon className={classes.icon} fontSize="small" />}
      label={STATUS_LABELS[props.status]}
    />
  );
}
