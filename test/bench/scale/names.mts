// Realistic Chinese names for the scale benchmark: surnames drawn by their national frequency (王 李 张 刘 陈 …, the
// 2020 census shares, polyphonic 单 曾 解 仇 区 included), given names of one (30%) or two characters drawn from a
// weighted pool of the characters parents actually use, so 王, 张伟 or wj match as many people as they would.

/** Surname, share in per mille (approximate national figures; the tail shares the rest). */
const SURNAMES: [string, number][] = [
  ['王', 71], ['李', 70], ['张', 66], ['刘', 54], ['陈', 46], ['杨', 31], ['黄', 22], ['赵', 22], ['吴', 20], ['周', 19],
  ['徐', 13], ['孙', 12], ['马', 12], ['朱', 11], ['胡', 10], ['郭', 10], ['何', 9], ['林', 9], ['高', 9], ['罗', 8],
  ['郑', 7], ['梁', 7], ['谢', 6], ['宋', 5], ['唐', 5], ['许', 5], ['韩', 5], ['冯', 5], ['邓', 5], ['曹', 5],
  ['彭', 4], ['曾', 4], ['肖', 4], ['田', 4], ['董', 4], ['袁', 4], ['潘', 4], ['于', 3], ['蒋', 3], ['蔡', 3],
  ['余', 3], ['杜', 3], ['叶', 3], ['程', 3], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3], ['任', 3], ['沈', 3],
  ['姚', 2], ['卢', 2], ['姜', 2], ['崔', 2], ['钟', 2], ['谭', 2], ['陆', 2], ['汪', 2], ['范', 2], ['金', 2],
  ['石', 2], ['廖', 2], ['贾', 2], ['夏', 2], ['韦', 2], ['付', 2], ['方', 2], ['白', 2], ['邹', 2], ['孟', 2],
  ['熊', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 2], ['雷', 2], ['侯', 2],
  ['龙', 2], ['史', 2], ['陶', 1], ['黎', 1], ['贺', 1], ['顾', 1], ['毛', 1], ['郝', 1], ['龚', 1], ['邵', 1],
  ['万', 1], ['钱', 1], ['严', 1], ['覃', 1], ['武', 1], ['戴', 1], ['莫', 1], ['孔', 1], ['向', 1], ['汤', 1],
  ['常', 1], ['温', 1], ['康', 1], ['施', 1], ['文', 1], ['牛', 1], ['樊', 1], ['葛', 1], ['邢', 1], ['安', 1],
  ['单', 1], ['解', 0.5], ['仇', 0.5], ['区', 0.3], ['查', 0.5], ['欧阳', 0.5], ['诸葛', 0.1], ['司马', 0.1],
];

/** Characters of given names, most used first (weight 1/(rank+10)^0.6: 伟, the most used, starts ~1.8% of given names). */
const GIVEN_CHARS = [...(
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力鹏宇浩凯健俊帆帅旭宁龙林欣佳晨阳颖莉琳云飞斌波峰海亮东' +
  '新国志春晓梅兰凤洁燕蕾雪婷慧倩丹玲成荣毅刚彬金德永光宏立忠兵涛丽秋淑珍爱美芬琴萍娥华翠霞伦思雨子轩梓涵浩然雅欣怡' +
  '嘉博瑞泽铭睿鑫振学庆兴家福祥贵生有才中明顺继承正天翔瑶琪璐蓉菲薇婉清晶楠岚彤妍可馨悦'
)];

function cumulative(weights: number[]): Float64Array {
  const c = new Float64Array(weights.length);
  let s = 0;
  weights.forEach((w, i) => { s += w; c[i] = s; });
  for (let i = 0; i < c.length; i++) c[i] /= s;
  return c;
}

function pickIndex(cum: Float64Array, x: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// The named surnames cover ~88% of people; the remaining ~12% spread over the same list's tail evenly.
const surnameCum = cumulative(SURNAMES.map(([, w], i) => w + (i >= 60 ? 2 : 0)));
const givenCum = cumulative(GIVEN_CHARS.map((_, i) => 1 / Math.pow(i + 10, 0.6)));

/** One name from two uniform numbers in [0, 1) per call of rand. */
export function chineseName(rand: () => number): string {
  const surname = SURNAMES[pickIndex(surnameCum, rand())][0];
  const first = GIVEN_CHARS[pickIndex(givenCum, rand())];
  if (rand() < 0.3) return surname + first;
  let second = GIVEN_CHARS[pickIndex(givenCum, rand())];
  if (second === first && rand() < 0.7) second = GIVEN_CHARS[pickIndex(givenCum, rand())];
  return surname + first + second;
}
