export const registers = {
  print: '打印{{name}}',
  printTitle: '打印{{name}}',
  export: '导出',
  from: '起始日期',
  to: '结束日期',
  dayRequired: '请选择日期',
  department: '部门',
  allDepartments: '全部部门',
  format: '格式',
} as const;
