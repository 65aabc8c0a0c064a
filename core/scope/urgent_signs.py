"""Urgent words, part 3 (rules.md §8; XF-25, XF-26(2)(3)): danger said indirectly.

Suicide said as a farewell or a means made ready ("先走一步", "炭已经点上了", "I'll be gone"); a child in danger
now (beaten and going quiet, locked in and short of breath, led away by a stranger); a threat told by a third
party ("他说…就把书记一家都杀了"); an armed person in a public place; a crowd fight starting. Farewells that are
also ordinary words ("再见了", "最后一次") need a time, as ``HARM_ACTS`` do. Same shorthand as
``core/scope/urgent_words.py``.
"""

from __future__ import annotations

_VICTIM = (r"(他|她|你|他们|你们|我|我们|全家|一家|一家人|家人|孩子|人|这帮|那帮|老\w|小\w|"
           r"书记|支书|主任|村长|镇长|乡长|县长|局长|所长|会计|干部|领导|法官|老板|包工头|经理|校长|老师)")  # fmt: skip
_KILL = r"(杀|砍|宰|捅|弄死|打死|烧死|毒死|炸死|砍死|捅死|整死)"
_MEANS = r"(农药|毒药|老鼠药|耗子药|安眠药|敌敌畏|百草枯|绳子)"
_AT_HAND = r"(手边|身边|手里|旁边|桌上|床头|枕头下|口袋里|包里|床底下)"

#: (a) Said by themselves: danger unless set in the past or in a story.
SIGNS_SAID: dict[str, tuple[str, ...]] = {
    "self_harm": (
        r"(攒|存|囤)(了|够|好)?~4(安眠药|药片|农药|药)", r"(安眠药|药片|农药|药)~6(攒|存|囤)(够|好|齐|了)",
        r"(永远|再也)(见|看)不(到|着)(我|他|她)", r"永远(睡|醒)~3(过去|不醒|不来)|再也(醒|睁)不(过来|开)",
        r"(烧|点)(了|上|着)?~3炭|炭~8(点|烧)(上|着|起|好)",
        r"(门窗|窗户|门缝|窗缝)~4(封|堵)(好|死|严|上)了", _MEANS + "~4(就)?(在)?" + _AT_HAND, _AT_HAND + "~4" + _MEANS,
        r"(手腕|手臂|胳膊|动脉|血管|脉)~4(割|划|切)(开|破|断)",
        r"(就|要|想|准备|打算)从~8(楼|层|楼顶|天台|桥|窗户?)(上)?~3(下去|跳|跃|翻)",
        r"(是|就是)我(的)?(人生的?|这辈子的?)?最后一(天|晚|夜)", r"(人生|生命|这辈子)(的)?最后一(天|晚|夜|次)",
        r"(交代|安排)(好)?(了)?后事|后事~4(交代|安排|准备)(好|完)", r"跟~8说(声|句)?对不起~~20(先走|走了|再见|别找我)",
        r"(won'?t|will not) be (around|here|alive)( any ?more| after| by| much longer| next| for)",
        r"\b(i'?ll|i will) be gone\b", r"by the time (anyone|someone|you|they|somebody) reads? this",
        r"(no|n'?t (see )?any) reason to (live|keep going|keep living|go on|carry on)",
        r"(taken|took|swallowed|swallowing|taking) (all|a whole bottle|a bottle|a handful|the whole bottle|dozens)"
        r"( of)?( \S+){0,3} (pills|tablets|meds|medicine)",
        r"(charcoal|coals?) (is |are )?(lit|burning)|lit (the )?charcoal|sealed (the|my) (doors?|windows?|room)",
        r"(slit|cut|slashed) (my|his|her) wrists?",
    ),
    "injury": (
        r"(好多|很多|一地|一滩|满地|一床)(的)?血", r"血~4(止不住|止不了|流不停|一直流)",
        r"喘不(上|过)(来)?气|呼吸困难|憋得~4(喘|透)",
        r"(哭|声音|呼吸|喊声)~6越来越(小|弱|微弱|轻)|没(了)?(声音|动静)了", r"(can'?t|cannot|couldn'?t) breathe",
        r"(crying|breathing|voice) (is )?(getting )?(weaker|quieter|fainter)",
    ),
    "hostage": (
        r"(孩子|小孩|娃|女孩|男孩|小姑娘|孩)~12(哭喊|哭着|喊|说|叫)~6不认识",
        r"陌生(的)?(男|女)?人~8(抱|拉|拽|带|领)(走|着)~4(孩子|小孩|娃)",
        r"(child|kid|girl|boy|son|daughter)\b.{0,40}(doesn'?t|does not|don'?t) know (him|her|them|the (man|woman))",
        r"(stranger|a man|a woman|someone)\b.{0,20}(leading|dragging|carrying|pulling) (a|the|my) (child|kid|girl|boy)",
        r"took (our|my|her|his) (child|son|daughter|kid|baby|boy|girl)\b(?!'| to| for| with| home| back| out)",
    ),
    "threat": (
        r"(就|要|会|想|准备|打算|扬言)~4把~12" + _VICTIM + r"~6(都|全|给)?" + _KILL + r"(了|死|掉)",
        r"(一起|同归)~4(烧|炸|毒)死", r"找人~4(弄|打|砍|捅|整)死",
        r"never see (him|her|them|me|us|my \w+|our \w+) alive",
        r"(won'?t|will not) (live|survive) (through|past|until)",
    ),
    "weapon": (
        r"\b(man|guy|woman|person|someone|somebody|men|people|stranger)\b (with|holding|carrying|waving|pointing) "
        r"(a |an )?(knife|gun|rifle|shotgun|axe|machete|weapon|knives|guns|crossbow)",
        r"(枪|刀|砍刀|斧头|弓弩|猎枪)~4(对着|指着|顶着)",
    ),
    "fire": (
        r"汽油(桶|瓶)?~8(搬|拉|运|拎|提|扛|带|放)(到|来|去|在)", r"(搬|拉|运|扛)(了|着)?~4汽油",
        r"(carried|brought|took) (a |the )?"
        r"(can|canister|drum|bottle|jerry ?can)s? of (petrol|gasoline|gas)",
    ),
    "violence": (
        r"(推搡|扭打|厮打|拉扯|打)起来了", r"有人~3(捡|抄|拿|举)(起|了)*~2(砖头|板砖|石头|棍子|酒瓶|铁锹|凳子)",
        r"pushing and shoving|picking up (bricks|stones|rocks|bottles|sticks)",
        r"(fight|brawl) (is )?(starting|breaking out|broke out)|started (fighting|hitting)",
    ),
}  # fmt: skip

#: (a) Need a time: also ordinary words ("再见了", "最后一次举报", "先走一步", "end it" = end a contract).
SIGNS_ACTS: dict[str, tuple[str, ...]] = {
    "farewell": (
        r"先走一步", r"(说|发)(了)?~8再见|再见了(这个世界|大家|各位|妈|爸|所有人)|永别|诀别|告别(信|视频)|道别",
        r"最后一(天|晚|夜)", r"解脱",
        r"(收拾|整理)~6(送人|分给|送给)|(东西|衣服|存款)~6(送人|分给|都给了)", r"交代(的)?都交代",
        r"\bend it( all)?\b(?! with| by| through| in court| legally)",
        r"(this is|say(s|ing)?|said|posted|sent|wrote|written) (a |my |his |her )?(last )?(goodbye|farewell)|goodbye "
        r"(message|note|letter|post|to (everyone|you all|the world))",
        r"(written|wrote|left) (my|the|a few|some) (last )?letters?",
        r"giv(ing|en|e) (away )?(all )?(my|his|her) (things|stuff|belongings) away|"
        r"giv(ing|es|e|en) away (all )?(of )?(my|his|her|their)",
    ),
    "self_harm": (r"去死|寻死|死掉|不活", r"\bdie (after|tonight|tomorrow|today|this|when|once)\b"),
    "violence": (
        r"(拿|用|抄|举)(着|起)?~4(皮带|鞭子|棍子|藤条|衣架|擀面杖|竹条|木棍|砖头|石头)",
        r"(抽|打|踢|揍)(得|的)~6(哭|叫|喊|不动|流血)",
        r"被(人)?~3(捅|砍|刺|扎)(了)?~3刀", r"推搡|扭打|(捡|抄)(起)?~2(砖|石头)",
        r"\b(belt|whip|stick|rod|strap)\b", r"\bbeat(en|ing)?\b",
    ),
    "threat": (
        r"(弄|砍|捅|打|整|掐|毒|烧|炸|宰|淹)死", r"(have|get|had|got) (\w+ ){1,3}(killed|murdered|beaten up|stabbed)",
        r"把~12" + _VICTIM + r"~6(都|全|给)?" + _KILL + r"(了|死|掉)",
    ),
}  # fmt: skip

#: (c) More signs that it is going on, in the harm's own clause: the Chinese progressive "在+verb", a phone gone
#: silent, "just" done.
NOW_HERE = (
    r"(?<![现存实所])在(流|出血|打|砍|捅|抽|踢|掐|吐|烧|冒|漏|渗|哭|喊|追|掉|塌|晃|砸|往外|往下|推|拆|供|淹)",
    r"(电话|手机)~4(打不通|没人接|关机|不接)|联系不上|找不到(人|她|他)", r"刚(才|刚)?(发|说|打|给|喝|吃|割|跳)",
    r"(unreachable|not answering|won'?t answer|can'?t reach|phone is off)",
    r"\b(just|right) (now|texted|called|posted)",
)  # fmt: skip
#: (c) A time ahead set by an event: "等过完生日就…", "after this weekend".
AHEAD = (
    r"等(我|他|她|过完|到|明天|今晚|这周)~~12(就|以后|之后|过后)", r"(过完|办完|送完|送到|看完)~8(就|以后|之后|过后)",
    r"(过了|过完)~4(今晚|今天|明天|这周)",
    r"(周末|生日|今晚|明天|开庭|这周|春节|过年|中秋|月底)~2(过后|以后|之后|过完)",
    r"\bafter (this|the|my|his|her|our) (\w+ )?(weekend|birthday|meeting|hearing|trial|visit|week|new year|holiday)",
    r"by the time",
)  # fmt: skip

#: (d) Figures of speech (blanked first, as ``NOT_HARM``): "想死的心都有了", "气得我想跳楼", "压得喘不过气",
#: an incident named as a matter ("他打人的事").
NOT_SIGN = (
    r"想死的心(都|也)?有", r"(气|急|恨|烦|笑|愁|羞|臊)得~3(想|要|直想)~2(死|跳楼|跳河|撞墙|自杀|上吊)",
    r"(压|累|忙|逼|搞|折腾|吓)得~6喘不(上|过)(来)?气", r"喘(口|一口)气",
    r"(打|砍|捅|杀|伤|烧|抢|推)(了)?人(的)?(事|事情|案子|案件|那件事)", r"(解脱|再见|最后一次)(不了|出来)",
    r"end (it|this) (contract|deal|agreement|relationship|meeting|call)", r"\b(die|dead)\s?(line|end|lock|ly)",
)  # fmt: skip
