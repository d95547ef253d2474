"""Legacy encodings, checked on their well-known renderings of the national motto."""

from __future__ import annotations

from bot.ingest import parse_notice, read_document
from bot.ingest.legacy import repair_legacy

MOTTO = "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc"
TCVN3_MOTTO = "Céng hßa x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc"
VNI_MOTTO = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc"
BODY_UNICODE = ("Giao Sở Tài chính chủ trì, phối hợp với các đơn vị liên quan thực hiện việc rà soát, "
                "báo cáo Ủy ban nhân dân tỉnh trước ngày 15/4/2013.")
BODY_TCVN3 = ("Giao Së Tµi chÝnh chñ tr×, phèi hîp víi c¸c ®¬n vÞ liªn quan thùc hiÖn viÖc rµ so¸t, "
              "b¸o c¸o ñy ban nh©n d©n tØnh tr\u00adíc ngµy 15/4/2013.")
BODY_VNI = ("Giao Sôû Taøi chính chuû trì, phoái hôïp vôùi caùc ñôn vò lieân quan thöïc hieän vieäc raø soaùt, "
            "baùo caùo UÛy ban nhaân daân tænh tröôùc ngaøy 15/4/2013.")


def test_tcvn3_and_vni_are_converted() -> None:
    assert repair_legacy(TCVN3_MOTTO + "\n" + BODY_TCVN3) == MOTTO + "\n" + BODY_UNICODE.replace("Ủy", "ủy")
    assert repair_legacy(VNI_MOTTO + "\n" + BODY_VNI) == MOTTO + "\n" + BODY_UNICODE


def test_unicode_vietnamese_is_left_alone() -> None:
    text = MOTTO + "\n" + BODY_UNICODE
    assert repair_legacy(text) == text
    assert repair_legacy("Café crème brûlée à la carte") == "Café crème brûlée à la carte"


def test_legacy_bytes_are_read_and_parsed() -> None:
    for legacy in (TCVN3_MOTTO + "\n" + BODY_TCVN3, VNI_MOTTO + "\n" + BODY_VNI):
        text = read_document(legacy.encode("latin-1"), "cv.txt")
        task = parse_notice(text).tasks[0]
        assert task.lead == ("Sở Tài chính",) and task.due is not None and task.due.isoformat() == "2013-04-15"
