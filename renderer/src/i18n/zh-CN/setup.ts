export const setup = {
  title: '创建档案库',
  intro: '首次使用：创建加密档案库，并设置系统管理员账户。所有数据均加密保存在本机。',
  dataDir: '数据文件夹',
  adminSection: '系统管理员',
  passwordHint: '至少 {{min}} 个字符。请牢记：忘记所有管理员密码将无法打开档案库。',
  passwordTooShort: '密码至少 {{min}} 个字符',
  passwordMismatch: '两次输入的密码不一致',
  loginLength: '登录名为 2–32 个字符',
  loginPattern: '只能包含字母、汉字、数字、点、下划线和连字符',
  submit: '创建档案库',
  incomplete: '数据文件夹中有数据库，但缺少密钥槽文件（keyslots.json），无法打开。请从备份恢复该文件，或换用一个空的数据文件夹。',
} as const;
