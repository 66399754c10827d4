"""Rules for the known prompt-injection families, in English, Chinese and a few other languages.

Each rule is a family, a weight (how sure a match alone makes us) and a regex over the lowercased,
normalized views of ``normalize.views``. They describe the *shape* of an attack (an imperative to
drop earlier instructions, a demand for the hidden prompt, a persona without limits, a payload to
decode and obey, chat-template control tokens in user text), not any tool's prompt list, so new
wordings of a family still match; what they miss is the classifier's job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick
import regex


@dataclass(frozen=True, slots=True)
class Rule:
    family: str
    weight: float
    pattern: regex.Pattern
    # the literal words a match must start with (None: any start): ``RuleScan`` tries the rule
    # only where one of them is
    anchors: tuple[str, ...] | None = None


_META = set("()[]\\*+{}.^$")


def _top_level_bar(pattern: str) -> bool:
    depth, escaped, in_class = 0, False, False
    for c in pattern:
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
    return False


def leading_literals(pattern: str) -> tuple[str, ...] | None:
    """The words a pattern's leading group of plain alternatives can start with ("instructions?"
    gives "instruction"), or None when it does not start with one."""
    body = pattern.removeprefix("\\b")
    if not body.startswith("(?:"):
        return None
    close = body.find(")")
    group = body[3:close]
    if close < 0 or any(c in _META for c in group) or body[close + 1: close + 2] in ("?", "*", "{") or \
            _top_level_bar(body) or "(?i" in pattern:
        return None  # an optional or repeated group, an alternative to the whole, a case flag
    alts = []
    for alt in group.split("|"):
        if "?" in alt[:-1] or alt == "?":
            return None
        if alt.endswith("?"):
            alt = alt[:-2]  # the optional last character is not required
        if not alt:
            return None
        alts.append(alt)
    return tuple(alts)


def _r(family: str, weight: float, *patterns: str) -> list[Rule]:
    # the regex module: the same patterns, about a quarter faster than re over long prompts
    return [Rule(family, weight, regex.compile(p, regex.S), leading_literals(p)) for p in patterns]


_PRIOR = r"(?:previous|prior|above|earlier|preceding|original|initial|system|developer|all|any|your|the|these|those|old|existing|default|safety|hidden)"
_RULES_EN = r"(?:instructions?|rules?|guidelines?|directives?|prompts?|constraints?|restrictions?|polic(?:y|ies)|programming|guardrails?|filters?|commands?|orders?|context|training|settings?|limitations?)"
_DROP = r"(?:ignore|disregard|forget|override|bypass|skip|drop|discard|abandon|set aside|throw out|cancel|void|nullify|neglect|pay no attention to|stop following|no longer follow|do not follow|don't follow)"

RULES: list[Rule] = [
    # -- instruction override ------------------------------------------------------------------
    *_r("instruction_override", 0.9,
        rf"\b{_DROP}\b(?:\W+\w+){{0,4}}?\W+{_PRIOR}\b(?:\W+\w+){{0,3}}?\W+{_RULES_EN}\b",
        rf"\b{_DROP}\s+(?:everything|anything|all)\s+(?:above|before|(?:you were|you've been|you have been) (?:told|given))",
        rf"\b(?:new|updated|real|actual|true|revised)\s+(?:system\s+)?{_RULES_EN}\s*(?:[:：]|follow|supersede|override|replace|take precedence)",
        rf"\b{_RULES_EN}\s+(?:above|before|so far)\s+(?:were|was|are|is)\s+(?:a test|fake|void|invalid|cancel+ed|obsolete|outdated|wrong)",
        r"\bfrom now on,?\s+(?:you\s+)?(?:will\s+|must\s+|shall\s+)?(?:only\s+)?(?:obey|follow|listen to|answer to|take orders from)\b",
        r"\b(?:you are|you're) (?:now )?(?:free|released|unbound|liberated) from (?:your |all |any )?(?:rules|restrictions|guidelines|constraints|programming)"),
    *_r("instruction_override", 0.9,
        r"(?:忽略|无视|忘记|忘掉|不要理会|别管|抛弃|丢弃|跳过|绕过|推翻|放弃|不再遵守|停止遵守|不用遵守|不必遵守|撤销|作废)[^。！!\n]{0,12}?(?:之前|以前|以上|上面|上述|前面|先前|原来|原有|所有|全部|一切|系统|开发者)?[^。！!\n]{0,6}?(?:的)?(?:指令|指示|规则|设定|限制|提示|要求|命令|约束|准则|守则|安全策略|政策|规定|设置)",
        r"(?:之前|以上|上面|前面|先前|原来)(?:的|所有)?(?:内容|指令|规则|设定|指示)[^。\n]{0,6}(?:全部|都|一律)?(?:作废|无效|失效|取消|不算数|是测试)",
        r"(?:新的|最新|真正的|更新的)(?:系统)?(?:指令|规则|指示|设定)[:：是]",
        r"从(?:现在|此刻|今天)(?:开始|起)[,，]?\s*你(?:只|只能|必须)?(?:听|服从|遵守|遵循|执行)(?:我|我的)"),
    *_r("instruction_override", 0.85,
        r"\b(?:ignora|olvida|descarta)\w*\s+(?:\w+\s+){0,3}(?:instrucciones|reglas|indicaciones)",
        r"\b(?:ignore[zr]?|oublie[zr]?)\s+(?:\w+\s+){0,3}(?:instructions|règles|consignes)",
        r"\b(?:ignoriere|vergiss|missachte)\w*\s+(?:\w+\s+){0,4}(?:anweisungen|regeln|vorgaben|instruktionen)",
        r"\b(?:игнорируй|забудь|проигнорируй|отмени)\w*\s+(?:\w+\s+){0,4}(?:инструкции|правила|указания|ограничения)",
        r"(?:無視|忘れ)[^。\n]{0,12}(?:指示|ルール|命令|設定|制限)"),
    # -- system prompt extraction --------------------------------------------------------------
    *_r("system_prompt_extraction", 0.85,
        r"\b(?:print|show|reveal|repeat|output|display|dump|leak|tell me|give me|write out|recite|list|disclose|share|copy|paste|spell out|translate|encode)\b(?:\W+\w+){0,5}?\W+(?:system|hidden|initial|original|secret|internal|developer|pre-?prompt|first|starting)\s+(?:prompt|instructions?|message|rules|configuration|config|directives|guidelines)",
        r"\b(?:repeat|print|output|show|copy|return)\s+(?:\w+\s+){0,4}(?:everything|all(?: the)? text|the text|all words|verbatim|word for word)\s+(?:above|before|preceding|prior)",
        r"\b(?:what|which)\s+(?:are|were|is)\s+your\s+(?:system\s+prompt|hidden\s+instructions|initial\s+instructions|original\s+instructions|secret\s+instructions)",
        r"\byour\s+(?:system\s+prompt|hidden\s+prompt|initial\s+prompt|instructions)\s+(?:verbatim|word for word|in full|exactly)",
        r"(?:输出|显示|打印|告诉我|给我|重复|复述|透露|泄露|展示|列出|说出|翻译|念出|贴出|写出)[^。？?\n]{0,12}(?:你的|你)?(?:系统提示|系统提示词|系统消息|系统指令|初始指令|隐藏指令|原始指令|内部指令|提示词|预设|配置|设定)",
        r"(?:系统提示|系统提示词|系统消息|初始指令|隐藏指令|提示词)[^。\n]{0,10}(?:原文|原封不动|逐字|完整|全部)(?:地)?(?:输出|告诉|发|给|复述|显示)?",
        r"(?:上面|以上|之前|前面)的(?:所有)?(?:内容|文字|文本)[^。\n]{0,8}(?:原样|原封不动|逐字|完整)"),
    # -- role-play and persona jailbreaks ------------------------------------------------------
    *_r("roleplay_jailbreak", 0.8,
        r"\b(?:act|behave|respond|pretend|roleplay|role-play)\s+(?:as|like|to be)\b[^.\n]{0,80}\b(?:no|without|free of|free from|zero)\s+(?:rules|restrictions|limits|limitations|filters|guidelines|ethics|morals|censorship|boundaries|safety)",
        r"\b(?:an?|the)\s+(?:ai|assistant|model|chatbot|bot)\s+(?:with|that has|who has)\s+no\s+(?:rules|restrictions|limits|filters|guidelines|ethics|morals|censorship)",
        r"\b(?:developer|debug|god|jailbreak|unrestricted|unfiltered|unlocked|sudo|admin|evil|dan|maintenance)\s+mode\b",
        r"\b(?:never|doesn't|does not|won't|will not|cannot|can't)\s+(?:ever\s+)?(?:refuse|say no|decline|reject)s?\b",
        r"\b(?:stay|remain)\s+in\s+character\b[^.\n]{0,60}\b(?:no matter|whatever|even if|regardless)",
        r"\b(?:uncensored|unfiltered|unrestricted|amoral|unethical)\s+(?:ai|assistant|model|version|persona|chatbot|mode)",
        r"(?:扮演|假装|假设你是|你现在是|你是一个|充当|化身)[^。\n]{0,30}(?:没有|不受|无视|不用|不必|没有任何|摆脱)(?:任何)?(?:限制|规则|约束|道德|审查|过滤|底线|顾虑)",
        r"(?:开发者|调试|越狱|上帝|无限制|管理员|维护)模式",
        r"(?:不受|没有|摆脱|解除)(?:任何)?(?:限制|约束|审查|过滤)的(?:AI|ai|助手|模型|机器人|版本)",
        r"(?:从不|永远不|绝不|不会)(?:拒绝|说不)"),
    # -- chat-template tokens smuggled into user text ------------------------------------------
    *_r("chat_template_smuggling", 0.9,
        r"<\|(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id|begin_of_text|end_of_turn)\|>",
        r"<(?:start_of_turn|end_of_turn)>", r"\[/?inst\]", r"<<\s*/?sys\s*>>", r"</?s>\s*\[?inst",
        r"(?m)^\s*#{2,4}\s*(?:system|instruction|assistant)\s*(?:prompt)?\s*:", r"<\|(?:channel|message|start|end)\|>"),
    # -- encoded payloads: decode and obey ----------------------------------------------------------
    *_r("encoded_payload", 0.55,
        r"\b(?:decode|decrypt|decipher|convert|translate|unscramble)\b[^.\n]{0,60}\b(?:and|then)\s+(?:follow|execute|obey|do|run|carry out|act on|perform|comply)",
        r"\b(?:follow|execute|obey|carry out|do)\s+(?:the|these|this|its|what the)\s+(?:decoded|hidden|encoded)\b",
        r"(?:解码|解密|翻译|转换|还原)[^。\n]{0,30}(?:然后|并|后)(?:照做|执行|遵守|按照|服从|去做)",
        r"(?:按照|执行|照做)[^。\n]{0,6}(?:解码|解密)(?:后|出来)的"),
    # -- indirect: instructions addressed to the model inside data ----------------------------------
    *_r("indirect", 0.8,
        r"\b(?:ai|llm|assistant|chatbot|language model|gpt|claude|model)s?\b[^.\n]{0,30}\b(?:reading|processing|summari[sz]ing|parsing|analy[sz]ing)\s+(?:this|these)\b",
        r"\bif\s+you\s+are\s+an?\s+(?:ai|llm|assistant|language model|chatbot|bot)\b",
        r"\b(?:note|message|instruction)s?\s+(?:to|for)\s+(?:the\s+)?(?:ai|llm|assistant|model|chatbot)\b",
        r"\bwhen\s+(?:you\s+)?(?:summari[sz]e|summari[sz]ing|translat(?:e|ing)|read(?:ing)?|process(?:ing)?)\s+(?:this|the)\s+(?:page|document|email|text|file|message|content)\b[^.\n]{0,40}\b(?:instead|also|must|should|do not|don't|ignore)",
        r"!\[[^\]]*\]\(https?://[^)\s]*(?:\?|&)[^)\s]*(?:=|\{)[^)\s]*\)",
        r"(?:ai|AI|人工智能|大模型|语言模型|助手|机器人)[^。\n]{0,10}(?:读到|看到|处理|总结|阅读|解析)(?:这|此)[^。\n]{0,20}(?:时|的话)?[^。\n]{0,10}(?:请|必须|务必|应该|立即)",
        r"(?:给|致)(?:AI|ai|人工智能|助手|模型)的(?:指令|消息|说明|提示)",
        r"(?:总结|翻译|阅读|处理)(?:此|这个|这份|这篇)(?:页面|文档|邮件|文件|内容)时[^。\n]{0,30}(?:请|改为|而是|不要|务必)"),
    # -- exfiltration and goal hijacking ----------------------------------------------------------
    *_r("exfiltration_hijack", 0.6,
        r"\b(?:send|forward|post|upload|email|transmit|exfiltrate|leak)\b[^.\n]{0,50}\b(?:conversation|chat history|user(?:'s)? data|credentials|passwords?|api keys?|tokens?|secrets?|personal data|the user's)\b[^.\n]{0,40}\b(?:to|at)\b\s*(?:https?://|\S+@|\w+\.\w+)",
        r"\b(?:append|add|insert|include)\b[^.\n]{0,40}\b(?:link|url)\b[^.\n]{0,60}\b(?:every|each|all|end of)\s+(?:response|answer|reply|message)",
        r"(?:发送|转发|上传|泄露|发给|传到)[^。\n]{0,30}(?:聊天记录|对话|用户(?:的)?(?:数据|信息|密码|资料)|密码|密钥|令牌|凭证|个人信息)",
        r"(?:每次|每条|所有)(?:回答|回复|响应)[^。\n]{0,12}(?:加上|附上|插入|添加|包含)[^。\n]{0,20}(?:链接|网址|url|URL)"),
]

# Cues that the text talks *about* an attack (a question, a quote to explain, a translation task)
# rather than mounting one: a match inside such text counts for less.
META_CUES = re.compile(
    r"\b(?:what (?:is|are|does)|what's|explain|define|definition|how (?:do|can|should) (?:i|we|you) (?:defend|protect|detect|prevent|stop|mitigate)|"
    r"is (?:this|it|that) (?:an? )?(?:attack|injection|jailbreak|dangerous|malicious|safe)|example of|classify|detect(?:ion|or)?|"
    r"security (?:review|training|research|team|class|course)|red[- ]team(?:ing)?|mitigat|defen[cs]e|owasp|research paper|"
    r"prompt injection|jailbreak(?:s|ing)?|sanitiz|escap(?:e|ing)|regex|special tokens?|chat templates?)\b|"
    r"(?:什么是|是什么意思|什么意思|如何防御|怎么防御|如何防范|怎么防范|如何检测|怎么检测|是不是攻击|算不算|举例|例子|科普|安全培训|安全研究|红队|防护|防御措施|"
    r"提示词注入|提示注入|注入攻击|越狱|转义|过滤|正则|特殊标记|特殊token|聊天模板|为什么|原理)")
QUOTED = re.compile(r"[\"“”'‘’「」『』《》`]([^\"“”'‘’「」『』《》`]{6,300})[\"“”'‘’「」『』《》`]")


class RuleScan:
    """All rules over one text at once. A rule that starts with plain words can only match where
    one of them is, so one Aho-Corasick pass finds those places and the rule is tried there alone
    (``match``, not ``search``): a 4k-token prompt costs a pass, not one regex scan per rule."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self._auto = ahocorasick.Automaton()
        by_word: dict[str, list[int]] = {}
        for i, rule in enumerate(rules):
            for word in rule.anchors or ():
                by_word.setdefault(word, []).append(i)
        for word, idx in by_word.items():
            self._auto.add_word(word, (len(word), tuple(idx)))
        self._auto.make_automaton()
        self._unanchored = [i for i, r in enumerate(rules) if r.anchors is None]

    def hits(self, view: str, found: dict[str, float]) -> None:
        """Raise ``found[family]`` to the weight of each rule that matches ``view``."""
        starts: dict[int, set[int]] = {}
        for end, (length, idx) in self._auto.iter(view):
            for i in idx:
                starts.setdefault(i, set()).add(end - length + 1)
        rules = self.rules
        for i, positions in starts.items():
            rule = rules[i]
            if rule.weight > found.get(rule.family, 0.0) and any(rule.pattern.match(view, p) for p in sorted(positions)):
                found[rule.family] = rule.weight
        for i in self._unanchored:
            rule = rules[i]
            if rule.weight > found.get(rule.family, 0.0) and rule.pattern.search(view):
                found[rule.family] = rule.weight


SCAN = RuleScan(RULES)
