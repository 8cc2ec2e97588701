import type { Messages } from '../index';

export const app: Messages['app'] = {
  name: 'Customer Dossier Management',
  brand: 'DossierDesk',
  headerName: 'DossierDesk',
};
