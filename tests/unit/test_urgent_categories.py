"""The urgent check by category (rules.md §8; issue 16 item 5): who is in danger (the writer, another person, a
child, many people), what harm, and whether it is going on now or about to happen, in Chinese and English; and
near misses that are not urgent: past events, figures of speech, ordinary senses of the words, old incidents,
news. Every example here was written for this file, apart from the labelled scope sets."""

from __future__ import annotations

import pytest

from core.scope import Verdict, classifier
from tests.unit.urgent_examples import CHILD_NOW, FAREWELLS, HAZARDS, NEAR_MISSES_2, TOLD_AND_PUBLIC

# (text, who, harm, when): who is in danger and what harm; "" where the label may vary.
SELF = [
    ("我现在站在天台上，不想活了", "self", "self_harm"),
    ("我已经在楼顶边上了，再没人管我就跳", "self", "self_harm"),
    ("今晚我就去河边了断", "self", "self_harm"),
    ("农药就在我手边，喝下去就一了百了", "self", "self_harm"),
    ("我刚吃了一整瓶安眠药", "self", "self_harm"),
    ("我割腕了，血止不住", "self", "self_harm"),
    ("活着没意思，明天就去卧轨", "self", "self_harm"),
    ("被逼得没办法，我准备上吊", "self", "self_harm"),
    ("遗书我写好了，对不起家人", "self", "self_harm"),
    ("我想自杀，谁也别拦我", "self", "self_harm"),
    ("我在大桥上，往下一跳就解脱了", "self", "self_harm"),
    ("再不给我解决，我就死在纪委门口", "self", "self_harm"),
    ("我买好了老鼠药，等他们来了我当面吃", "", "self_harm"),
    ("不想再撑了，今天就结束自己的生命", "self", "self_harm"),
    ("我要去镇政府门口自焚", "self", "self_harm"),
    ("我真的活不下去了，去死算了", "self", "self_harm"),
    ("I'm on the roof and I will jump if nobody comes", "self", "self_harm"),
    ("I want to die, I can't go on", "self", "self_harm"),
    ("I am going to kill myself tonight", "self", "self_harm"),
    ("I swallowed a whole bottle of pills", "self", "self_harm"),
    ("I don't want to live anymore after what the officials did", "self", "self_harm"),
    ("I'm standing on the bridge right now", "self", "self_harm"),
    ("I've written a suicide note", "self", "self_harm"),
    ("I keep cutting myself, I want to end it all", "self", "self_harm"),
    ("I drank the pesticide an hour ago", "self", "self_harm"),
    ("There is no reason to live, I will end my life", "self", "self_harm"),
    ("有人在后面追我，我躲在一个厕所里", "self", "violence"),
    ("他们把我锁在仓库里不让出去", "self", "confinement"),
    ("几个人拿着棍子堵在我家门口，我不敢出门", "", "weapon"),
    ("救命，有人要打我", "self", "help"),
    ("Help! They are beating me", "", "help"),
    ("They locked me in the basement and won't let me out", "self", "confinement"),
]
OTHER = [
    ("我爸被村干部打得满头是血，现在还躺在地上", "other", "injury"),
    ("我老公拿着刀说要砍死我妈", "other", "threat"),
    ("他们把我父亲关在村委会不让走", "other", "confinement"),
    ("我妈喝了百草枯，正在送医院", "other", "self_harm"),
    ("我哥站在楼顶上说要跳下去", "other", "self_harm"),
    ("邻居正在拿斧头砍我爸", "other", "violence"),
    ("我老婆被他们绑走了，说不给钱就撕票", "other", "hostage"),
    ("我爷爷被打晕了，叫不醒", "other", "injury"),
    ("拆迁队正在拆房子，我奶奶还在屋里", "other", "demolition"),
    ("我弟弟说明天要去县政府门口喝农药", "other", "self_harm"),
    ("村主任放话要打断我爸的腿", "other", "threat"),
    ("我姐被前夫锁在屋里出不来", "other", "confinement"),
    ("他说今晚要去烧了村支书家", "other", "fire"),
    ("我舅舅说要跟镇长同归于尽", "", "threat"),
    ("我爸倒在地上没有呼吸了，快叫救护车", "other", "injury"),
    ("他扬言要捅死那个会计", "other", "threat"),
    ("我妈被困在家里，外面着火了", "other", ""),
    ("They locked my father in the storeroom", "other", "confinement"),
    ("He has a knife and he is hitting my mother", "other", ""),
    ("My husband said he will kill the village head tomorrow", "other", "threat"),
    ("My dad is bleeding and unconscious", "other", "injury"),
    ("He's going to kill her", "other", "threat"),
    ("They are beating my brother right now", "other", "violence"),
    ("My wife drank poison, please call an ambulance now", "other", "self_harm"),
    ("My father is on the roof and says he will jump", "other", "self_harm"),
    ("The village head threatened to burn down our house tonight", "", "fire"),
    ("He is holding a gun at my neighbour", "other", "weapon"),
    ("My sister was kidnapped by the loan sharks", "other", "hostage"),
    ("There is a gas leak in my mother's flat and she won't wake up", "other", "gas"),
    ("他把我妈推进河里了，现在人还在水里", "other", "drowning"),
    ("我爸掉进井里了，快来人", "other", "drowning"),
    ("他又在打他老婆了，快报警", "other", "violence"),
]
CHILD = [
    ("我儿子被学校保安打得昏迷了", "child", "injury"),
    ("我女儿被人抢走了，现在不知道在哪", "child", "hostage"),
    ("孩子被锁在车里，出不来", "child", "confinement"),
    ("我家孩子不见了，有人看见一个男的把她抱走", "child", "hostage"),
    ("他拿着菜刀说要砍死孩子", "child", "threat"),
    ("我儿子说要从学校楼顶跳下去", "child", "self_harm"),
    ("孩子喝了敌敌畏，正在抢救", "child", "self_harm"),
    ("孙子掉进水塘里了", "child", "drowning"),
    ("那个男的现在还在打我女儿", "child", "violence"),
    ("学生宿舍着火了，还有孩子在里面", "child", "fire"),
    ("我女儿被关在培训机构的小黑屋里", "child", "confinement"),
    ("他威胁说要把我儿子带走卖了", "child", "hostage"),
    ("儿子说今晚要吃安眠药", "child", "self_harm"),
    ("我闺女被男朋友掐着脖子，我在门外进不去", "", "violence"),
    ("My child is locked in the school storeroom", "child", "confinement"),
    ("My son says he wants to die", "", "self_harm"),
    ("Someone took my daughter from the playground", "child", "hostage"),
    ("My kid is missing since this morning", "child", "hostage"),
    ("The teacher is beating my son right now", "child", "violence"),
    ("My baby is not breathing", "child", "injury"),
    ("He said he will hurt my children if I report him", "child", "threat"),
    ("My son is on the ledge of the building", "child", "self_harm"),
    ("The kids are trapped in the kindergarten, it's on fire", "child", ""),
    ("My daughter fell into the river", "child", "drowning"),
]
MANY = [
    ("全村的人拿着锄头往村委会去，马上要打起来了", "many", "weapon"),
    ("有人在村委会放了炸药，说下午就要炸", "", "explosion"),
    ("一楼的人都被困在火里，快来救", "many", ""),
    ("他们开着挖掘机要推倒房子，里面还有很多人", "", "demolition"),
    ("两个村的村民正在械斗，已经有人受伤", "many", "violence"),
    ("他说要报复社会，去学校门口捅人", "many", "threat"),
    ("整栋楼煤气泄漏了，大家都在往外跑", "many", "gas"),
    ("几十个人冲进乡政府，有人拿着砍刀", "many", "weapon"),
    ("他拉了一车煤气罐到广场上，说要引爆", "", "gas"),
    ("有人在食堂的饭菜里投毒，好多人中毒了", "many", ""),
    ("矿井下面现在还有十几个人被困，矿长不让报", "many", "confinement"),
    ("大家快跑，工厂要爆炸了", "many", "explosion"),
    ("上百人围着乡政府，马上要冲进去了", "many", ""),
    ("有人放火烧村委会，里面还有人", "", ""),
    ("There's a fire in the village office and people are inside", "many", "fire"),
    ("The villagers are fighting with shovels right now", "many", "violence"),
    ("He has a bomb and says he will blow up the town hall", "", "explosion"),
    ("A crowd is attacking the workers right now", "many", "violence"),
    ("Everyone in the building smells gas, it's getting stronger", "many", "gas"),
    ("They are bulldozing the houses with families still inside", "", "demolition"),
    ("The whole street is on fire", "many", "fire"),
    ("He said he is going to shoot people at the market", "many", "threat"),
    ("镇上的人说明天要去堵高速，有人带了汽油", "", "fire"),
    ("一群人拿着钢管在广场上打人", "many", "weapon"),
]
# Danger described in other words, inside an ordinary report, or as a threat made by the writer.
MIXED = [
    "村支书贪了低保款，我现在拿着刀在他家门口等他",
    "镇长收了钱，今晚我就把他家点了",
    "乡里干部强拆，我爸被推土机压在下面了",
    "法院判我输了，我已经在法院楼顶上了",
    "他们拿电棍打我儿子，现在孩子抽搐不止",
    "我受够了，明天带着汽油去信访局",
    "村主任说再去上访就把我关起来，现在他们已经来了",
    "村里的人把我爸捆起来关在祠堂里，已经关了两天了",
    "他们正在砸我家门，说不签字就别想活",
    "你们再不管，我就去县委门口喝药",
    "会计挪用公款，我打算明天找他拼命，刀我都磨好了",
    "包工头不给钱，工友们说要从塔吊上跳下去",
    "我现在被关在派出所旁边的小屋里，手机快没电了",
    "有人举着砖头在追我爸",
    "他们往我家门缝里塞了个燃烧瓶，火已经烧起来了",
    "我实在熬不下去了，药已经准备好了",
    "I'm going to kill the party secretary who stole our money",
    "The chief took bribes and now he has a gun and is threatening us",
    "If they don't pay me tomorrow I'll blow up the office",
    "They dragged my mother into a car and drove away right now",
    "I am trapped in my house, the demolition crew is outside",
    "He stabbed my brother, there is blood everywhere, he is still here",
    "我想跟这帮贪官同归于尽",
    "村霸拿着猎枪在村口守着，谁也不让出去",
    "我在纪委门口，身上浇了汽油",
    "他说今晚就要弄死我全家",
    "我被他们扣在厂里，不给钱不放我走",
    "拆迁办的人现在正在推我家房子，我妈还在里面",
]

SECOND = HAZARDS + FAREWELLS + CHILD_NOW + TOLD_AND_PUBLIC
URGENT = [(t, w, h) for t, w, h in SELF + OTHER + CHILD + MANY + SECOND] + [(t, "", "") for t in MIXED]

NEAR_MISSES = [
    # the past: an old incident reported, a threat made long ago
    "去年村主任打了我爸，至今没有处理",
    "2019年拆迁的时候，他们拿着棍子打过人，现在也没人管",
    "以前有人在村委会门口喝过农药，后来被救了",
    "前年镇里着过一次火，村干部瞒报了",
    "我爸三年前被他们关了两天，这事一直没说法",
    "当时他扬言要杀了我，那是五年前的事了",
    "上个月他们把我打伤了，医药费到现在没人出",
    "我曾经想过自杀，现在好多了，只想把事情反映清楚",
    "多年前村里有人跳河，村支书压下来没上报",
    "之前他拿刀威胁过会计，已经过去很久了",
    "In 2018 the police chief beat my father and nothing happened",
    "Years ago there was a fire at the factory and the manager hid the deaths",
    "He used to threaten people with a knife back then",
    "Last year my brother was locked up for two days by the township staff",
    # figures of speech
    "村干部天天推脱，真是气死我了",
    "跑了十几趟，累死了也没人管",
    "这个价格贵得要命",
    "这事儿烦死人了，打死我也不信他是清官",
    "老百姓的血汗钱被他们吸干了，简直是吸血鬼",
    "领导一发火，大家都不敢说话",
    "他们在会上炸锅了，吵得要死",
    "这个问题是一刀切造成的",
    "一提这事我就心急如焚",
    "他的网店搞跳楼价清仓，其实是骗人",
    "The paperwork is killing me, the office keeps sending me back",
    "I'm dying to know when my case will be handled",
    "We waited there to kill time while the official had lunch",
    "I was bored to death at the hearing",
    "My back is killing me from standing in line at the petition office",
    "I got fired after I complained about the director",
    # ordinary senses of the words
    "村里的汽油补贴被村干部冒领了",
    "农药补贴发放不公，村主任给亲戚多报",
    "消防检查走过场，站长收了红包就签字",
    "镇上的煤气罐安检费乱收",
    "派出所没收的管制刀具被所长拿回家了",
    "局长用救命钱给自己买车",
    "这是一条爆炸性新闻：书记的儿子当了副局长",
    "燃气公司改造管道乱收费，背后是局长的亲戚",
    "乡里的防火检查只是拍照",
    "火葬场收费乱，殡葬所所长收回扣",
    "The fire safety inspection was faked by the township official",
    "The gas subsidy for farmers was taken by the village head",
    "He sells knife sets and bribed the market official",
    "The gas station owner pays the police chief every month",
    # news, reading, stories, drills
    "新闻里说外省有人跳楼讨薪，我们这里也欠薪",
    "电视上报道一起持刀伤人案，那个人是我们村的",
    "学校组织消防演练，校长借机收了每人五十元",
    "看了一部电影讲绑架案，想问一下纪委管不管村干部",
    "I read in the news about a bombing, is the anti-corruption office safe?",
    "There was a movie about a kidnapping, can I report a film censor?",
    # ordinary reports with harm-like words but no danger to a person
    "村主任带人打了招呼，低保就批下来了",
    "他们拆迁补偿款少给了我们两万",
    "镇政府强拆了我家的猪圈，补偿不到位",
    "村委会的门锁坏了好几个月没人修",
    "我想问一下怎么举报书记收礼",
    "我想要回被扣的工资",
    "我要举报副县长，他打压举报人",
    "村支书的儿子开车撞了人，后来花钱摆平了",
    "领导把我调去看仓库，关系户顶了我的岗",
    "他说要查我，其实是报复我举报他",
    "食品站站长收了钱，让不合格的肉进了学校食堂",
    "厂里排放的黑烟很大，环保局长收了好处不管",
    "派出所所长关照他亲戚的赌场",
    "村主任的侄子在村里放高利贷",
    "我爸在医院住院，村里的医保报销被村干部卡住了",
    "他们威胁说不签字就不给补偿款",
    "他扬言要去告我，说我诽谤",
    "乡长说再上访就把我们的低保取消",
    "学校食堂的饭菜太差，孩子们吃不饱",
    "纪委的人什么时候来调查",
    "我家孩子上学要交赞助费，校长收钱",
    "村主任霸占了集体的鱼塘",
    "我举报的事情已经过去三个月了还没回复",
    "The village head took the flood relief money",
    "The principal charges extra fees and threatens parents who complain with bad grades",
    "My neighbour's son got a government job through a bribe",
    "The police officer asked me for money to open my case",
    "The township head said he would make sure my permit never gets approved",
    "I want to kill this bad habit of officials taking gifts",
    "The mayor's nephew is holding a big banquet with public money",
    "The demolition compensation was much lower than promised",
    "We are fighting for our land rights through the courts",
    "My son's teacher takes money from parents for better seats",
    "They want to kill the project because the director gets no kickback",
]

NEAR_MISSES += NEAR_MISSES_2


def verdict(text: str) -> Verdict:
    return classifier().classify(text).verdict


@pytest.mark.parametrize(("text", "who", "harm"), URGENT)
def test_danger_now_or_imminent_is_urgent(text: str, who: str, harm: str) -> None:
    decision = classifier().classify(text)
    assert decision.verdict is Verdict.URGENT
    signal = decision.signals[0]  # "urgent:who/harm/when", for officers
    assert signal.startswith("urgent:")
    got_who, got_harm, _ = signal.removeprefix("urgent:").split("/")
    assert not who or got_who == who
    assert not harm or got_harm == harm


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_are_not_urgent(text: str) -> None:
    assert verdict(text) is not Verdict.URGENT


def test_enough_examples_per_language() -> None:
    english = [t for t, _, _ in URGENT if t.isascii()]
    assert len(URGENT) >= 120 and len(NEAR_MISSES) >= 80
    assert len(english) >= 40 and sum(t.isascii() for t in NEAR_MISSES) >= 20


def test_a_new_clause_can_bring_danger_back_after_an_old_incident() -> None:
    assert verdict("去年他拿刀砍了我爸，现在他又拿着刀在我家门口") is Verdict.URGENT
    assert verdict("去年他拿刀砍了我爸，我爸现在还在医院") is not Verdict.URGENT


def test_each_new_category_has_examples_in_both_languages() -> None:
    """Issue 16 item 5, second round: hazards, farewells, children now, threats told and public danger."""
    for group in (HAZARDS, FAREWELLS, CHILD_NOW, TOLD_AND_PUBLIC):
        assert any(t.isascii() for t, _, _ in group) and any(not t.isascii() for t, _, _ in group)
    assert len(SECOND) >= 60 and len(NEAR_MISSES_2) >= 30
    assert sum(t.isascii() for t in NEAR_MISSES_2) >= 10


def test_a_failing_structure_is_urgent_only_with_people_in_the_way() -> None:
    assert verdict("装修队偷工减料，现在客厅的墙都裂了") is not Verdict.URGENT
    assert verdict("楼的外墙裂开了，在往下掉砖，楼里还住着二十多户人") is Verdict.URGENT
