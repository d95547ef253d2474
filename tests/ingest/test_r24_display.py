"""Round 24: a task's one-line view starts from its ask when the text opens with a heading, a lead-in or a frame
(`bot.textbase.ask_first`): the parse table and the draft preview show the work, the task's text stays whole."""

from __future__ import annotations

from pathlib import Path

from bot.ingest import parse_notice
from bot.textbase import ask_first, notice_table

HEADING_LEADIN_FRAME = (
    "Những nhiệm vụ cần tập trung thực hiện trong thời gian tới: Yêu cầu chung là: Trên cơ sở quán triệt, bám sát "
    "Kết luận số 12-KL/TU của Tỉnh ủy về công tác năm 2017; kết quả kiểm điểm của tập thể lãnh đạo Ban Tuyên giáo "
    "Tỉnh ủy và nhiệm vụ được giao, Ban Tuyên giáo Tỉnh ủy rà soát, bổ sung đầy đủ vào kế hoạch công tác năm 2018.")


def test_heading_lead_in_and_frame_are_skipped_to_the_clause_naming_the_lead() -> None:
    shown = ask_first(HEADING_LEADIN_FRAME, ("Ban Tuyên giáo Tỉnh ủy",))
    assert shown.startswith("… Ban Tuyên giáo Tỉnh ủy rà soát, bổ sung đầy đủ")


def test_the_lead_named_inside_the_frame_is_not_the_ask() -> None:
    # "… lãnh đạo Ban Tuyên giáo Tỉnh ủy và …" is not at a clause start, nor followed by its verb
    shown = ask_first(HEADING_LEADIN_FRAME, ("Ban Tuyên giáo Tỉnh ủy",))
    assert "và nhiệm vụ được giao" not in shown


def test_a_frame_before_the_ask_word_is_skipped() -> None:
    text = ("Để chủ động phòng, chống cháy rừng trong mùa khô năm nay trên địa bàn toàn tỉnh, Chi cục Kiểm lâm yêu cầu "
            "các Hạt Kiểm lâm tăng cường tuần tra, canh gác lửa rừng.")
    assert ask_first(text, ("các Hạt Kiểm lâm",)) == ("… Yêu cầu các Hạt Kiểm lâm tăng cường tuần tra, canh gác lửa "
                                                     "rừng.")


def test_a_short_topic_stays() -> None:
    text = "Về công tác tuyên truyền: Sở Thông tin và Truyền thông chủ trì hướng dẫn các cơ quan báo chí."
    assert ask_first(text, ("Sở Thông tin và Truyền thông",)) == text


def test_a_list_of_leads_is_not_cut_after_its_first_name() -> None:
    text = ("Căn cứ vào các nguồn kinh phí thực hiện Phương án đã được phê duyệt, UBND tỉnh giao Sở Tài chính, "
            "Sở Kế hoạch và Đầu tư phối hợp thẩm định, tham mưu bố trí kinh phí.")
    shown = ask_first(text, ("Sở Tài chính", "Sở Kế hoạch và Đầu tư"))
    assert "Sở Tài chính" in shown


def test_an_earlier_sentence_is_not_skipped() -> None:
    text = ("Trên cơ sở kết quả kiểm tra của đoàn công tác liên ngành trong tháng trước. Tình hình còn nhiều khó khăn, "
            "Sở Y tế tăng cường kiểm tra các cơ sở.")
    assert ask_first(text, ("Sở Y tế",)) == text


def test_no_lead_no_change() -> None:
    assert ask_first(HEADING_LEADIN_FRAME, ()) == " ".join(HEADING_LEADIN_FRAME.split())


def test_seed_notice_table_shows_the_ask_and_the_json_keeps_the_whole_text() -> None:
    seed = Path(__file__).resolve().parents[2] / "examples" / "seed-notice.txt"
    notice = parse_notice(seed.read_text(encoding="utf-8"))
    task = next(t for t in notice.tasks if "rà soát, bổ sung đầy đủ vào kế hoạch" in t.text)
    assert task.text.startswith("Những nhiệm vụ cần tập trung")  # what the JSON (and the scorer) reads is unchanged
    row = next(line for line in notice_table(notice).splitlines() if line.startswith(task.ref + " "))
    assert "… Ban Dân vận Tỉnh ủy rà soát, bổ sung đầy đủ" in row
    assert "Yêu cầu chung là" not in row
