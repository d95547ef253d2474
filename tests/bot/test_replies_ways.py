"""The many ways a busy official says done, not done, a share, a difficulty or a new date in chat — each
case is how people type, not a fixed phrase: a share below 100 % is progress even beside "hoàn thành", a plan
to finish is not a finish, "không có vướng mắc" is not a difficulty, "sang tháng 4" is April and not a
morning ("sáng")."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.replies import parse_status_text
from storage.models import TaskStatus

TODAY = dt.date(2026, 2, 5)
D, P, B, E, N = (TaskStatus.DONE, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED, TaskStatus.EXTENSION_REQUESTED,
                 TaskStatus.OPEN)


@pytest.mark.parametrize(("text", "status", "percent", "due"), [
    # a share below all of it is progress, whatever verb comes with it
    ("hoàn thành 70% khối lượng", P, 70, None),
    ("da hoan thanh duoc 45 %", P, 45, None),
    ("sắp xong rồi", P, None, None),
    ("mới xong được một nửa", P, 50, None),
    ("kế hoạch sẽ hoàn thành vào tuần sau", P, None, None),
    ("đang làm, dự kiến xong trước Tết", P, None, None),
    ("xong 100%", D, 100, None),
    ("✔ đã gửi", D, 100, None),
    # shares in words and fractions
    ("khoảng một nửa khối lượng", P, 50, None),
    ("mới được một phần tư", P, 25, None),
    ("hai phần ba", P, 67, None),
    ("đạt 4/5 chỉ tiêu", P, 80, None),
    ("25 phần trăm", P, 25, None),
    ("đạt 72,4%", P, 72, None),
    ("ngày 2/5 họp", None, None, None),  # a date is no share
    # difficulties said and unsaid
    ("không gặp khó khăn gì, đang làm", P, None, None),
    ("hiện chưa có vướng mắc", None, None, None),
    ("đang chờ ý kiến của lãnh đạo Sở", B, None, None),
    ("tạm ngưng vì mưa lũ", B, None, None),
    ("chưa thực hiện được do thiếu người", B, None, None),
    ("chưa bắt đầu", N, None, None),
    # new dates asked for in many ways
    ("xin lùi sang tháng 5", E, None, dt.date(2026, 5, 31)),
    ("xin gia hạn đến hết quý 3", E, None, dt.date(2026, 9, 30)),
    ("đề nghị gia hạn đến cuối tháng 4/2026", E, None, dt.date(2026, 4, 30)),
    ("chưa kịp, xin thêm thời gian đến 10/3", E, None, dt.date(2026, 3, 10)),
    ("xin thêm thời gian, sẽ xong trước ngày 12/3", E, None, dt.date(2026, 3, 12)),
    ("xin thêm thời gian", None, None, None),  # no date: the conversation asks for one (ASKS_EXTENSION)
])
def test_ways_of_saying(text: str, status: TaskStatus | None, percent: int | None, due: dt.date | None) -> None:
    change = parse_status_text(text, today=TODAY)
    assert change is not None
    assert (change.status, change.percent, change.requested_due_on) == (status, percent, due)


@pytest.mark.parametrize(("text", "status", "percent", "due"), [
    # chat shorthand: "ko" / "k" for không, "đc" for được, "xog" for xong
    ("ko kịp xong trong tuần này đâu", None, None, None),
    ("k có vướng mắc gì, vẫn đang làm", P, None, None),
    ("đc khoảng 1 nửa r", P, 50, None),
    ("đã xog", D, 100, None),
    ("khó hoàn thành đúng hạn vì thiếu người", None, None, None),
    # some of it left
    ("xong phần lớn, còn 2 hồ sơ", P, None, None),
    ("đã xong giai đoạn 1, còn giai đoạn 2", P, None, None),
    ("đã tổ chức 3 hội nghị", None, None, None),  # a count done so far: a note, not the end
    ("chưa làm được gì", N, None, None),
    # more time asked for in other words
    ("xin thêm 5 ngày", E, None, dt.date(2026, 2, 10)),
    ("cho em xin lùi 1 tuần nữa", E, None, dt.date(2026, 2, 12)),
    ("đề nghị lùi thời hạn đến 20/3/2026", E, None, dt.date(2026, 3, 20)),
])
def test_chat_shorthand_and_partial_work(text: str, status: TaskStatus | None, percent: int | None,
                                         due: dt.date | None) -> None:
    change = parse_status_text(text, today=TODAY)
    assert change is not None
    assert (change.status, change.percent, change.requested_due_on) == (status, percent, due)


@pytest.mark.parametrize(("text", "deliverable", "status"), [
    # a paper sent on the way to the work is progress (probe 38, F2: the conference was not held by the invitation)
    ("1.a đã gửi giấy mời hội nghị cho các Sở rồi ạ", "Tổ chức hội nghị triển khai Nghị định", P),
    ("đã phát hành thư mời tập huấn", "Tổ chức tập huấn cho cán bộ cấp xã", P),
    ("da gui giay moi cac dai bieu", None, P),
    ("đã gửi công văn đề nghị các Sở góp ý", "Xây dựng dự thảo Thông tư", P),
    ("Đã gửi văn bản xin ý kiến các Bộ", "Trình Chính phủ dự thảo Nghị định", P),
    ("đã gửi phiếu khảo sát cho các xã", "Đánh giá nhu cầu chuyển đổi số", P),
    ("đã gửi cv đôn đốc các huyện", "Tổng hợp kết quả rà soát", P),
    # …unless that paper is the task's own deliverable
    ("đã gửi giấy mời các Sở", "Gửi giấy mời các Sở, ngành dự hội nghị", D),
    ("đã gửi công văn đề nghị Bộ Tài chính hướng dẫn", "Ban hành văn bản đề nghị Bộ Tài chính hướng dẫn", D),
    # a report, a plan, a decision sent is the deliverable; a "xong" said is done whatever was sent
    ("đã gửi báo cáo", "Tổ chức hội nghị, báo cáo kết quả", D),
    ("đã ban hành kế hoạch", None, D),
    ("xong, đã gửi giấy mời", None, D),
    ("1.a xong, đã tổ chức hội nghị sáng nay tại Hà Nội", "Tổ chức hội nghị triển khai Nghị định", D),
])
def test_a_paper_sent_on_the_way_is_progress(text: str, deliverable: str | None, status: TaskStatus) -> None:
    said = parse_status_text(text, today=TODAY, deliverable=deliverable)
    assert said is not None and said.status == status, (text, said)
