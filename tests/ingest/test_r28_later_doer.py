"""Round 28 phrasing pattern: in a news or portal copy, an item or paragraph whose first sentence names its doer in
words no unit reader knows ("Các chủ nhà hàng ven biển cần …", "Thứ ba, khẩn trương …"), then a second sentence
that opens with a unit and its duty ("Ban quản lý bãi biển Sơn Hải cần …", "Các cơ quan tham mưu của Huyện ủy sớm …").
The second sentence is that unit's task of its own; it no longer hides inside the first one's text, its doer taken
for the whole. Unit names and work are invented."""

from __future__ import annotations

from bot.ingest import parse_notice


def _tasks(text: str) -> list[dict]:
    return parse_notice(text).to_json()["tasks"]


ITEMS = ("Để bảo đảm an toàn cho du khách trong mùa hè, UBND xã Hải An yêu cầu các thôn, các hộ kinh doanh dịch vụ "
         "và ban quản lý bãi biển thực hiện một số nhiệm vụ như sau:\n"
         "1. Ban điều hành các thôn tăng cường công tác tuyên truyền cho người dân về nguy cơ đuối nước ở các hồ, "
         "ao và kênh mương trên địa bàn.\n"
         "2. Các chủ nhà hàng ven biển cần bố trí người trực, treo bảng cảnh báo tại những đoạn bờ có sóng lớn và "
         "dòng chảy xa bờ. Ban quản lý bãi biển Sơn Hải cần trang bị đủ phao, áo phao và trực liên tục trong giờ "
         "tắm biển.\n"
         "3. Các gia đình có trẻ nhỏ quản lý chặt chẽ con em, không để trẻ em tự ý đi tắm biển.\n")


def test_second_sentence_with_its_own_unit_is_its_own_task() -> None:
    tasks = _tasks(ITEMS)
    rescue = [t for t in tasks if "trang bị đủ phao" in t["text"]]
    assert len(rescue) == 1
    assert "bố trí người trực" not in rescue[0]["text"]
    assert rescue[0]["lead"] == ["Ban quản lý bãi biển Sơn Hải"]
    assert any("bố trí người trực" in t["text"] for t in tasks)


ORDINAL = ("Ban Thường vụ Huyện ủy yêu cầu các cấp ủy, cơ quan, đơn vị tập trung thực hiện tốt ba nhiệm vụ trọng "
           "tâm.\n\n"
           "Thứ nhất, các chi bộ trực thuộc khẩn trương kiện toàn tổ chức, phân công nhiệm vụ cho từng cấp ủy viên "
           "ngay trong tháng 3.\n\n"
           "Thứ hai, khẩn trương chuẩn bị nội dung trình hội nghị Ban Chấp hành Đảng bộ huyện trong quý II. Các cơ "
           "quan tham mưu của Huyện ủy sớm báo cáo Ban Thường vụ cho ý kiến để hoàn thiện trước khi trình hội nghị.\n")


def test_ordinal_paragraph_then_a_unit_sentence() -> None:
    tasks = _tasks(ORDINAL)
    staff = [t for t in tasks if "sớm báo cáo Ban Thường vụ" in t["text"]]
    assert len(staff) == 1
    assert "chuẩn bị nội dung trình" not in staff[0]["text"]
    assert any("chuẩn bị nội dung trình" in t["text"] for t in tasks)


def test_same_unit_named_before_stays_one_task() -> None:
    # guard: the first sentence names the unit itself; its next sentence goes on with the same duty
    text = ("Chủ tịch UBND huyện yêu cầu Phòng Tài nguyên và Môi trường huyện kiểm tra hiện trạng các bãi tập kết cát "
            "ven sông trên địa bàn. Phòng Tài nguyên và Môi trường huyện báo cáo kết quả trước ngày 20/5/2026.")
    tasks = _tasks(text)
    assert len([t for t in tasks if "kiểm tra hiện trạng" in t["text"]]) == 1
    assert all("báo cáo kết quả" not in t["text"] or "kiểm tra hiện trạng" in t["text"] for t in tasks)
