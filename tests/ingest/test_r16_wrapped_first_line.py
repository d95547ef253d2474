"""Round 16: the first line of a hard-wrapped news copy is no headline when its sentence goes on below it ("… Chủ
tịch UBND tỉnh yêu" / "cầu các sở, ngành …"): taking it for the title cut the ask in two and lost every task of the
paragraph. A title line followed by a capitalised paragraph stays the title. And a full line that stops inside a
unit's name goes on at a dash line ("… phòng Tài nguyên" / "- Môi trường và các cơ quan …"): the name was cut at its
hyphen, no item begins there. A quarter wrapped onto a line of its own ("IV/2025") is no roman item, and a photo
caption wrapped in two ("… cho các phòng," / "ngành. Ảnh: Hữu Hoàn") goes whole, not its first line into the text."""

from __future__ import annotations

import textwrap

import pytest

from bot.ingest import parse_notice

PARAGRAPH = ("Mới đây, Chủ tịch UBND tỉnh {name} yêu cầu {unit} nghiêm túc kiểm tra, xử lý các trường hợp lấn chiếm "
             "hè phố, lòng đường làm nơi kinh doanh; tháo dỡ mái che, bục bệ làm cản trở giao thông; xử lý các điểm "
             "trông giữ phương tiện trái phép trên địa bàn. Chiều 9/3, UBND tỉnh tổ chức họp báo thông tin về tình "
             "hình kinh tế - xã hội tháng 2.")


@pytest.mark.parametrize("width", [66, 70, 74])
@pytest.mark.parametrize(("name", "unit"), [("Trần Văn Sơn", "các quận, huyện"), ("Lê Minh", "UBND các xã, phường")])
def test_a_wrapped_first_line_is_no_headline(width: int, name: str, unit: str) -> None:
    whole = PARAGRAPH.format(name=name, unit=unit)
    cut = whole.index(" cầu ")  # the first line ends inside "yêu cầu", as the PDF's line did
    text = whole[:cut] + "\n" + "\n".join(textwrap.wrap(whole[cut + 1:], width=width))
    wrapped = [(t.text, t.lead) for t in parse_notice(text).tasks]
    assert [lead for _, lead in wrapped] == [lead for _, lead in [(t.text, t.lead) for t in parse_notice(whole).tasks]]
    assert any("kiểm tra, xử lý các trường hợp lấn chiếm" in t and lead for t, lead in wrapped), wrapped


def test_a_title_line_stays_the_title() -> None:
    text = ("Tăng cường xử lý lấn chiếm vỉa hè\n\n" + PARAGRAPH.format(name="Trần Văn Sơn", unit="các quận, huyện"))
    notice = parse_notice(text)
    assert notice.subject == "Tăng cường xử lý lấn chiếm vỉa hè"
    assert not any(t.text.startswith("Tăng cường xử lý lấn chiếm vỉa hè") for t in notice.tasks)


@pytest.mark.parametrize(("head", "tail"), [
    ("phòng Tài nguyên", "Môi trường"), ("Sở Lao động", "Thương binh và Xã hội"), ("phòng Văn hóa", "Thông tin"),
])
def test_a_name_cut_at_its_hyphen_goes_on(head: str, tail: str) -> None:
    lines = [
        "Tập trung chỉ đạo việc rà soát kết quả thực hiện kế hoạch sử dụng đất 5 năm, chuẩn",
        f"bị lập kế hoạch sử dụng đất giai đoạn tới. Đồng thời, huyện sớm chỉ đạo {head}",
        f"- {tail} và các cơ quan, đơn vị liên quan khẩn trương rà soát, củng cố hồ sơ địa",
        "chính theo đúng quy định của pháp luật. Rà soát kỹ việc cấp giấy chứng nhận quyền",
        "sử dụng đất ở hộ gia đình, cá nhân, các tổ chức trên địa bàn huyện trong năm.",
    ]
    text = "UBND thành phố yêu cầu UBND huyện Chương Mỹ quản lý chặt chẽ đất đai theo quy hoạch.\n\n" + "\n".join(lines)
    got = [t.text for t in parse_notice(text).tasks]
    assert any(f"{head} - {tail} và các cơ quan" in t for t in got), got
    assert not any(t.startswith(tail) for t in got), got


def test_a_full_first_line_going_on_below_is_no_headline() -> None:
    lines = [
        "Theo báo cáo của UBND phường 3, kết quả thực hiện các khoản thu của phường từ năm",
        "2023 đến năm 2025 gồm quỹ phòng, chống thiên tai được hơn 44 triệu đồng; thu quỹ an",
        "ninh - quốc phòng được hơn 300 triệu đồng; quỹ Vì người nghèo hơn 783 triệu đồng.",
        "Qua giám sát, đoàn làm việc yêu cầu phường báo cáo thêm các nguồn quỹ vận động do",
        "các nhà hảo tâm ủng hộ trong năm; thu các loại quỹ này có đạt chỉ tiêu đề ra không.",
    ]
    notice = parse_notice("\n".join(lines))
    assert notice.subject is None or not notice.subject.startswith("Theo báo cáo"), notice.subject
    got = [(t.text, t.lead) for t in notice.tasks]
    assert any("báo cáo thêm các nguồn quỹ" in t and lead == ("UBND phường 3",) for t, lead in got), got


@pytest.mark.parametrize("quarter", ["IV/2025", "II/2026", "III-2026"])
def test_a_quarter_on_a_line_of_its_own_is_no_item(quarter: str) -> None:
    text = (f"UBMTTQ phường Hòa An sơ kết công tác quý III, triển khai nhiệm vụ quý\n{quarter}\n\n"
            "Ngày 1/11/2025, UBMTTQ phường Hòa An sơ kết công tác quý III, triển khai nhiệm vụ trọng tâm.\n\n"
            "Thời gian tới, UBMTTQ phường tiếp tục tuyên truyền, vận động cán bộ, đảng viên và Nhân dân thực hiện tốt "
            "các chủ trương của Đảng, chính sách, pháp luật của Nhà nước.\n")
    got = [t.ref for t in parse_notice(text).tasks]
    assert not any(ref.startswith(quarter[:2]) for ref in got), got


@pytest.mark.parametrize("cut", ["cho các phòng,\nngành. Ảnh: Hữu Hoàn", "cho các\nphòng, ngành. Ảnh: Hữu Hoàn"])
def test_a_wrapped_caption_goes_whole(cut: str) -> None:
    text = ("Hội nghị đánh giá kết quả thực hiện nhiệm vụ tháng 10/2026\n\n"
            f"Đồng chí Nguyễn Văn Nam – Chủ tịch UBND huyện giao nhiệm vụ {cut}\n\n"
            "Kết luận hội nghị, đồng chí Chủ tịch UBND huyện yêu cầu các phòng ngành tập trung rà soát các chỉ tiêu để "
            "hoàn thành trong hai tháng còn lại.\n")
    got = [(t.text, t.lead) for t in parse_notice(text).tasks]
    assert any(t.startswith("Kết luận hội nghị") and lead == ("các phòng ngành",) for t, lead in got), got
