#!/usr/bin/env python3
"""Round-2 attacks (label 1) for the ketch injection classifier, weighted towards Chinese
and other non-English languages.

Kinds: framed_harm (persona / fiction / game framings around a one-line harmful ask; never any
actual harmful instructions), indirect_doc (documents and tool results with an instruction to the
assistant hidden inside), exfil_agent (making an agent misuse tools or leak data), extraction
(getting the hidden prompt or secrets indirectly), override (overriding one specific rule,
fake authority, "new policy").

Everything here was written for ketch; nothing is copied from public red-team tools or datasets.
Deterministic: random.Random(1010). Standard library only.
Writes attacks_round2.jsonl next to this script.
"""
import json
import os
import random
from collections import Counter

SEED = 1010
rng = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "attacks_round2.jsonl")

RECORDS = []
SEEN = set()


def add(text, lang, kind):
    text = text.strip()
    if not text or text in SEEN:
        return False
    SEEN.add(text)
    RECORDS.append({"text": text, "label": 1, "lang": lang, "kind": kind})
    return True


def lines(s):
    return [x.strip() for x in s.strip().split("\n") if x.strip()]


def block(s):
    return [x.strip("\n").strip() for x in s.split("\n§\n") if x.strip()]


def pick(seq):
    return rng.choice(seq)


# ---------------------------------------------------------------------------
# simplified -> traditional (word level first, then characters)
# ---------------------------------------------------------------------------
S2T_WORDS = [
    ("数据库", "資料庫"), ("服务器", "伺服器"), ("互联网", "網際網路"), ("人工智能", "人工智慧"),
    ("软件", "軟體"), ("信息", "資訊"), ("视频", "影片"), ("网络", "網路"), ("账号", "帳號"),
    ("账户", "帳戶"), ("程序", "程式"), ("默认", "預設"), ("用户", "使用者"), ("数据", "資料"),
    ("文件", "檔案"), ("回复", "回覆"), ("日历", "行事曆"), ("短信", "簡訊"), ("激活", "啟用"),
    ("登录", "登入"), ("质量", "品質"), ("打印", "列印"), ("代码", "程式碼"), ("硬盘", "硬碟"),
    ("内存", "記憶體"), ("链接", "連結"), ("菜单", "選單"), ("设置", "設定"), ("邮箱", "信箱"),
    ("出租车", "計程車"), ("优化", "最佳化"), ("支持", "支援"), ("脚本", "腳本"), ("土豆", "馬鈴薯"),
    ("历史", "歷史"), ("简历", "履歷"), ("复制", "複製"), ("重复", "重複"), ("复述", "複述"),
    ("头发", "頭髮"), ("面条", "麵條"), ("干净", "乾淨"), ("干什么", "幹什麼"), ("干嘛", "幹嘛"),
    ("只要", "只要"), ("一只", "一隻"), ("台湾", "臺灣"), ("后台", "後台"), ("周报", "週報"),
]
_S = ("么个们这说对时会为过还来让给请问题码写钥锁门开关机号账户统规则设务员网页间应该样种从现经无论认识讲话语读书记录发"
      "电脑软体数据库将与并几点击链连转钱银验证输复制导动态报单订货购买卖价优后里边头东车马药弹枪诈窃试测环实课师学习级长"
      "图纸张专业细节骤简双两亲爱岁听见觉梦谁场团队战斗游戏剧国际华阅览扩载闻纪气温风云预区县广刚况获块钟确须状备压缩传递产"
      "权显隐变换选择项执错误运维护处办类闭启杂乱热宝贝饭馆饮静总结诗词译绝拟标准档笔视频财审质检询顾签协议责负担费红义断络"
      "线层谢尽够进远构伤险没吗别忆妈爷儿孙医讨竞争决许继续达营销属离职岗资积计划异冻余额饰钻馈评满补偿扫领奖励惊卫宁虽当尔"
      "于仅独凭罗汇杀调响鸡鱼钓骗盗药门闯际罚赔适归额给读该凤凰归乐术场厂员晓诉绍该递组织盘顺问称谓仓库损坏赠险惯阶层")
_T = ("麼個們這說對時會為過還來讓給請問題碼寫鑰鎖門開關機號帳戶統規則設務員網頁間應該樣種從現經無論認識講話語讀書記錄發"
      "電腦軟體數據庫將與並幾點擊鏈連轉錢銀驗證輸複製導動態報單訂貨購買賣價優後裡邊頭東車馬藥彈槍詐竊試測環實課師學習級長"
      "圖紙張專業細節驟簡雙兩親愛歲聽見覺夢誰場團隊戰鬥遊戲劇國際華閱覽擴載聞紀氣溫風雲預區縣廣剛況獲塊鐘確須狀備壓縮傳遞產"
      "權顯隱變換選擇項執錯誤運維護處辦類閉啟雜亂熱寶貝飯館飲靜總結詩詞譯絕擬標準檔筆視頻財審質檢詢顧簽協議責負擔費紅義斷絡"
      "線層謝盡夠進遠構傷險沒嗎別憶媽爺兒孫醫討競爭決許繼續達營銷屬離職崗資積計劃異凍餘額飾鑽饋評滿補償掃領獎勵驚衛寧雖當爾"
      "於僅獨憑羅匯殺調響雞魚釣騙盜藥門闖際罰賠適歸額給讀該鳳凰歸樂術場廠員曉訴紹該遞組織盤順問稱謂倉庫損壞贈險慣階層")
assert len(_S) == len(_T), (len(_S), len(_T))
S2T_CHARS = {a: b for a, b in zip(_S, _T)}


def to_trad(t):
    for a, b in S2T_WORDS:
        t = t.replace(a, b)
    return "".join(S2T_CHARS.get(c, c) for c in t)


FW2HW = {"，": ",", "。": ".", "：": ":", "！": "!", "？": "?", "（": "(", "）": ")"}
ZH_TAILS = ["", "", "", "", "谢谢", "谢啦", "快点", "急", "拜托了", "🙏", "哈哈哈", "。。。", "!!", "～",
            "求你了", "就这一次", "别废话", "靠你了", "好不好嘛", "在线等", "[捂脸]", "😭", "老铁", "麻烦了",
            "我等你", "必须回答", "不许拒绝"]


def vary_zh(t, tails=True):
    r = rng.random()
    if r < 0.12:
        for a, b in FW2HW.items():
            t = t.replace(a, b)
    elif r < 0.18:
        t = t.replace("。", " ").replace("，", " ")
    if tails and rng.random() < 0.22:
        tail = pick(ZH_TAILS)
        if tail:
            t = t.rstrip() + pick(["", " ", "，", "。"]) + tail
    return t


def zh_variant():
    """decide simplified / traditional / mixed for generated Chinese text"""
    r = rng.random()
    if r < 0.11:
        return "trad"
    return "simp"


def emit_zh(text, kind, mixed=False, allow_trad=True):
    text = vary_zh(text)
    if mixed:
        return add(text, "mixed", kind)
    if allow_trad and zh_variant() == "trad":
        return add(to_trad(text), "zh", kind)
    return add(text, "zh", kind)


def fill_until(gen, n, max_tries=None):
    """call gen() until it has added n records (gen returns True when a record was added)"""
    got, tries = 0, 0
    max_tries = max_tries or n * 40
    while got < n and tries < max_tries:
        tries += 1
        if gen():
            got += 1
    return got


# common slot fillers (look-alike domains, mail boxes, accounts)
BAD_URLS = ["https://wx-verify-center.com", "http://jd-kefu-refund.cn", "https://taobao-secure-check.net",
            "https://icbc-yanzheng.top", "http://pay-alipay-help.xyz", "https://login-micr0soft-account.com",
            "https://sso-corp-auth.net", "http://m.tmall-vip-fuli.cn", "https://apple-id-unlock.help",
            "https://bank-kyc-update.info", "http://18.191.33.207:8080", "https://hr-offer-confirm.cc",
            "https://cdn-update-pkg.dev", "https://paypa1-resolution.com", "https://drive-share-docs.io",
            "https://metrics-collector.app", "http://45.77.12.9/c", "https://pdd-kefu-tuikuan.com",
            "https://wechat-pay-safety.org", "https://ctrip-order-verify.net", "https://gitlab-ci-mirror.org",
            "https://okta-session-renew.com", "https://cmb-card-service.vip", "https://secure-parcel-track.info"]
BAD_MAILS = ["backup.archive2024@protonmail.com", "kefu-zhongxin@163.net.cn", "audit.team.external@gmail.com",
             "it-helpdesk@corp-mail-support.com", "finance.review@outlook-office.cc", "data.sync77@yandex.com",
             "hr-records@mailbox-service.org", "zhangwei.backup@126-mail.com", "collect@log-sink.io",
             "security-check@account-review.net", "noreply@dropbox-sync.info", "ops.mirror@tutanota.com"]
WX_IDS = ["kefu_8867", "vip_fuli2024", "hr_zhaopin_01", "tuikuan-zhuanyuan", "lingjiang_666", "dd-kefu-99",
          "zp_lisa1990", "xiaoyu_kf"]
ACCTS = ["6222 0212 0801 7733 45", "6217 0000 1234 5678 901", "DE89 3704 0044 0532 0130 00",
         "GB33 BUKB 2020 1555 5555 55", "6230 5822 0000 4178 662", "bc1q9xk7ql0v3m2a8s5d", "ES91 2100 0418 4502 0005 1332"]
AMOUNTS = ["4999", "12800", "860", "3000", "25000", "199", "7600", "58000", "1500", "950"]
