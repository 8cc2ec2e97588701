export const signature = {
  name: '签名（姓名）',
  pad: '手写签名板',
  optional: '可在框内手写签名（可选）',
  drawn: '已手写签名',
  clear: '清除',
} as const;
