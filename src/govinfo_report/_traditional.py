"""Reports written in Traditional Chinese (政府資訊公開工作年度報告): their labels and
headings matched after conversion to Simplified, their text kept as printed.

:func:`simplified` is applied where labels are compared (the readers' label matching,
:func:`fold` for the title and for the statements of the 信息处理费 that the readers, the
checks and the writers read), never to the text a report keeps. It is a character table, one
character for one (so offsets in a title map back to the printed agency name), plus the
phrase 資訊 (Taiwan's word for 信息: 政府資訊公開). The table covers every character of
the official labels, headings and the words the readers look for whose Traditional form
differs (generated once from OpenCC's s2t and s2twp tables, Apache-2.0, and checked by
the tests), and leaves out any Traditional form that is itself a Simplified character
the readers use: exact for matching labels, and no dependency or dictionary load for a
conversion that only labels need.

:func:`is_traditional` tells a document written in Traditional characters (more of its
characters in their Traditional form than in their Simplified form, and at least
10), for the ``R.TRADITIONAL`` notice.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Final

from govinfo_report._unicode import nfkc

_TRADITIONAL: Final = (
    "萬與專業丟兩個爲為舉麼義鄉亂於產億僅從們會傳體餘關內寫決況準減幾擊則刪別辦務動區"
    "華單佔卻廳歷縣叄參發變號後諮圍國圖壞處復頭夾實審對導將盡屬帶並庫應廢開異張強當錄"
    "徑態總戶執護報換據數斷無舊時機權條來構標欄檔檢沒測瀏溫點狀現電監碼確種祕稱穩筆籌"
    "籤簡類糾約級納組細織經結給絡絕統繼續維編繳網罰聯範獲銜補見規視覽計認讓議訊許訟設"
    "訪評識訴試話詢該誤說請讀誰負責敗購貳貼費賴踐車轉較輯輸過還這進遠連適遞遺郵鄰採錯"
    "鎮門問間閱陽際陸頁項順須題額驗齊複資臺週裡衛災醫療環廣東龍蘇雲貴遼滬黨紀財稅糧農"
    "漁礦鐵輛氣邊慶燈書記長顯領頒預風飛馬魚鳥"
)
_SIMPLIFIED: Final = (
    "万与专业丢两个为为举么义乡乱于产亿仅从们会传体余关内写决况准减几击则删别办务动区"
    "华单占却厅历县叁参发变号后咨围国图坏处复头夹实审对导将尽属带并库应废开异张强当录"
    "径态总户执护报换据数断无旧时机权条来构标栏档检没测浏温点状现电监码确种秘称稳笔筹"
    "签简类纠约级纳组细织经结给络绝统继续维编缴网罚联范获衔补见规视览计认让议讯许讼设"
    "访评识诉试话询该误说请读谁负责败购贰贴费赖践车转较辑输过还这进远连适递遗邮邻采错"
    "镇门问间阅阳际陆页项顺须题额验齐复资台周里卫灾医疗环广东龙苏云贵辽沪党纪财税粮农"
    "渔矿铁辆气边庆灯书记长显领颁预风飞马鱼鸟"
)
_TABLE: Final = str.maketrans(_TRADITIONAL, _SIMPLIFIED)
_SIMPLE_FORMS: Final = frozenset(_SIMPLIFIED) - frozenset(_TRADITIONAL)
_TRADITIONAL_FORMS: Final = frozenset(ch for ch in _TRADITIONAL if ch != ch.translate(_TABLE))
_ANY_TRADITIONAL: Final = re.compile(f"[{re.escape(''.join(sorted(_TRADITIONAL_FORMS)))}]")
"""Finds a character in its Traditional form: one C-level scan, no object per character
(``frozenset.isdisjoint`` over a string makes one string per character: 20 times slower)."""
_MINIMUM: Final = 10
"""Traditional characters a document needs to read as written in Traditional Chinese."""


def simplified(text: str) -> str:
    """``text`` with Traditional characters as Simplified, one for one (資訊 as 信息)."""
    # translate() builds a new string a character at a time; one scan says whether any
    # character would change (most texts are Simplified throughout).
    converted = text if _ANY_TRADITIONAL.search(text) is None else text.translate(_TABLE)
    return converted.replace("资讯", "信息") if "资讯" in converted else converted


def fold(text: str) -> str:
    """Width-folded text (full-width digits → ASCII), spacing kept; Traditional
    characters as Simplified, one for one."""
    return simplified(nfkc(text)).replace("\u3000", " ")


def is_traditional(texts: Iterable[str]) -> bool:
    """Whether the texts are written in Traditional Chinese."""
    joined = "".join(texts)
    if _ANY_TRADITIONAL.search(joined) is None:  # most documents: decided in one scan
        return False
    counts = Counter(joined)  # counted in C; each distinct character looked at once
    traditional = sum(n for ch, n in counts.items() if ch in _TRADITIONAL_FORMS)
    simple = sum(n for ch, n in counts.items() if ch in _SIMPLE_FORMS)
    return traditional >= _MINIMUM and traditional > simple
