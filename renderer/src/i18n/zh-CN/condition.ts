export const condition = {
  ARCHIVE_DAMAGED: '档案库文件已损坏，暂停写入',
  ARCHIVE_ROLLED_BACK: '档案库已回退到较早的状态，暂停写入',
  READ_ONLY: '数据文件夹为只读，只能查看',
  DISK_FULL: '磁盘已满，暂停写入',
  repair: '重建索引',
  repairConfirm: '从记录重建损坏的索引并替换损坏的数据库文件？完成后需要重新登录。',
  repaired: '索引已重建，请重新登录',
  accept: '接受当前状态',
  acceptConfirm: '确认丢失的文件无法放回？丢失的范围将记入审计记录，已发出的档号不再使用。',
  accepted: '已接受，恢复写入',
} as const;
