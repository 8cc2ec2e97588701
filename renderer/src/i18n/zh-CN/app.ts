export const app = {
  name: '客户档案管理系统',
  brand: 'DossierDesk',
  /** In the frame after sign-in, where the sections need the room. */
  headerName: '客户档案管理系统',
} as const;
