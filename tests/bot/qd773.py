"""What the probe-24 tests share (QĐ 773/QĐ-TTg, a plan of 45 tasks for the ministries, 26/06/2018): the notice, the
probe's directory of ministries (names without marks, "Uỷ/Hoá") and the harness the office loads it into on
Thursday 28/06/2018, 09:00. Each test file keeps only its checks and says which people it needs."""

from __future__ import annotations

from pathlib import Path

from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.conftest import local

NOTICE_FILE = next((Path(__file__).parents[1] / "corpus" / "batch-ze").glob("1617_ttg-qd-773-*.txt"))
NOTICE = NOTICE_FILE.read_text(encoding="utf-8")
ADMIN, LEADER = "admin_vpcp", "leader_vpcp"
HEADER = "handle,full_name,title,unit,role\n"
# every person of probe 24's directory and those the tests add, in the order the directories list them
PEOPLE = {line.split(",", 1)[0]: line + "\n" for line in """\
admin_vpcp,Nguyễn Thị Thu Hà,Chuyên viên Vụ Khoa giáo - Văn xã,Văn phòng Chính phủ,admin
leader_vpcp,Trần Văn Sơn,Phó Chủ nhiệm Văn phòng Chính phủ,Văn phòng Chính phủ,leader
head_ldtbxh,Tran Van Cong,Cuc truong Cuc Nguoi co cong,Bo Lao dong - Thuong binh va Xa hoi,head
cv_ldtbxh,Lê Thị Hương,Chuyên viên Cục Người có công,Bộ Lao động - Thương binh và Xã hội,cadre
pho_ldtbxh,Phạm Minh Tuấn,Phó Cục trưởng Cục Người có công,Bộ Lao động - Thương binh và Xã hội,cadre
head_bqp,Nguyễn Hữu Quân,Cục trưởng Cục Chính sách,Bộ Quốc phòng,head
head_bca,Đỗ Văn An,Cục trưởng Cục Tổ chức cán bộ,Bộ Công an,head
cv_bca,Trần Thị Hương,Chuyên viên Cục Tổ chức cán bộ,Bộ Công an,cadre
head_btc,Vu Thi Tai,Vu truong Vu Ngan sach nha nuoc,Bo Tai chinh,head
head_bkhdt,Hoàng Đức Đầu,Vụ trưởng Vụ Lao động văn hoá xã hội,Bộ Kế hoạch & Đầu tư,head
head_bxd,Lý Văn Dựng,Cục trưởng Cục Quản lý nhà,Bộ Xây dựng,head
head_byt,Bùi Thị Y,Vụ trưởng Vụ Kế hoạch - Tài chính,Bộ Y tế,head
head_bgddt,Ngô Văn Giáo,Vụ trưởng Vụ Giáo dục chính trị,Bộ GD&ĐT,head
head_btttt,Đinh Văn Thông,Cục trưởng Cục Thông tin cơ sở,Bộ Thông tin và Truyền thông,head
head_bvh,Mai Thị Hoá,Vụ trưởng Vụ Văn hoá dân tộc,"Bộ Văn hoá, Thể thao và Du lịch",head
head_bng,Tô Văn Giao,Cục trưởng Cục Lãnh sự,Bộ Ngoại giao,head
head_bnv,Phan Văn Vụ,Vụ trưởng Vụ Tổ chức biên chế,Bộ Nội vụ,head
head_vtv,Lâm Văn Hình,Trưởng ban Thời sự,Đài Truyền hình Việt Nam,head
head_vov,Vương Thị Tiếng,Trưởng ban Thời sự,Đài Tiếng nói Việt Nam,head
head_mttq,Cao Văn Trận,Trưởng ban Dân chủ - Pháp luật,Uỷ ban Trung ương Mặt trận Tổ quốc Việt Nam,head
head_thanhhoa,Lê Văn Thanh,Chánh Văn phòng UBND tỉnh,Uỷ ban nhân dân tỉnh Thanh Hoá,head
head_hoabinh,Quách Thị Hòa,Chánh Văn phòng UBND tỉnh,Ủy ban nhân dân tỉnh Hòa Bình,head
head_quangtri,Nguyen Van Tri,Chanh Van phong UBND tinh,Uy ban nhan dan tinh Quang Tri,head""".splitlines()}
# people the probe's own directory did not have: a deputy and a second Hương (helper fix25b), a ministry the plan
# does not name (Bộ Nội vụ: "the other ministries")
ADDED = ("pho_ldtbxh", "cv_bca", "head_bnv")


def directory(*, only: tuple[str, ...] | None = None, without: tuple[str, ...] = ()) -> str:
    """The directory CSV: `only` those people (in the list's order), else everyone but `without`."""
    return HEADER + "".join(line for handle, line in PEOPLE.items()
                            if (only is None or handle in only) and handle not in without)


PROBE_DIRECTORY = directory(without=ADDED)  # the probe's own: 20 people


async def started(db_url: str, *, csv: str = PROBE_DIRECTORY, channel: str = "telegram") -> Harness:
    """The bot on Thursday 28/06/2018, 09:00, with `csv` enrolled."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 6, 28, 9, 0)), channel=channel)
    await h.start(directory_csv=csv.encode(), enroll_all=True)
    return h


async def pasted(db_url: str, *, csv: str = PROBE_DIRECTORY, channel: str = "telegram") -> Harness:
    """`started`, and the office has pasted the notice: its preview open."""
    h = await started(db_url, csv=csv, channel=channel)
    await h.say(ADMIN, NOTICE)
    return h
