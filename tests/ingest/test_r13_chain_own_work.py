"""Round 13: in a ';' chain of one doer's duties, "chỉ đạo triển khai …" (directing the work itself) is the doer's own
duty, and the bare-verb clauses after it are the same doer's next duties; only "chỉ đạo" + units ("chỉ đạo các xã …")
hands the rest of the chain on to the units directed."""

from __future__ import annotations

import pytest

from bot.ingest.parser import _chained_duties


@pytest.mark.parametrize("verb", ["chỉ đạo triển khai đồng bộ", "chỉ đạo thực hiện nghiêm",
                                  "chỉ đạo, hướng dẫn thực hiện"])
def test_directing_the_work_itself_keeps_the_chain(verb: str) -> None:
    text = (f"Giao UBND các xã phối hợp với các đơn vị liên quan {verb} các biện pháp phòng, chống dịch bệnh trên "
            "đàn gia cầm; theo dõi, quản lý chặt chẽ đàn gia cầm, báo cáo kịp thời các trường hợp phát sinh.")
    duties = _chained_duties(text)
    assert len(duties) == 2
    assert duties[1].startswith("theo dõi, quản lý chặt chẽ")


@pytest.mark.parametrize("directed", ["các xã, thị trấn", "Phòng Nông nghiệp và Phát triển nông thôn",
                                      "lực lượng thú y cơ sở"])
def test_directing_units_hands_the_chain_on(directed: str) -> None:
    text = (f"Giao UBND huyện chỉ đạo {directed} tăng cường kiểm tra đàn vật nuôi trên địa bàn quản lý; "
            "tổ chức tiêu độc khử trùng chuồng trại chăn nuôi theo hướng dẫn.")
    assert len(_chained_duties(text)) == 1


def test_the_colon_of_a_members_list_opens_no_list_of_work() -> None:
    text = ("UBND tỉnh yêu cầu các Sở: Y tế, Giáo dục và Đào tạo, UBND các huyện triển khai các biện pháp phòng, chống "
            "đuối nước cho trẻ em; đẩy mạnh công tác tuyên truyền nâng cao nhận thức cho người dân bằng nhiều "
            "hình thức; "
            "đẩy mạnh xã hội hóa công tác dạy bơi, tạo điều kiện cho trẻ em được học bơi.")
    assert len(_chained_duties(text)) == 3


@pytest.mark.parametrize("verb", ["chủ động thông báo", "kịp thời hỗ trợ", "huy động"])
def test_more_verbs_open_a_chained_duty(verb: str) -> None:
    text = ("Chủ tịch UBND các xã nghiêm túc thực hiện quy định tuyên truyền Luật Đất đai trên địa bàn quản lý; "
            f"{verb} lực lượng, phương tiện và thông tin kịp thời đến người dân trên hệ thống truyền thanh xã.")
    assert len(_chained_duties(text)) == 2


def test_directing_others_to_act_hands_the_chain_on() -> None:
    text = ("Đối với các cơ quan báo chí, chỉ đạo tăng cường tuyên truyền, thông báo rộng rãi về các yêu cầu phòng, "
            "chống dịch trên địa bàn; cập nhật số điện thoại đường dây nóng tiếp nhận thông tin của các cấp.")
    assert len(_chained_duties(text)) == 1
