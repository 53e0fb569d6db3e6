import { ActionItem } from '../../api';
import { gananda } from '../DistrictPicker/testData';

/*
 * Gananda's action plan: one item overdue, one due later, one past its due
 * date but done, so not overdue.
 */

const stamp = {
  createdBy: 'user:default/pat.morgan',
  createdAt: '2024-09-02T13:15:00.000Z',
};

export const overdueItem: ActionItem = {
  ...stamp,
  id: 'a1',
  district: gananda.ref,
  indicator: 'indicator:default/home-internet',
  element: 'dataelement:default/home-internet-access',
  step: 'Add a home internet question to the fall family survey',
  owner: 'user:default/pat.morgan',
  dueDate: '2020-09-30',
  status: 'in-progress',
  version: 3,
  updatedBy: 'user:default/pat.morgan',
  updatedAt: '2024-10-01T09:30:00.000Z',
};

export const laterItem: ActionItem = {
  ...stamp,
  id: 'a2',
  district: gananda.ref,
  indicator: 'indicator:default/regents-passing',
  element: 'dataelement:default/econ-disadvantaged',
  step: 'Backfill the poverty flag for mid-year enrollees',
  owner: 'user:default/jordan.lee',
  dueDate: '2099-06-30',
  status: 'planned',
  version: 1,
  updatedBy: 'user:default/pat.morgan',
  updatedAt: '2024-09-02T13:15:00.000Z',
};

export const doneItem: ActionItem = {
  ...stamp,
  id: 'a3',
  district: gananda.ref,
  indicator: 'indicator:default/platform-minutes',
  step: 'Ask Curriculum Associates for an export keyed by student ID',
  owner: 'group:default/gananda-data-team',
  dueDate: '2020-01-15',
  status: 'done',
  version: 5,
  updatedBy: 'user:default/jordan.lee',
  updatedAt: '2020-01-14T16:45:00.000Z',
};

export const ganandaActions = [overdueItem, laterItem, doneItem];
