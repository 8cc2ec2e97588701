export const labels = {
  printMenu: '打印',
  label: '档案标签…',
  coverDossier: '扫描封面（整份档案）',
  coverItems: '扫描封面（每个清单项一张）',
  separator: '分隔页',
  labelTitle: '打印档案标签',
  print: '生成 PDF',
  sheet: '标签纸',
  startAt: '从第几个标签开始',
  startAtHelp: '半张已用过的标签纸：填第一个空白标签的序号。请按 100% 比例打印。',
} as const;
