export const fields = {
  login: '登录名',
  displayName: '姓名',
  password: '密码',
  confirmPassword: '确认密码',
} as const;
