export const login = {
  title: '登录',
  submit: '登录',
  lockedIdle: '因长时间未操作，档案库已自动锁定，请重新登录。',
  lockedManual: '档案库已锁定，请重新登录。',
  repair: '重建索引并登录（管理员）',
  repairConfirm: '用上面的管理员账户登录，从记录重建损坏的索引，并以检查过的修复副本替换损坏的数据库文件？记录本身损坏时不会修改任何内容。',
  repaired: '已重建索引：{{names}}',
  idleWarningTitle: '即将自动锁定',
  idleWarning: '长时间未操作，档案库将在 {{seconds}} 秒后自动锁定。锁定后，尚未保存的内容（如高拍仪拍摄但未归档的页面、未保存的表单）将会丢失。',
  keepWorking: '继续工作',
} as const;
