"""The one rule for ids: which strings may name a node or a source.

An id is one to 128 characters: Unicode word characters (letters, marks, digits, connectors such
as ``_``) and ``.``, ``:`` and ``-``, not starting with ``.``, ``:`` or ``-``. The word characters
are those of Unicode Technical Standard #18, listed below as code-point ranges rather than written
``\\w``, because ``\\w`` means something different to Python's ``re`` (which leaves out combining
marks and takes in ``²``), to pydantic's Rust engine and to JavaScript. Ranges mean the same to
every engine, so the model (:data:`argmap.model.NodeId`) and the published JSON Schema
(``argmap schema``) validate ids with this one pattern and agree on every string.

Examples:
    >>> from argmap.ids import is_id
    >>> is_id("c1"), is_id("북한-인권"), is_id("a\\u093c"), is_id("x²"), is_id("-c"), is_id("a b")
    (True, True, True, False, False, False)

Most ids are ASCII, which :data:`ASCII_ID` tells apart without normalising them (a reader's
fast path); every other id is checked by the whole rule:

    >>> from argmap.ids import ASCII_ID
    >>> [bool(ASCII_ID.fullmatch(t)) for t in ("support.2", "북한", "-c", "a b")]
    [True, False, False, False]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

__all__ = [
    "ASCII_ID",
    "ID_MAX_LENGTH",
    "ID_PATTERN",
    "ID_RULE",
    "WORD_CHARS",
    "id_problem",
    "is_id",
    "nfc_hint",
    "shown_id",
]

ID_MAX_LENGTH = 128
"""The most characters an id may have."""

# fmt: off
# -- begin table (scripts/make_id_chars.py) --
_WORD_RANGES = (
    "0030-0039 0041-005a 005f 0061-007a 00aa 00b5 00ba "
    "00c0-00d6 00d8-00f6 00f8-02c1 02c6-02d1 02e0-02e4 02ec 02ee "
    "0300-0374 0376-0377 037a-037d 037f 0386 0388-038a 038c "
    "038e-03a1 03a3-03f5 03f7-0481 0483-052f 0531-0556 0559 0560-0588 "
    "0591-05bd 05bf 05c1-05c2 05c4-05c5 05c7 05d0-05ea 05ef-05f2 "
    "0610-061a 0620-0669 066e-06d3 06d5-06dc 06df-06e8 06ea-06fc 06ff "
    "0710-074a 074d-07b1 07c0-07f5 07fa 07fd 0800-082d 0840-085b "
    "0860-086a 0870-0887 0889-088e 0897-08e1 08e3-0963 0966-096f 0971-0983 "
    "0985-098c 098f-0990 0993-09a8 09aa-09b0 09b2 09b6-09b9 09bc-09c4 "
    "09c7-09c8 09cb-09ce 09d7 09dc-09dd 09df-09e3 09e6-09f1 09fc "
    "09fe 0a01-0a03 0a05-0a0a 0a0f-0a10 0a13-0a28 0a2a-0a30 0a32-0a33 "
    "0a35-0a36 0a38-0a39 0a3c 0a3e-0a42 0a47-0a48 0a4b-0a4d 0a51 "
    "0a59-0a5c 0a5e 0a66-0a75 0a81-0a83 0a85-0a8d 0a8f-0a91 0a93-0aa8 "
    "0aaa-0ab0 0ab2-0ab3 0ab5-0ab9 0abc-0ac5 0ac7-0ac9 0acb-0acd 0ad0 "
    "0ae0-0ae3 0ae6-0aef 0af9-0aff 0b01-0b03 0b05-0b0c 0b0f-0b10 0b13-0b28 "
    "0b2a-0b30 0b32-0b33 0b35-0b39 0b3c-0b44 0b47-0b48 0b4b-0b4d 0b55-0b57 "
    "0b5c-0b5d 0b5f-0b63 0b66-0b6f 0b71 0b82-0b83 0b85-0b8a 0b8e-0b90 "
    "0b92-0b95 0b99-0b9a 0b9c 0b9e-0b9f 0ba3-0ba4 0ba8-0baa 0bae-0bb9 "
    "0bbe-0bc2 0bc6-0bc8 0bca-0bcd 0bd0 0bd7 0be6-0bef 0c00-0c0c "
    "0c0e-0c10 0c12-0c28 0c2a-0c39 0c3c-0c44 0c46-0c48 0c4a-0c4d 0c55-0c56 "
    "0c58-0c5a 0c5d 0c60-0c63 0c66-0c6f 0c80-0c83 0c85-0c8c 0c8e-0c90 "
    "0c92-0ca8 0caa-0cb3 0cb5-0cb9 0cbc-0cc4 0cc6-0cc8 0cca-0ccd 0cd5-0cd6 "
    "0cdd-0cde 0ce0-0ce3 0ce6-0cef 0cf1-0cf3 0d00-0d0c 0d0e-0d10 0d12-0d44 "
    "0d46-0d48 0d4a-0d4e 0d54-0d57 0d5f-0d63 0d66-0d6f 0d7a-0d7f 0d81-0d83 "
    "0d85-0d96 0d9a-0db1 0db3-0dbb 0dbd 0dc0-0dc6 0dca 0dcf-0dd4 "
    "0dd6 0dd8-0ddf 0de6-0def 0df2-0df3 0e01-0e3a 0e40-0e4e 0e50-0e59 "
    "0e81-0e82 0e84 0e86-0e8a 0e8c-0ea3 0ea5 0ea7-0ebd 0ec0-0ec4 "
    "0ec6 0ec8-0ece 0ed0-0ed9 0edc-0edf 0f00 0f18-0f19 0f20-0f29 "
    "0f35 0f37 0f39 0f3e-0f47 0f49-0f6c 0f71-0f84 0f86-0f97 "
    "0f99-0fbc 0fc6 1000-1049 1050-109d 10a0-10c5 10c7 10cd "
    "10d0-10fa 10fc-1248 124a-124d 1250-1256 1258 125a-125d 1260-1288 "
    "128a-128d 1290-12b0 12b2-12b5 12b8-12be 12c0 12c2-12c5 12c8-12d6 "
    "12d8-1310 1312-1315 1318-135a 135d-135f 1380-138f 13a0-13f5 13f8-13fd "
    "1401-166c 166f-167f 1681-169a 16a0-16ea 16ee-16f8 1700-1715 171f-1734 "
    "1740-1753 1760-176c 176e-1770 1772-1773 1780-17d3 17d7 17dc-17dd "
    "17e0-17e9 180b-180d 180f-1819 1820-1878 1880-18aa 18b0-18f5 1900-191e "
    "1920-192b 1930-193b 1946-196d 1970-1974 1980-19ab 19b0-19c9 19d0-19d9 "
    "1a00-1a1b 1a20-1a5e 1a60-1a7c 1a7f-1a89 1a90-1a99 1aa7 1ab0-1ace "
    "1b00-1b4c 1b50-1b59 1b6b-1b73 1b80-1bf3 1c00-1c37 1c40-1c49 1c4d-1c7d "
    "1c80-1c8a 1c90-1cba 1cbd-1cbf 1cd0-1cd2 1cd4-1cfa 1d00-1f15 1f18-1f1d "
    "1f20-1f45 1f48-1f4d 1f50-1f57 1f59 1f5b 1f5d 1f5f-1f7d "
    "1f80-1fb4 1fb6-1fbc 1fbe 1fc2-1fc4 1fc6-1fcc 1fd0-1fd3 1fd6-1fdb "
    "1fe0-1fec 1ff2-1ff4 1ff6-1ffc 200c-200d 203f-2040 2054 2071 "
    "207f 2090-209c 20d0-20f0 2102 2107 210a-2113 2115 "
    "2119-211d 2124 2126 2128 212a-212d 212f-2139 213c-213f "
    "2145-2149 214e 2160-2188 24b6-24e9 2c00-2ce4 2ceb-2cf3 2d00-2d25 "
    "2d27 2d2d 2d30-2d67 2d6f 2d7f-2d96 2da0-2da6 2da8-2dae "
    "2db0-2db6 2db8-2dbe 2dc0-2dc6 2dc8-2dce 2dd0-2dd6 2dd8-2dde 2de0-2dff "
    "2e2f 3005-3007 3021-302f 3031-3035 3038-303c 3041-3096 3099-309a "
    "309d-309f 30a1-30fa 30fc-30ff 3105-312f 3131-318e 31a0-31bf 31f0-31ff "
    "3400-4dbf 4e00-a48c a4d0-a4fd a500-a60c a610-a62b a640-a672 a674-a67d "
    "a67f-a6f1 a717-a71f a722-a788 a78b-a7cd a7d0-a7d1 a7d3 a7d5-a7dc "
    "a7f2-a827 a82c a840-a873 a880-a8c5 a8d0-a8d9 a8e0-a8f7 a8fb "
    "a8fd-a92d a930-a953 a960-a97c a980-a9c0 a9cf-a9d9 a9e0-a9fe aa00-aa36 "
    "aa40-aa4d aa50-aa59 aa60-aa76 aa7a-aac2 aadb-aadd aae0-aaef aaf2-aaf6 "
    "ab01-ab06 ab09-ab0e ab11-ab16 ab20-ab26 ab28-ab2e ab30-ab5a ab5c-ab69 "
    "ab70-abea abec-abed abf0-abf9 ac00-d7a3 d7b0-d7c6 d7cb-d7fb f900-fa6d "
    "fa70-fad9 fb00-fb06 fb13-fb17 fb1d-fb28 fb2a-fb36 fb38-fb3c fb3e "
    "fb40-fb41 fb43-fb44 fb46-fbb1 fbd3-fd3d fd50-fd8f fd92-fdc7 fdf0-fdfb "
    "fe00-fe0f fe20-fe2f fe33-fe34 fe4d-fe4f fe70-fe74 fe76-fefc ff10-ff19 "
    "ff21-ff3a ff3f ff41-ff5a ff66-ffbe ffc2-ffc7 ffca-ffcf ffd2-ffd7 "
    "ffda-ffdc 10000-1000b 1000d-10026 10028-1003a 1003c-1003d 1003f-1004d 10050-1005d "
    "10080-100fa 10140-10174 101fd 10280-1029c 102a0-102d0 102e0 10300-1031f "
    "1032d-1034a 10350-1037a 10380-1039d 103a0-103c3 103c8-103cf 103d1-103d5 10400-1049d "
    "104a0-104a9 104b0-104d3 104d8-104fb 10500-10527 10530-10563 10570-1057a 1057c-1058a "
    "1058c-10592 10594-10595 10597-105a1 105a3-105b1 105b3-105b9 105bb-105bc 105c0-105f3 "
    "10600-10736 10740-10755 10760-10767 10780-10785 10787-107b0 107b2-107ba 10800-10805 "
    "10808 1080a-10835 10837-10838 1083c 1083f-10855 10860-10876 10880-1089e "
    "108e0-108f2 108f4-108f5 10900-10915 10920-10939 10980-109b7 109be-109bf 10a00-10a03 "
    "10a05-10a06 10a0c-10a13 10a15-10a17 10a19-10a35 10a38-10a3a 10a3f 10a60-10a7c "
    "10a80-10a9c 10ac0-10ac7 10ac9-10ae6 10b00-10b35 10b40-10b55 10b60-10b72 10b80-10b91 "
    "10c00-10c48 10c80-10cb2 10cc0-10cf2 10d00-10d27 10d30-10d39 10d40-10d65 10d69-10d6d "
    "10d6f-10d85 10e80-10ea9 10eab-10eac 10eb0-10eb1 10ec2-10ec4 10efc-10f1c 10f27 "
    "10f30-10f50 10f70-10f85 10fb0-10fc4 10fe0-10ff6 11000-11046 11066-11075 1107f-110ba "
    "110c2 110d0-110e8 110f0-110f9 11100-11134 11136-1113f 11144-11147 11150-11173 "
    "11176 11180-111c4 111c9-111cc 111ce-111da 111dc 11200-11211 11213-11237 "
    "1123e-11241 11280-11286 11288 1128a-1128d 1128f-1129d 1129f-112a8 112b0-112ea "
    "112f0-112f9 11300-11303 11305-1130c 1130f-11310 11313-11328 1132a-11330 11332-11333 "
    "11335-11339 1133b-11344 11347-11348 1134b-1134d 11350 11357 1135d-11363 "
    "11366-1136c 11370-11374 11380-11389 1138b 1138e 11390-113b5 113b7-113c0 "
    "113c2 113c5 113c7-113ca 113cc-113d3 113e1-113e2 11400-1144a 11450-11459 "
    "1145e-11461 11480-114c5 114c7 114d0-114d9 11580-115b5 115b8-115c0 115d8-115dd "
    "11600-11640 11644 11650-11659 11680-116b8 116c0-116c9 116d0-116e3 11700-1171a "
    "1171d-1172b 11730-11739 11740-11746 11800-1183a 118a0-118e9 118ff-11906 11909 "
    "1190c-11913 11915-11916 11918-11935 11937-11938 1193b-11943 11950-11959 119a0-119a7 "
    "119aa-119d7 119da-119e1 119e3-119e4 11a00-11a3e 11a47 11a50-11a99 11a9d "
    "11ab0-11af8 11bc0-11be0 11bf0-11bf9 11c00-11c08 11c0a-11c36 11c38-11c40 11c50-11c59 "
    "11c72-11c8f 11c92-11ca7 11ca9-11cb6 11d00-11d06 11d08-11d09 11d0b-11d36 11d3a "
    "11d3c-11d3d 11d3f-11d47 11d50-11d59 11d60-11d65 11d67-11d68 11d6a-11d8e 11d90-11d91 "
    "11d93-11d98 11da0-11da9 11ee0-11ef6 11f00-11f10 11f12-11f3a 11f3e-11f42 11f50-11f5a "
    "11fb0 12000-12399 12400-1246e 12480-12543 12f90-12ff0 13000-1342f 13440-13455 "
    "13460-143fa 14400-14646 16100-16139 16800-16a38 16a40-16a5e 16a60-16a69 16a70-16abe "
    "16ac0-16ac9 16ad0-16aed 16af0-16af4 16b00-16b36 16b40-16b43 16b50-16b59 16b63-16b77 "
    "16b7d-16b8f 16d40-16d6c 16d70-16d79 16e40-16e7f 16f00-16f4a 16f4f-16f87 16f8f-16f9f "
    "16fe0-16fe1 16fe3-16fe4 16ff0-16ff1 17000-187f7 18800-18cd5 18cff-18d08 1aff0-1aff3 "
    "1aff5-1affb 1affd-1affe 1b000-1b122 1b132 1b150-1b152 1b155 1b164-1b167 "
    "1b170-1b2fb 1bc00-1bc6a 1bc70-1bc7c 1bc80-1bc88 1bc90-1bc99 1bc9d-1bc9e 1ccf0-1ccf9 "
    "1cf00-1cf2d 1cf30-1cf46 1d165-1d169 1d16d-1d172 1d17b-1d182 1d185-1d18b 1d1aa-1d1ad "
    "1d242-1d244 1d400-1d454 1d456-1d49c 1d49e-1d49f 1d4a2 1d4a5-1d4a6 1d4a9-1d4ac "
    "1d4ae-1d4b9 1d4bb 1d4bd-1d4c3 1d4c5-1d505 1d507-1d50a 1d50d-1d514 1d516-1d51c "
    "1d51e-1d539 1d53b-1d53e 1d540-1d544 1d546 1d54a-1d550 1d552-1d6a5 1d6a8-1d6c0 "
    "1d6c2-1d6da 1d6dc-1d6fa 1d6fc-1d714 1d716-1d734 1d736-1d74e 1d750-1d76e 1d770-1d788 "
    "1d78a-1d7a8 1d7aa-1d7c2 1d7c4-1d7cb 1d7ce-1d7ff 1da00-1da36 1da3b-1da6c 1da75 "
    "1da84 1da9b-1da9f 1daa1-1daaf 1df00-1df1e 1df25-1df2a 1e000-1e006 1e008-1e018 "
    "1e01b-1e021 1e023-1e024 1e026-1e02a 1e030-1e06d 1e08f 1e100-1e12c 1e130-1e13d "
    "1e140-1e149 1e14e 1e290-1e2ae 1e2c0-1e2f9 1e4d0-1e4f9 1e5d0-1e5fa 1e7e0-1e7e6 "
    "1e7e8-1e7eb 1e7ed-1e7ee 1e7f0-1e7fe 1e800-1e8c4 1e8d0-1e8d6 1e900-1e94b 1e950-1e959 "
    "1ee00-1ee03 1ee05-1ee1f 1ee21-1ee22 1ee24 1ee27 1ee29-1ee32 1ee34-1ee37 "
    "1ee39 1ee3b 1ee42 1ee47 1ee49 1ee4b 1ee4d-1ee4f "
    "1ee51-1ee52 1ee54 1ee57 1ee59 1ee5b 1ee5d 1ee5f "
    "1ee61-1ee62 1ee64 1ee67-1ee6a 1ee6c-1ee72 1ee74-1ee77 1ee79-1ee7c 1ee7e "
    "1ee80-1ee89 1ee8b-1ee9b 1eea1-1eea3 1eea5-1eea9 1eeab-1eebb 1f130-1f149 1f150-1f169 "
    "1f170-1f189 1fbf0-1fbf9 20000-2a6df 2a700-2b739 2b740-2b81d 2b820-2cea1 2ceb0-2ebe0 "
    "2ebf0-2ee5d 2f800-2fa1d 30000-3134a 31350-323af e0100-e01ef "
)
# -- end table --
# fmt: on


def _class_body(ranges: str) -> str:
    parts = []
    for item in ranges.split():
        start, _, end = item.partition("-")
        first = chr(int(start, 16))
        parts.append(f"{first}-{chr(int(end, 16))}" if end else first)
    return "".join(parts)


# The characters themselves, not \u escapes: Python, Rust and JavaScript (with the u flag that
# JSON Schema validators use) all read a literal character in a class alike. No word character is
# one of the class's own syntax (\ ] [ ^ -), so none needs escaping.
WORD_CHARS = _class_body(_WORD_RANGES)
"""The word characters of an id (all but ``.``, ``:`` and ``-``), as the inside of a
regular-expression class: ``f"[{WORD_CHARS}]"`` matches one, ``f"[^{WORD_CHARS}]"`` any other."""

ID_PATTERN = re.compile(f"^(?![.:-])[{WORD_CHARS}.:-]+$(?!\\n)")
"""The pattern an id matches (besides its length), for ``re.search`` as JSON Schema validators
use it. Its ``$(?!\\n)`` ends the match at the end of the text: a bare ``$`` in Python also
matches before a final newline. The same string goes into the JSON Schema."""

ASCII_ID = re.compile(rf"[A-Za-z0-9_][A-Za-z0-9_.:-]{{0,{ID_MAX_LENGTH - 1}}}")
"""The ids made only of ASCII letters, digits, ``_``, ``.``, ``:`` and ``-``, for ``fullmatch``:
ids by the rule above (these are word characters to every engine) that NFC leaves as they are.
Most ids are such; checking one with this pattern needs no NFC and no call into pydantic, and a
test holds it to :data:`ID_PATTERN` on every ASCII string."""


def is_id(text: str) -> bool:
    """Whether ``text`` is a valid id as it stands (the model then keeps it in NFC form).

    Examples:
        >>> is_id("support.2"), is_id("é"), is_id(""), is_id("a" * 129)
        (True, True, False, False)
    """
    return len(text) <= ID_MAX_LENGTH and ID_PATTERN.search(text) is not None


ID_RULE = (
    f"an id is 1 to {ID_MAX_LENGTH} letters, digits and '_' (any script), "
    "then also '.', ':' or '-'; no spaces or other signs"
)
"""The id rule in words, for messages: what an id may hold. Messages say this, never the
pattern, which is thousands of characters long."""

_NOT_ID_CHARS = re.compile(f"[^{WORD_CHARS}.:-]")
_SHOWN_WIDTH = 40


def shown_id(text: object, width: int = _SHOWN_WIDTH) -> str:
    r"""``text`` as a message shows a value given as an id: its ``repr``, which escapes control
    characters, bidirectional controls and other unprintable characters, clipped to ``width``.

    Examples:
        >>> print(shown_id("a b"), shown_id("x\x1b[2J"), shown_id("y" * 50)[-6:])
        'a b' 'x\x1b[2J' yyy...
    """
    shown = repr(text)
    return shown if len(shown) <= width else shown[: width - 3] + "..."


def nfc_hint(node_id: object, known: Container[str]) -> str:
    r"""What to say when ``node_id`` names nothing but its NFC form names a node in ``known``.

    Ids are kept in Unicode's composed form (NFC), so ``'e\u0301'`` (an ``e`` and a combining
    accent) is added as ``'\xe9'``; looked up as written, it names nothing, and the two print
    alike. Returns ``""`` when that is not the case.

    Examples:
        >>> nfc_hint("e\u0301", {"\xe9"}).split(",")[0]
        ": the map has it as '\\xe9'"
        >>> nfc_hint("x", {"x"})
        ''
    """
    if not isinstance(node_id, str) or node_id.isascii():
        return ""
    nfc = unicodedata.normalize("NFC", node_id)
    if nfc == node_id or nfc not in known:
        return ""
    return (
        f": the map has it as {nfc!a}, the same letters with each accent composed into "
        f"one character (Unicode NFC, the form argmap keeps ids in), where {node_id!a} "
        "writes an accent as a mark of its own; use the id as the map has it, or "
        "unicodedata.normalize('NFC', id)"
    )


def id_problem(text: object, what: str | None = None) -> str | None:
    """Why ``text`` is not an id, in words that say what an id may hold and what to do; None
    when it is one. ``what`` names the place (``"premise"``, ``"source"``, ...), when the
    message is not already placed.

    The message names the value (escaped and clipped, see :func:`shown_id`) and suggests an id
    made from it where one can be made, so it stays short whatever the value.

    Examples:
        >>> print(id_problem("a b!"))
        'a b!' is not a valid id: it holds ' '; an id is 1 to 128 letters, digits and '_' (any \
script), then also '.', ':' or '-'; no spaces or other signs (try 'a_b_')
        >>> print(id_problem("-c", "premise"))
        premise '-c' is not a valid id: it starts with '-'; an id is 1 to 128 letters, digits \
and '_' (any script), then also '.', ':' or '-'; no spaces or other signs (try 'n-c')
        >>> id_problem("ok-1") is None
        True
    """
    named = f"{what} " if what else ""
    if not isinstance(text, str):
        kind = type(text).__name__
        return f"{named}{shown_id(text)} is not an id: an id is text (a str), not {kind}"
    if is_id(text):
        return None
    if not text:
        why = "it is empty"
    elif len(text) > ID_MAX_LENGTH:
        why = f"it has {len(text)} characters"
    elif text[0] in ".:-":
        why = f"it starts with {text[0]!r}"
    else:
        bad = _NOT_ID_CHARS.search(text)
        why = f"it holds {bad.group()!r}" if bad else "it breaks the rule"
    suggestion = _NOT_ID_CHARS.sub("_", text.strip())
    if suggestion[:1] in (".", ":", "-"):
        suggestion = "n" + suggestion
    shown = shown_id(suggestion)
    hint = f" (try {shown})" if is_id(suggestion) and not shown.endswith("...") else ""
    return f"{named}{shown_id(text)} is not a valid id: {why}; {ID_RULE}{hint}"
