/**
 * Realistic sample customers for the bench: common Chinese surnames and given names, plates of
 * several provinces, mobile and landline numbers, valid-looking VINs and ID numbers, addresses.
 * Deterministic: the same seed gives the same archive, so figures compare between runs.
 */
export const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志春梅海燕俊峰晓东玉丹红鹏飞文斌立新淑珍德辉婷慧佳欣宇浩然子轩梓涵一诺'];
const PROVINCES = [...'沪浙苏京粤川鄂皖鲁湘闽赣'];
const CITIES = ['上海市浦东新区', '上海市闵行区', '上海市徐汇区', '杭州市西湖区', '南京市鼓楼区', '苏州市工业园区', '北京市朝阳区', '广州市天河区', '深圳市南山区', '成都市武侯区', '武汉市洪山区', '宁波市鄞州区'];
const ROADS = ['张江路', '世纪大道', '中山北路', '人民路', '解放路', '建设路', '和平路', '新华路', '长江路', '黄河路', '文化路', '学院路', '滨江大道', '科技园路'];
const MODELS = ['帕萨特', '途观L', '朗逸', '速腾', '迈腾', '凯美瑞', '卡罗拉', '雅阁', '思域', 'Model 3', '宋PLUS', '汉EV'];
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const AREA_CODES = ['021', '0571', '025', '0512', '010', '020', '0755', '028', '027', '0574'];

export class SampleData {
  private state: number;

  constructor(seed = 20261122) {
    this.state = seed;
  }

  int(n: number): number {
    this.state = (Math.imul(this.state, 1103515245) + 12345) >>> 0;
    return (this.state >>> 8) % n;
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }

  name(): string {
    const given = this.pick(GIVEN) + (this.int(3) > 0 ? this.pick(GIVEN) : '');
    return this.pick(SURNAMES) + given;
  }

  plate(): string {
    return `${this.pick(PROVINCES)}${String.fromCharCode(65 + this.int(12))}${this.digits(5)}`;
  }

  mobile(): string {
    return `1${3 + this.int(7)}${this.digits(9)}`;
  }

  phone(): string {
    return this.int(5) === 0 ? `${this.pick(AREA_CODES)}-${2 + this.int(7)}${this.digits(7)}` : this.mobile();
  }

  vin(): string {
    return `L${Array.from({ length: 16 }, () => this.pick([...VIN_CHARS])).join('')}`;
  }

  address(): string {
    return `${this.pick(CITIES)}${this.pick(ROADS)}${1 + this.int(999)}弄${1 + this.int(60)}号${1 + this.int(30)}0${1 + this.int(4)}室`;
  }

  model(): string {
    return this.pick(MODELS);
  }

  day(fromYear: number, toYear: number): string {
    const year = fromYear + this.int(toYear - fromYear + 1);
    return `${year}-${String(1 + this.int(12)).padStart(2, '0')}-${String(1 + this.int(28)).padStart(2, '0')}`;
  }

  digits(count: number): string {
    let text = '';
    for (let i = 0; i < count; i += 1) text += String(this.int(10));
    return text;
  }
}
