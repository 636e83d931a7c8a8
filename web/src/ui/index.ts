/** The shared UI kit. Pages import from here: import { PageHeader, Table, … } from '../../ui/index.ts'; */
export * from './components.tsx';
export * from './form.tsx';
export * from './Table.tsx';
export * from './format.ts';
