"""The notice parser on phrasing patterns (own examples, not the dev corpus)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from bot.ingest import parse_notice
from tests.conftest import SEED_NOTICE

LETTER = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1234/UBND-NL1
V/v kiểm tra an toàn hồ đập mùa mưa lũ
Hà Tĩnh, ngày 05 tháng 9 năm 2024
Kính gửi: Sở Nông nghiệp và Phát triển nông thôn
Xét đề nghị của Sở Nông nghiệp và Phát triển nông thôn tại Văn bản số 456/SNN-TL ngày 30/8/2024, Chủ tịch UBND tỉnh có ý kiến như sau:
Giao Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với UBND các huyện, thành phố kiểm tra an toàn các hồ đập; báo cáo UBND tỉnh trước ngày 20/9/2024.
Nơi nhận:
- Như trên;
- Lưu: VT, NL1.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Hùng
"""

CONCLUSION = """THÔNG BÁO
Kết luận của đồng chí Chủ tịch UBND huyện tại buổi làm việc với Phòng Tài nguyên và Môi trường
I. ĐÁNH GIÁ CHUNG
Năm 2023, Phòng đã hoàn thành tốt nhiệm vụ được giao.
Tuy nhiên, còn một số hạn chế:
- Công tác cấp giấy chứng nhận còn chậm.
- Việc xử lý vi phạm chưa kiên quyết.
II. NHIỆM VỤ THỜI GIAN TỚI
1. Phòng Tài nguyên và Môi trường:
a) Đẩy nhanh tiến độ cấp giấy chứng nhận quyền sử dụng đất, hoàn thành trong quý II/2024.
b) Tăng cường kiểm tra, xử lý vi phạm về đất đai; định kỳ hằng tháng báo cáo UBND huyện.
2. Giao Phòng Tài chính - Kế hoạch phối hợp với Phòng Tài nguyên và Môi trường bố trí kinh phí đo đạc trước ngày 30/4/2024.
Căn cứ Thông báo này, Phòng Tài nguyên và Môi trường triển khai thực hiện./.
"""


def test_letter_metadata_and_single_task() -> None:
    n = parse_notice(LETTER)
    assert (n.kind, n.number, n.date, n.place) == ("CÔNG VĂN", "1234/UBND-NL1", dt.date(2024, 9, 5), "Hà Tĩnh")
    assert n.signer == "Trần Văn Hùng" and n.signer_authority == "KT"
    assert n.addressees == ("Sở Nông nghiệp và Phát triển nông thôn",)
    assert n.subject == "kiểm tra an toàn hồ đập mùa mưa lũ"
    assert "456/SNN-TL" in n.references and "1234/UBND-NL1" not in n.references
    assert len(n.tasks) == 1
    t = n.tasks[0]
    assert t.lead == ("Sở Nông nghiệp và Phát triển nông thôn",)
    assert t.support == ("UBND các huyện, thành phố",)
    assert t.due == dt.date(2024, 9, 20) and t.due_text == "trước ngày 20/9/2024"


def test_conclusion_skips_assessment_and_inherits_the_lead() -> None:
    n = parse_notice(CONCLUSION)
    texts = [t.text for t in n.tasks]
    assert not any("cấp giấy chứng nhận còn chậm" in t for t in texts), "shortcomings are not tasks"
    a = next(t for t in n.tasks if t.text.startswith("Đẩy nhanh"))
    b = next(t for t in n.tasks if t.text.startswith("Tăng cường kiểm tra"))
    assert a.lead == ("Phòng Tài nguyên và Môi trường",) and a.due == dt.date(2024, 6, 30)
    assert b.recurrence == "monthly" and b.due is None
    c = next(t for t in n.tasks if "bố trí kinh phí" in t.text)
    assert c.lead == ("Phòng Tài chính - Kế hoạch",) and c.support == ("Phòng Tài nguyên và Môi trường",)
    assert c.due == dt.date(2024, 4, 30)
    assert not any(t.text.startswith("Căn cứ Thông báo") for t in n.tasks)


def test_nfd_input_gives_the_same_result_as_nfc() -> None:
    nfd = unicodedata.normalize("NFD", CONCLUSION)
    assert [t.to_json() for t in parse_notice(nfd).tasks] == [t.to_json() for t in parse_notice(CONCLUSION).tasks]


def test_lost_spaces_after_commas_and_colons_give_the_same_result() -> None:
    # a copy-paste that dropped the space after "," ";" ":" before a word ("chủ trì,phối hợp với UBND")
    glued = re.sub(r"([,;:]) (?=[^\W\d])", r"\1", LETTER)
    assert glued != LETTER
    assert [t.to_json() for t in parse_notice(glued).tasks] == [t.to_json() for t in parse_notice(LETTER).tasks]
    n = parse_notice("1. Giao Sở Tài chính chủ trì,phối hợp với Sở Xây dựng,UBND các huyện rà soát kinh phí.")
    assert n.tasks[0].lead == ("Sở Tài chính",) and n.tasks[0].support == ("Sở Xây dựng", "UBND các huyện")


def test_seed_notice_items() -> None:
    n = parse_notice(SEED_NOTICE.read_text(encoding="utf-8"))
    refs = [t.ref for t in n.tasks]
    assert refs[:2] == ["2", "2.1"] and "3" in refs and "4" in refs
    assert all(t.lead == ("Ban Dân vận Tỉnh ủy",) for t in n.tasks)
    assert n.signer == "Trần Minh Hoài"
    assert n.number is None and n.date is None  # the seed has no number or date line
    assert n.meeting_date == dt.date(2018, 2, 23)


def test_text_without_tasks() -> None:
    assert parse_notice("Kính chào các đồng chí. Chúc mừng năm mới!").tasks == ()


PLAN_WITH_FIELDS_AND_UNITS = """KẾ HOẠCH
Tổ chức Tuần lễ Văn hóa - Du lịch năm 2025
I. MỤC ĐÍCH, YÊU CẦU
1. Quảng bá hình ảnh địa phương.
2. Bảo đảm an toàn, tiết kiệm.
II. NỘI DUNG
1. Lễ khai mạc
- Thời gian dự kiến: ngày 10/5/2025.
- Địa điểm: Quảng trường trung tâm.
- Đơn vị chủ trì: Sở Văn hóa, Thể thao và Du lịch.
- Đơn vị phối hợp: Công an tỉnh, UBND thành phố.
2. Hội chợ sản phẩm OCOP
- Thời gian thực hiện: từ ngày 10/5/2025 đến hết năm 2025.
- Đơn vị chủ trì: Sở Công Thương.
III. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính
- Thẩm định, bố trí kinh phí tổ chức Tuần lễ, hoàn thành trước ngày 20/4/2025.
- Hướng dẫn thanh quyết toán theo quy định.
2. Công an tỉnh: Xây dựng phương án bảo đảm an ninh, trật tự trong thời gian tổ chức.
IV. CHẾ ĐỘ BÁO CÁO
Các đơn vị báo cáo kết quả về Sở Văn hóa, Thể thao và Du lịch trước ngày 30/5/2025. Sở Văn hóa, Thể thao và Du lịch tổng hợp, báo cáo UBND tỉnh trước ngày 10/6/2025.
Yêu cầu các sở, ngành, địa phương nghiêm túc triển khai thực hiện./.
"""


def _by_text(notice, start):  # type: ignore[no-untyped-def]
    return next(t for t in notice.tasks if t.text.startswith(start))


def test_purpose_is_not_a_task_and_activity_fields_belong_to_their_item() -> None:
    n = parse_notice(PLAN_WITH_FIELDS_AND_UNITS)
    assert not any("Quảng bá hình ảnh" in t.text for t in n.tasks)
    opening = _by_text(n, "Lễ khai mạc")
    assert opening.lead == ("Sở Văn hóa, Thể thao và Du lịch",)
    assert opening.support == ("Công an tỉnh", "UBND thành phố")
    assert opening.due is None, "an event date is not a deadline"
    assert not any(t.text.startswith(("Thời gian", "Địa điểm", "Đơn vị")) for t in n.tasks)
    fair = _by_text(n, "Hội chợ")
    assert fair.lead == ("Sở Công Thương",) and fair.due is None, "the end of a period is not a deadline"


def test_a_heading_that_names_a_unit_leads_its_items() -> None:
    n = parse_notice(PLAN_WITH_FIELDS_AND_UNITS)
    budget = _by_text(n, "Thẩm định, bố trí kinh phí")
    assert budget.lead == ("Sở Tài chính",) and budget.due.isoformat() == "2025-04-20"  # type: ignore[union-attr]
    assert _by_text(n, "Hướng dẫn thanh quyết toán").lead == ("Sở Tài chính",)
    assert not any(t.text == "Sở Tài chính" for t in n.tasks), "the unit heading itself is not a task"
    police = next(t for t in n.tasks if "phương án bảo đảm an ninh" in t.text)
    assert police.lead == ("Công an tỉnh",)


def test_a_reporting_section_splits_where_a_new_doer_is_named() -> None:
    n = parse_notice(PLAN_WITH_FIELDS_AND_UNITS)
    units_report = next(t for t in n.tasks if t.text.startswith("Các đơn vị báo cáo"))
    summary = next(t for t in n.tasks if t.text.startswith("Sở Văn hóa, Thể thao và Du lịch tổng hợp"))
    assert units_report.due.isoformat() == "2025-05-30" and summary.due.isoformat() == "2025-06-10"  # type: ignore[union-attr]
    assert summary.lead == ("Sở Văn hóa, Thể thao và Du lịch",)


PIPE_TABLE = """Kính gửi: Các sở, ngành
Chủ tịch UBND tỉnh giao nhiệm vụ như sau:
| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
| 1 | Xây dựng cơ sở dữ liệu đất đai | Sở Nông nghiệp và Môi trường | Sở Tài chính | Quý III/2025 |
| 2 | Rà soát thủ tục hành chính | Văn phòng UBND tỉnh | Các sở, ngành | Thường xuyên |
"""

FLAT_TABLE = """PHỤ LỤC
DANH MỤC NHIỆM VỤ
STT
Nhiệm vụ
Cơ quan
chủ trì
Cơ quan
phối hợp
Thời gian
hoàn thành
1
Hoàn thiện đề án chuyển đổi số
cấp tỉnh
Sở Khoa học và Công nghệ
Các sở, ngành
Tháng 9/2025
2
Tổ chức tập huấn kỹ năng số cho cán bộ
Sở Nội vụ
UBND các xã
Thường xuyên
"""


def test_task_tables_with_cells_become_tasks() -> None:
    n = parse_notice(PIPE_TABLE)
    assert [t.ref for t in n.tasks] == ["1", "2"]
    db, tthc = n.tasks
    assert db.lead == ("Sở Nông nghiệp và Môi trường",) and db.support == ("Sở Tài chính",)
    assert db.due.isoformat() == "2025-09-30"  # type: ignore[union-attr]
    assert tthc.lead == ("Văn phòng UBND tỉnh",) and tthc.due is None


def test_a_table_flattened_one_cell_per_line_is_cut_at_its_row_numbers() -> None:
    n = parse_notice(FLAT_TABLE)
    assert len(n.tasks) == 2
    first, second = n.tasks
    assert "Hoàn thiện đề án chuyển đổi số cấp tỉnh" in first.text
    assert first.lead == ("Sở Khoa học và Công nghệ",) and first.due.isoformat() == "2025-09-30"  # type: ignore[union-attr]
    assert second.lead == ("Sở Nội vụ",) and second.due is None


def test_a_recurring_duty_has_no_final_deadline() -> None:
    n = parse_notice("Kính gửi: Sở Y tế\nĐề nghị Sở Y tế định kỳ hằng quý báo cáo UBND tỉnh trước ngày 20 của "
                     "tháng cuối quý; tổng hợp báo cáo năm trước ngày 15/12.")
    assert n.tasks[0].recurrence == "quarterly" and n.tasks[0].due is None


def test_an_object_is_not_a_lead() -> None:
    n = parse_notice("1. Sở Xây dựng\n- Chủ trì kiểm tra các công trình; yêu cầu các chủ đầu tư khắc phục ngay.\n"
                     "- Chỉ đạo các đơn vị trực thuộc rà soát hồ sơ.")
    assert [t.lead for t in n.tasks] == [("Sở Xây dựng",), ("Sở Xây dựng",)]


def test_the_closing_formula_names_the_default_lead() -> None:
    n = parse_notice("KẾ HOẠCH\nII. NHIỆM VỤ\n1. Rà soát quy chế làm việc.\n2. Kiện toàn tổ công tác.\n"
                     "Yêu cầu các phòng, đơn vị trực thuộc Sở nghiêm túc triển khai thực hiện./.")
    assert all(t.lead == ("các phòng, đơn vị trực thuộc Sở",) for t in n.tasks) and len(n.tasks) == 2


def test_attached_plan_after_the_signature_is_read_but_a_report_form_is_not() -> None:
    n = parse_notice("QUYẾT ĐỊNH\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n"
                     "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.\nNơi nhận:\n- Như Điều 2;\n"
                     "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Hòa\nKẾ HOẠCH\n(Kèm theo Quyết định số 12/QĐ-UBND)\n"
                     "II. NHIỆM VỤ\n1. Sở Tư pháp chủ trì rà soát văn bản quy phạm pháp luật, hoàn thành trong quý II/2025.\n"
                     "MẪU BÁO CÁO\n(Kèm theo Kế hoạch số 34/KH-UBND)\n1. Kết quả thực hiện nhiệm vụ\n2. Khó khăn, vướng mắc\n")
    assert n.signer == "Lê Văn Hòa"
    assert [t.lead for t in n.tasks] == [("Sở Tư pháp",)]


def test_signer_in_merged_signature_columns_and_own_number_of_a_portal_copy() -> None:
    n = parse_notice("(Chinhphu.vn) - Thủ tướng Chính phủ vừa có Công điện số 77/CĐ-TTg ngày 02/8/2025 về phòng chống bão.\n"
                     "Thủ tướng yêu cầu Ủy ban nhân dân các tỉnh ven biển khẩn trương sơ tán người dân.\n"
                     "Nơi nhận: - Như trên; - Lưu: VT. | KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Trần Hồng Hà")
    assert n.number == "77/CĐ-TTg" and n.date.isoformat() == "2025-08-02"  # type: ignore[union-attr]
    assert n.signer == "Trần Hồng Hà"
    assert n.tasks[0].lead == ("Ủy ban nhân dân các tỉnh ven biển",)


def test_damaged_documents_never_crash_the_parser() -> None:
    import random

    source = "\n".join([SEED_NOTICE.read_text(encoding="utf-8"), PLAN_WITH_FIELDS_AND_UNITS, PIPE_TABLE,
                        FLAT_TABLE, LETTER, CONCLUSION])
    rnd = random.Random(20260226)
    for _ in range(300):
        cut = source[rnd.randrange(len(source)):][: rnd.randrange(1, 4000)]
        lines = cut.split("\n")
        rnd.shuffle(lines)
        for text in (cut, "\n".join(lines), cut.replace(" ", ""), cut.upper()):
            parse_notice(text)  # must not raise


def test_wrapping_rules_keep_names_and_dates_whole() -> None:
    n = parse_notice("II. NHIỆM VỤ\n"
                     "- Chủ trì bảo đảm an ninh cho đại biểu tham gia chương trình “Lễ hội Hoa Ban Điện\n"
                     "biên năm 2025” tại Trung tâm Hội nghị tỉnh Điện Biên, phối hợp tổ chức Lễ hội Phố Núi Cao Bằng\n"
                     "- Lạng Sơn lần thứ nhất; hoàn thành kế hoạch trước ngày\n"
                     "15/3/2025.\n"
                     "- Rà soát danh sách khách mời.\n")
    assert len(n.tasks) == 2, "'- Lạng Sơn' continues a name cut at its hyphen, it is not a bullet"
    assert n.tasks[0].due.isoformat() == "2025-03-15"  # type: ignore[union-attr]


def test_headings_that_ask_a_unit_and_items_that_describe_are_not_tasks() -> None:
    n = parse_notice("IV. TỔ CHỨC THỰC HIỆN\n"
                     "1. Cơ quan chỉ đạo: UBND tỉnh.\n"
                     "2. Đề nghị Ban Tuyên giáo Tỉnh ủy\n"
                     "- Định hướng các cơ quan báo chí tuyên truyền về Lễ hội.\n"
                     "3. UBND các huyện: Mường Chà, Tủa Chùa.\n"
                     "- Bố trí lực lượng bảo đảm trật tự.\n")
    assert [t.text for t in n.tasks] == ["Định hướng các cơ quan báo chí tuyên truyền về Lễ hội.",
                                         "Bố trí lực lượng bảo đảm trật tự."]
    assert n.tasks[0].lead == ("Ban Tuyên giáo Tỉnh ủy",)
    assert n.tasks[1].lead == ("UBND huyện Mường Chà", "UBND huyện Tủa Chùa"), "one unit per name listed"


def test_latest_date_phrasings() -> None:
    n = parse_notice("Điều 3. Tổ chức thực hiện\n"
                     "1. Ủy ban nhân dân các tỉnh có trách nhiệm kiểm tra việc thực hiện, hoàn thành chậm nhất "
                     "đến ngày 01 tháng 7 năm 2028.\n"
                     "2. Sở Tài chính thường xuyên theo dõi tiến độ giải ngân vốn trong năm 2026.\n")
    assert [t.due.isoformat() if t.due else None for t in n.tasks] == ["2028-07-01", None]


def test_a_flattened_table_row_broken_over_a_page() -> None:
    n = parse_notice("PHỤ LỤC\nDANH MỤC NHIỆM VỤ\nTT\nTên nhiệm vụ\nCơ quan\nchủ trì\nCơ quan\nphối hợp\nKết quả\n"
                     "Thời gian\nhoàn thành\n"
                     "1\nBáo cáo chuyên đề về kinh tế\nBộ Tài chính\nCác bộ,\ncơ quan\nngang bộ\nBáo cáo chuyên\nđề\n"
                     "Tháng\n5/2026\nNghị quyết\nsố 23/NQ-CP ngày\n07/02/2026\n"
                     "CÔNG BÁO/Số 238/Ngày 21-04-2026\n98\n"
                     "TT\nTên nhiệm vụ\nCơ quan\nchủ trì\nCơ quan\nphối hợp\nKết quả\nThời gian\nhoàn thành\n"
                     "Báo cáo kết\nquả\nTháng\n11/2026\n"
                     "2  Tổ chức diễn đàn pháp luật\nBộ Tư pháp\nCác bộ, ngành\nDiễn đàn\n2026\n")
    first, second = n.tasks
    assert first.lead == ("Bộ Tài chính",) and first.support == ("Các bộ, cơ quan ngang bộ",)
    assert first.due.isoformat() == "2026-11-30", "two deliverables: the last time; a cited date is not one"  # type: ignore[union-attr]
    assert second.text.startswith("Tổ chức diễn đàn") and second.due.isoformat() == "2026-12-31"  # type: ignore[union-attr]


def test_a_decisions_own_articles_and_subject_are_not_tasks() -> None:
    n = parse_notice("BỘ Y TẾ\nSố: 12/QĐ-BYT\nHà Nội, ngày 02 tháng 3 năm 2025\nQUYẾT ĐỊNH\n"
                     "Ban hành hướng dẫn phòng chống dịch sốt xuất huyết\nBỘ TRƯỞNG BỘ Y TẾ\n"
                     "Căn cứ Nghị định số 95/2022/NĐ-CP;\nQUYẾT ĐỊNH:\n"
                     "Điều 1. Ban hành kèm theo Quyết định này Hướng dẫn phòng chống dịch sốt xuất huyết.\n"
                     "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
                     "Điều 3. Tổ chức thực hiện\n"
                     "1. Sở Y tế các tỉnh có trách nhiệm triển khai Hướng dẫn, báo cáo trước ngày 30/6/2025.\n"
                     "2. Chánh Văn phòng Bộ, Cục trưởng Cục Y tế dự phòng chịu trách nhiệm thi hành Quyết định này./.\n")
    assert n.subject == "Ban hành hướng dẫn phòng chống dịch sốt xuất huyết"
    assert [t.text[:25] for t in n.tasks] == ["Sở Y tế các tỉnh có trách"]
    assert n.tasks[0].lead == ("Sở Y tế các tỉnh",) and n.tasks[0].due.isoformat() == "2025-06-30"  # type: ignore[union-attr]


def test_table_cells_glued_or_wrapped_by_pdf_extraction() -> None:
    n = parse_notice("PHỤ LỤC\nTT\nTên nhiệm vụ\nCơ quan\nchủ trì\nCơ quan\nphối hợp\nThời gian\nhoàn thành\n"
                     "1\nThể chế hóa chủ trương phát triển kinh tế theo Nghị quyết của\nBộ Chính trị\nBộ Tài chính\n"
                     "Các bộ ở\nTrung ương\nTháng 5/2026\n"
                     "2\nĐề án về chỉ số đánh giá công tác\nxây dựng pháp luật Bộ Tư pháp\nCác bộ,\ncơ quan\nngang bộ\n2026\n")
    first, second = n.tasks
    assert "Nghị quyết của Bộ Chính trị" in first.text and first.lead == ("Bộ Tài chính",)
    assert first.support == ("Các bộ ở Trung ương",)
    assert second.lead == ("Bộ Tư pháp",) and second.support == ("Các bộ, cơ quan ngang bộ",)


def test_addressees_on_one_line_and_ban_hanh_is_not_a_unit() -> None:
    n = parse_notice("Kính gửi: - Các sở, ban, ngành thuộc UBND tỉnh; - Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh;\n"
                     "Chủ tịch UBND tỉnh yêu cầu:\n1. Ban hành kế hoạch kiểm tra hoạt động khoáng sản.\n")
    assert n.addressees == ("Các sở, ban, ngành thuộc UBND tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")
    assert n.tasks[0].lead == n.addressees
