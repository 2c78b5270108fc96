// Chinese script: Traditional characters that differ from their Simplified form (common ones in
// support mail). Used to tell zh-Hant from zh and to fold Traditional text onto one model.
const TRAD_SIMP_PAIRS =
  '訂订 單单 貨货 錢钱 還还 沒没 實实 遞递 運运 達达 們们 麼么 這这 個个 東东 壞坏 換换 號号 時时 間间 幫帮 ' +
  '請请 問问 題题 說说 買买 賣卖 給给 經经 過过 後后 發发 帳账 戶户 寫写 錯错 對对 無无 為为 產产 從从 邊边 ' +
  '裡里 裏里 處处 關关 開开 與与 進进 應应 該该 將将 會会 來来 讓让 見见 點点 氣气 樣样 態态 務务 費费 額额 ' +
  '銀银 寶宝 貝贝 質质 損损 舊旧 異异 聯联 繫系 係系 郵邮 區区 樓楼 門门 鄉乡 縣县 灣湾 臺台 華华 國国 週周 ' +
  '幾几 遲迟 訊讯 蹤踪 狀状 況况 記记 錄录 認认 確确 稱称 評评 論论 訴诉 騙骗 爛烂 標标 準准 價价 據据 圖图 ' +
  '張张 貼贴 聽听 讀读 謝谢 嗎吗 啟启 車车 檢检 電电 話话 碼码 線线 網网 頁页 資资 員员 覆复 歸归 辦办 稅税 ' +
  '輸输 傳传 絡络 變变 動动 種种 顏颜 裝装 壓压 亂乱 離离 飾饰 鏡镜 廠厂 紅红 藍蓝 綠绿 黃黄 議议 極极 煩烦 ' +
  '錶表 鐘钟 機机 腦脑 筆笔 書书 寬宽 長长 雙双 條条 帶带 負负 責责 聲声 歡欢 幣币 賠赔 償偿 虧亏 詢询 諮咨 ' +
  '續续 齊齐 閉闭 談谈 護护 廣广 夠够 隻只 頭头 髮发 鬆松 緊紧 適适 誤误 詐诈 團团 購购 證证 軟软 體体 環环 ' +
  '舉举 報报 複复 雜杂 識识 終终 於于 紙纸 劃划 傷伤 髒脏 濕湿 計计 順顺 豐丰 專专 營营 業业 現现 義义 則则 ' +
  '啊啊 收收 貨货 寄寄 約约 卻却 儘尽 盡尽 氣气 壞坏 慣惯 顧顾 客客 滿满 驗验 險险 當当 麗丽 號号 讚赞 嚴严';
const TRAD_TO_SIMP = new Map<string, string>();
const SIMP_ONLY = new Set<string>();
for (const pair of TRAD_SIMP_PAIRS.split(' ')) {
  const [trad, simp] = [...pair];
  if (trad && simp && trad !== simp) {
    TRAD_TO_SIMP.set(trad, simp);
    SIMP_ONLY.add(simp);
  }
}

export function toSimplified(text: string): string {
  let out = '';
  for (const ch of text) out += TRAD_TO_SIMP.get(ch) ?? ch;
  return out;
}

/** 'zh-Hant' when more of the text's script-specific characters are Traditional than Simplified. */
export function chineseScript(text: string): 'zh' | 'zh-Hant' {
  let trad = 0;
  let simp = 0;
  for (const ch of text) {
    if (TRAD_TO_SIMP.has(ch)) trad += 1;
    else if (SIMP_ONLY.has(ch)) simp += 1;
  }
  return trad > simp ? 'zh-Hant' : 'zh';
}
