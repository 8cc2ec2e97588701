export const password = {
  title: '修改密码',
  forcedTitle: '请设置新密码',
  forcedIntro: '这是您首次登录，或管理员重置了您的密码。设置自己的新密码后才能继续。',
  current: '当前密码',
  new: '新密码',
  confirm: '确认新密码',
  hint: '至少 {{min}} 个字符，不能与上一次的密码相同。',
  hintNew: '至少 {{min}} 个字符。',
  backToSignIn: '返回登录',
  changed: '密码已修改',
} as const;
