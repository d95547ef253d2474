"""Round 12: a prose sentence whose doer does several things, each clause after a ';' opening with a verb of work
("…; tăng cường kiểm tra …; kiên quyết không để …; tổ chức trực ban …"), holds one duty a clause: each is a task of
the same doer. A clause that is no duty (a case, a deadline, a list of documents) stays with the one before, and a
leader's "chỉ đạo X a; b" stays one."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.parser import _chained_duties

NEWS = """Huyện An Phú tăng cường phòng cháy, chữa cháy rừng
Theo đó, {doer} tăng cường tuyên truyền, nâng cao nhận thức cho người dân về phòng cháy, chữa cháy rừng; \
{second}; tổ chức trực ban theo dõi tình hình cháy rừng trong suốt các tháng mùa khô.
"""


@pytest.mark.parametrize("second", [
    "kiên quyết không để phát sinh các điểm đốt nương rẫy trái phép trên địa bàn",
    "thường xuyên theo dõi thông tin cảnh báo cháy rừng trên hệ thống cảnh báo sớm",
    "chủ động kiểm tra, sửa chữa các phương tiện chữa cháy để đáp ứng yêu cầu",
    "phối hợp với lực lượng kiểm lâm tuần tra các khu rừng có nguy cơ cháy cao",
])
def test_each_work_clause_is_a_task_of_the_same_doer(second: str) -> None:
    tasks = parse_notice(NEWS.format(doer="UBND các xã, thị trấn", second=second)).tasks
    assert len(tasks) == 3
    assert tasks[1].text.startswith(second)
    assert tasks[2].text.startswith("tổ chức trực ban")
    assert all(t.lead == ("UBND các xã, thị trấn",) for t in tasks)


@pytest.mark.parametrize("clause", [
    "trong đó ưu tiên các khu rừng phòng hộ, rừng đặc dụng",  # a case of the same work
    "Luật Lâm nghiệp số 16/2017/QH14 và các văn bản hướng dẫn thi hành",  # what the work follows
    "hoàn thành trước ngày 30 tháng 4 năm 2026",  # when
])
def test_a_clause_that_is_no_duty_stays_with_the_duty(clause: str) -> None:
    text = (f"Sở Nông nghiệp và Môi trường chủ trì kiểm tra công tác phòng cháy, chữa cháy rừng trên địa bàn tỉnh; "
            f"{clause}.")
    assert _chained_duties(text) == [text]


def test_a_leaders_directed_list_stays_one() -> None:
    text = ("Chủ tịch UBND huyện chỉ đạo UBND các xã đẩy nhanh tiến độ xóa nhà tạm trên địa bàn; rà soát danh sách "
            "các hộ cần hỗ trợ ngày công trên địa bàn.")
    assert _chained_duties(text) == [text]


def test_a_verb_used_as_a_noun_opens_no_duty() -> None:
    # "hướng dẫn của …" (the guidance of), "chỉ đạo của …": what the work follows, not more work
    text = ("UBND huyện bám sát sự chỉ đạo của UBND tỉnh trong việc xóa nhà tạm, nhà dột nát trên địa bàn; hướng dẫn "
            "của các sở, ngành của tỉnh để triển khai thực hiện trên địa bàn huyện.")
    assert _chained_duties(text) == [text]
