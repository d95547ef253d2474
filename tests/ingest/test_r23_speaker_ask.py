"""Round 23: in a retold report (a news or portal copy: no kind, no number), a sentence that tells a speaker's ask —
"Đồng chí Bí thư Huyện ủy yêu cầu lãnh đạo, cán bộ xã cần khẩn trương …", "Chủ tịch UBND thành phố đã chỉ đạo các
sở, ngành, quận, huyện trên địa bàn thành phố nhanh chóng kiểm tra …", "Trong buổi họp, thành viên Ban Chỉ đạo đề
nghị ngành chuyên môn phối hợp với …", "Sở cũng lưu ý các đơn vị phải …" — is a task of the units asked, named up to
where their work begins, where no task holds the sentence yet. Not "yêu cầu"/"chỉ đạo" as nouns ("các văn bản chỉ đạo
…", "Ban Chỉ đạo …", "yêu cầu này nhằm …"), a verb-first sentence ("Quan tâm chỉ đạo các chi bộ …"), nor the closing
call to carry the text out."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.parser import _speaker_ask_tasks

HEADLINE = "Xã Tân Hòa triển khai nhiệm vụ trọng tâm những tháng cuối năm"
ACCOUNT = ("Chiều ngày 12/10, hội nghị sơ kết công tác 9 tháng đầu năm của xã Tân Hòa đã diễn ra. Trong 9 tháng qua, "
           "tình hình kinh tế - xã hội của xã tiếp tục ổn định, nhiều chỉ tiêu đạt và vượt kế hoạch đề ra.")

SPEAKERS = [
    "Phát biểu kết luận hội nghị, đồng chí Nguyễn Văn Bình, Bí thư Đảng ủy xã",
    "Tại buổi làm việc, Chủ tịch UBND huyện",
    "Đồng chí Phó Chủ tịch UBND xã",
]
ASKS = [
    ("yêu cầu", "lãnh đạo, cán bộ xã",
     "cần khẩn trương rà soát các tiêu chí nông thôn mới còn thiếu, xây dựng lộ trình thực hiện cụ thể cho từng thôn"),
    ("đề nghị", "cán bộ, đảng viên, công chức xã",
     "bắt tay ngay vào thực hiện kế hoạch và chương trình công tác năm 2025 đã đề ra"),
    ("đã chỉ đạo", "các ngành, đoàn thể trên địa bàn xã",
     "nhanh chóng kiểm tra địa bàn, có giải pháp khắc phục hậu quả mưa lũ"),
    ("cũng lưu ý", "các đơn vị", "phải bảo đảm an toàn cho người dân trong mùa mưa bão"),
]


def _news(sentence: str) -> str:
    return f"{HEADLINE}\n\n{ACCOUNT}\n\n{sentence}\n\nMinh Anh\n"


@pytest.mark.parametrize("speaker", SPEAKERS)
@pytest.mark.parametrize("verb,asked,work", ASKS)
def test_a_speakers_ask_is_a_task_of_the_units_asked(speaker: str, verb: str, asked: str, work: str) -> None:
    sentence = f"{speaker} {verb} {asked} {work}."
    tasks = [t for t in parse_notice(_news(sentence)).tasks if work[:40] in t.text]
    assert len(tasks) == 1, [(t.ref, t.lead, t.text[:80]) for t in parse_notice(_news(sentence)).tasks]
    assert " ".join(tasks[0].lead).replace(" ", "") in asked.replace(" ", "") or \
        [u.casefold() for u in tasks[0].lead] == [asked.casefold()], tasks[0].lead


def test_the_reader_itself_names_the_units_asked() -> None:
    sentence = ("Đồng chí Bí thư Huyện ủy yêu cầu lãnh đạo, cán bộ xã cần khẩn trương tập trung triển khai các tiêu "
                "chí trên tất cả các thôn.")
    found = _speaker_ask_tasks([sentence], [], issued_on=None)
    assert len(found) == 1 and found[0].text == sentence


# guards: the words as nouns, a verb-first sentence, a closing call, a lead-in, an ask too short to hold work
@pytest.mark.parametrize("sentence", [
    "Thời gian qua, MTTQ xã đã chủ động xây dựng các văn bản chỉ đạo Đại hội MTTQ xã nhiệm kỳ 2025 - 2030.",
    "Công an xã đã tham mưu UBND xã kiện toàn ban chỉ đạo phòng cháy, chữa cháy cấp xã và xây dựng kế hoạch.",
    "Theo Bộ Công Thương, yêu cầu này nhằm tiếp tục chủ động các biện pháp phòng chống dịch bệnh trên địa bàn.",
    "Quan tâm chỉ đạo các chi bộ trực thuộc đảng ủy tập trung chuẩn bị công tác đại hội theo kế hoạch.",
    "UBND xã yêu cầu các đơn vị, các thôn nghiêm túc triển khai thực hiện.",
    "Đồng chí Chủ tịch UBND xã yêu cầu các thôn thực hiện tốt một số nội dung như sau:",
    "Đồng chí Bí thư đề nghị các thôn tiếp tục phát huy.",
])
def test_no_speakers_ask(sentence: str) -> None:
    assert _speaker_ask_tasks([sentence], [], issued_on=None) == []


def test_a_sentence_a_task_holds_already_is_left_alone() -> None:
    sentence = ("Chủ tịch UBND huyện yêu cầu lãnh đạo, cán bộ xã cần khẩn trương rà soát các tiêu chí nông thôn mới "
                "còn thiếu, xây dựng lộ trình thực hiện.")
    held = parse_notice(_news(sentence)).tasks
    assert _speaker_ask_tasks([sentence], list(held), issued_on=None) == []


def test_a_formal_letter_is_read_by_its_items() -> None:
    # (a document with its kind and number: its items are its tasks; the retold-report readers do not run)
    letter = ("ỦY BAN NHÂN DÂN\nXÃ TÂN HÒA\nSố: 12/TB-UBND\nTân Hòa, ngày 12 tháng 10 năm 2024\n\nTHÔNG BÁO\n"
              "Kết luận của Chủ tịch UBND xã\n\n1. Giao Văn phòng UBND xã tổng hợp báo cáo trước ngày 20/10/2024.\n"
              "Đồng chí Chủ tịch UBND xã cũng lưu ý các đơn vị phải bảo đảm an toàn cho người dân trong mùa mưa bão.\n")
    refs = [t.ref for t in parse_notice(letter).tasks]
    assert refs and all(not r.isdigit() or int(r) < 10 for r in refs)
