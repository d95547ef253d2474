"""Who must act: lead units (chủ trì) and supporting units (phối hợp) in a task's text."""

from __future__ import annotations

import re
import unicodedata

from storage.unitnames import fold_same_length, loose
from storage.vntext import fold

# Fields of ministries and departments (their names hold "và", "," or "-")
_SECTORS = ("kế hoạch và đầu tư", "tài nguyên và môi trường", "nông nghiệp và phát triển nông thôn",
            "nông nghiệp và môi trường", "văn hóa, thể thao và du lịch", "văn hóa và thể thao", "văn hóa và thông tin",
            "văn hóa, khoa học và thông tin", "văn hóa - thông tin", "lao động - thương binh và xã hội",
            "khoa học và công nghệ", "giáo dục và đào tạo", "thông tin và truyền thông", "dân tộc và tôn giáo",
            "kinh tế và hạ tầng", "tài chính - kế hoạch", "quản lý đô thị", "tư pháp")


def _sector_pattern(name: str) -> str:
    words = fold_same_length(name).replace(",", " , ").replace("-", " - ").split()
    return r"[\s.]*".join(r"[,.]" if w == "," else r"[-–]" if w == "-" else re.escape(w) for w in words)


# Office holders named by title ("hiệu trưởng các trường", "trưởng công an các xã", "bí thư chi bộ các thôn",
# "chủ nhiệm các hợp tác xã", "tổ trưởng tổ dân phố"): the title and the body they head
_TITLE_HEADS = (
    r"[Hh]iệu\s*trưởng(?=\s+(?:các\s+)?(?:trường|[A-ZĐ])|\s*$)|"
    r"[Tt]rưởng\s*(?:phòng|ban)(?=\s+(?:các\s+)?[^\W\d_])|"
    r"[Tt]rưởng\s+(?=(?:các\s+)?(?:công\s*an|thôn|xóm|bản|ấp|buôn|làng|tổ\s*dân\s*phố|khu\s*phố|trạm|đồn)\b)|"
    r"[Tt]rưởng\s*(?:thôn|xóm|bản|ấp|buôn|khu\s*phố)(?=\s*(?:,|$)|\s+(?:các|[A-ZĐ\d]))|"
    r"[Bb]í\s*thư\s+(?=(?:các\s+)?(?:chi\s*bộ|[Đđ]ảng\s*[ủu][yỷ]|[Đđ]ảng\s*bộ|chi\s*đoàn|[Đđ]oàn\s*thanh\s*niên|"
    r"cấp\s*[ủu][yỷ])\b)|"
    r"[Cc]hủ\s*nhiệm\s+(?=(?:các\s+)?(?:HTX|hợp\s*tác\s*xã|[ỦUủu][yỷ]\s*ban\s*[Kk]iểm\s*tra|UBKT)\b)|"
    r"[Tt]ổ\s*trưởng\s+(?=(?:các\s+)?(?:tổ|khu|TDP|TDC|KDC)\b)|"
    # the heads of a group's units after a comma: "Hiệu trưởng các trường học, trưởng các đơn vị, đoàn thể"
    r"[Tt]rưởng\s+(?=các\s+(?:đơn\s*vị|cơ\s*quan|phòng|ban|ngành)\b)"
)


# the desks of a commune's or ward's office ("bộ phận địa chính", "công chức tư pháp", "cán bộ văn hóa")
_LOCAL_DESK = (r"địa\s*chính|tư\s*pháp|văn\s*hóa|văn\s*hoá|tài\s*chính|kế\s*toán|văn\s*phòng|kinh\s*tế|"
               r"lao\s*động|xây\s*dựng|quản\s*lý\s*đô\s*thị|chuyên\s*môn")


# Words a unit's name starts with. Lower-case group words ("các sở, ngành") count too. "Ban" opens no unit in
# the common words it starts ("Ban đầu", "ban ngày", "ban hành") nor in "Bản chất"/"Bản thân" whose mark a scan lost.
_HEADS = (
    r"Sở|Ban(?!\s*(?:hành|đầu|ngày|đêm|sáng|chiều|trưa|tối|bố|chất|thân)\b)|Bộ|Ủy\s*ban|Uỷ\s*ban|UBND|HĐND|UBBC|Hội\s*đồng|V[ăa]n\s*[Pp]hòng|VP|Phòng|Cục|Tổng\s*[Cc]ục|Vụ(?!\s*việc)|Viện|"
    r"Trung\s*[Tt]âm|Công\s*an|Bộ\s*Chỉ\s*huy|Bộ\s*đội|Hội(?!\s*(?:nghị|chợ|thảo|thi|diễn|trại|khỏe|báo))|Đoàn(?!\s*kết\b)|Mặt\s*trận|mặt\s*trận(?=\s+(?:Tổ\s*quốc|các\s+cấp|cấp\s+(?:tỉnh|huyện|xã|cơ\s*sở)|tỉnh|huyện|xã|phường|thị\s*trấn)\b)|MTTQ(?:VN)?|UB\.?\s*MTTQ(?:VN)?|Liên\s*đoàn|Tổng\s*Liên\s*đoàn|Liên\s*minh|"
    r"Tỉnh\s*ủy|Tỉnh\s*uỷ|Thành\s*ủy|Thành\s*uỷ|Huyện\s*ủy|Huyện\s*uỷ|Thị\s*ủy|Thị\s*uỷ|Đảng\s*ủy|Đảng\s*uỷ|"
    r"Quận\s*[ủu][yỷ]|Quân\s*[ủu][yỷ]|"  # the Party committee of a district, of the army ("Quân ủy Trung ương")

    r"Đảng\s*bộ|Đảng\s*đoàn|[ỦU][yỷ]\s*viên|Chi\s*bộ|Chi\s*đoàn|[Cc]ấp\s*ủy|[Cc]ấp\s*uỷ|"
    r"Thường\s*trực|thường\s*trực\s(?=HĐND|UBND|Hội\s*đồng|[ỦUủu][yỷ]\s*ban|Huyện|Tỉnh|Thành|Đảng)|Kho\s*[Bb]ạc|Ngân\s*hàng|Thanh\s*tra|Đài|Báo(?!\s*cáo)|Tòa\s*án|Toà\s*án|Viện\s*kiểm\s*sát|Công\s*ty|"
    # (the central body of an association: "Trung ương Hội Cựu chiến binh Việt Nam", "Trung ương Đoàn")
    r"Trung\s*ương(?=\s+(?:Hội|Đoàn)\b)|"
    r"Tập\s*đoàn|Tổng\s*[Cc]ông\s*ty|Chủ\s*tịch|Giám\s*đốc|(?:Phó\s*)?Tổng\s*[Gg]iám\s*đốc|"
    # (the secretaries of Party committees named by their committee, asked as the chairmen are: "đề nghị các Bí thư
    # Tỉnh ủy, Thành ủy, Chủ tịch HĐND các tỉnh …"; one secretary alone is a speaker more often than one asked)
    r"[Cc]ác\s+Bí\s*thư(?=\s+(?:(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s*[ủu][yỷ]|[Cc]ấp\s*[ủu][yỷ]|[Cc]hi\s*bộ)\b)|"
    # office holders written in lower case after whoever asks: "yêu cầu giám đốc các sở, chủ tịch UBND các xã"
    # (and a bare title before another one: "giám đốc, thủ trưởng các sở, ban, ngành", "lãnh đạo, người đứng đầu …")
    r"(?:[Gg]iám\s*đốc|[Tt]hủ\s*trưởng|[Ll]ãnh\s*đạo|[Cc]hỉ\s*huy)(?=,\s*(?:[Tt]hủ\s*trưởng|[Nn]gười\s*đứng\s*đầu|"
    r"[Gg]iám\s*đốc|[Ll]ãnh\s*đạo|[Cc]hỉ\s*huy)\s)|"
    # (the head of a department, an institute or a branch office, in lower case after whoever asks: "yêu cầu cục
    # trưởng các cục thuế …", "đề nghị viện trưởng các viện …")
    r"(?:chi\s*)?cục\s*trưởng\s(?=các\s|[A-ZĐ])|(?<![Nn]hiệm\s)(?<![Pp]hục\s)(?<![Dd]ịch\s)vụ\s*trưởng\s(?=các\s|[A-ZĐ])|"
    r"(?<![Bb]ệnh\s)(?<![Hh]ọc\s)viện\s*trưởng\s(?=các\s|[A-ZĐ])|"
    r"giám\s*đốc\s(?=các|sở|Sở|công\s*ty|Công\s*ty|trung\s*tâm|Trung\s*tâm)|(?<!của\s)lãnh\s*đạo\s(?=(?:các|UBND|HĐND|[ỦU][yỷ]\s*ban)\s)|Lãnh\s*đạo\s(?=(?:các|xã|phường|thị\s*trấn|huyện|quận)\b)|"
    # (a body of people by their work, in lower case after whoever asks: "đề nghị đội ngũ tuyên truyền viên …")
    r"đội\s*ngũ(?=\s+(?:cán\s*bộ|công\s*chức|viên\s*chức|giáo\s*viên|tuyên\s*truyền\s*viên|báo\s*cáo\s*viên|"
    r"cộng\s*tác\s*viên|y\s*,?\s*bác\s*sĩ|bác\s*sĩ)\b)|chủ\s*tịch\s(?=UBND|HĐND|[ỦUủu][yỷ]\s*ban|Hội|hội|các\s)|"
    r"Phó\s*(?:Giám\s*đốc|Chủ\s*tịch|Trưởng\s*(?:ban|phòng)|Bí\s*thư|Chánh\s|Thủ\s*trưởng)|Chánh\s*Thanh\s*tra|"
    r"Trưởng\s*phòng|Trưởng\s+(?=(?:Phòng|Ban)\s+[A-ZĐÀ-Ỹ])|Hiệu\s*trưởng|Trạm|Đồn|Chuyên\s*viên|[Đđ]ồng\s*chí|Đ/c|đ/c|Thủ\s*trưởng|Trưởng\s*ban|Chánh\s*Văn\s*[Pp]hòng|Trường(?!\s*hợp)|"
    r"Bệnh\s*[Vv]iện|Bảo\s*hiểm|BHXH|Quỹ|Chi\s*[Cc]ục|Cảng\s*vụ|Ban\s*quản\s*lý|BQL|Hạt|"
    # (the commander of a command, named by it: "giao Tư lệnh Bộ Tư lệnh Thủ đô …", "Tư lệnh Quân khu 2")
    r"(?:Phó\s*)?Tư\s*lệnh(?=\s+(?:Bộ\s*Tư\s*lệnh|Quân\s*khu|Quân\s*chủng|Binh\s*chủng|Vùng|Bộ\s*đội|Cảnh\s*sát)\b)|"
    # (a cluster's own team by its capitalised name: "…, Cụm PCTT Xuân Phú phối hợp …")
    r"Cụm(?=\s+[A-ZĐ])|"
    r"Thủ\s*tướng|Phó\s*Thủ\s*tướng|Chính\s*phủ|Ngân\s*hàng\s*Nhà\s*nước|Bộ\s*trưởng|"
    # the governor of the State Bank: "Thống đốc Ngân hàng Nhà nước Việt Nam căn cứ … xác định …"
    r"(?:Phó\s*)?Thống\s*đốc(?=\s+Ngân\s*hàng)|"
    r"Ủy\s*ban\s*Kiểm\s*tra|Học\s*viện|Đại\s*học|Nhà\s*xuất\s*bản|Cơ\s*quan|Tổ\s*công\s*tác|Tổ(?=\s+[A-ZĐÀ-Ỹ])|"
    # (a ward's or commune's own team, written in lower case: "tổ tự quản môi trường", "tổ hòa giải")
    r"[Tt]ổ\s+(?:tự\s*quản|an\s*ninh|hòa\s*giải|xung\s*kích|bảo\s*vệ\s*dân\s*phố)\b|"
    r"Ban\s*[Cc]hỉ\s*đạo|"
    r"Hiệp\s*hội|Liên\s*hiệp|Đội|Lực\s*lượng|Chi\s*nhánh|Cảnh\s*sát|Thuế(?=\s+(?:tỉnh|thành\s*phố|TP|cơ\s*sở|khu\s*vực|[A-ZĐ]))|Hải\s*quan|Điện\s*lực|Thành\s*đoàn|"
    r"Thống\s*kê(?=\s+(?:tỉnh|thành\s*phố|TP|cơ\s*sở|khu\s*vực|huyện|[A-ZĐ]))|"
    r"Tỉnh\s*đoàn|Huyện\s*đoàn|Bảo\s*tàng|Nhà\s*hát|Thư\s*viện|Tạp\s*chí|Thông\s*tấn\s*xã|Quân\s*khu|Vườn\s*[Qq]uốc\s*gia|Hãng|"
    r"Bưu\s*điện|Cảng|Cổng\s*[Tt]hông\s*tin\s*điện\s*tử|"
    # a sector by its capitalised name, in either case: "phối hợp ngành Y tế", "Ngành Giáo dục tỉnh" (not the last
    # kind of a group after a comma, "các sở, ban, ngành Thành phố", nor a level, "ngành Trung ương", nor "các ngành")
    # (the kinds whose group it would end are listed: after a named unit, "Sở Tài chính, ngành Thuế" are two)
    r"(?<!ban,\s)(?<!Ban,\s)(?<!sở,\s)(?<!Sở,\s)(?<!bộ,\s)(?<!Bộ,\s)(?<!quan,\s)(?<!vị,\s)(?<!phương,\s)(?<!thể,\s)(?<!cấp,\s)(?<!hội,\s)[Nn]gành(?=\s+(?!Trung\s*ương\b|T[WƯ]\b|Tỉnh\b|Huyện\b|Thành\s*phố\b|Thị\s*xã\b|Quận\b|TP\b)[A-ZĐ])|"
    # the mass organisations by their initials: "HND tỉnh" (Hội Nông dân), "HLHPN", "HPN" (Hội Phụ nữ), "HCCB" (Hội
    # Cựu chiến binh), "ĐTN" (Đoàn Thanh niên), "LĐLĐ" (Liên đoàn Lao động); and the trade union, "Công đoàn"
    r"HND|HNDVN|HLHPN|HPN|HCCB|ĐTN|ĐTNCS|LĐLĐ|Công\s*đoàn(?!\s*viên)|"
    # a cooperative: "đề nghị HTX Tân Tiến cần xây dựng …", "Hợp tác xã nông nghiệp Đông Hòa"
    r"HTX|Hợp\s*tác\s*xã|"
    # a district office or an official written in lower case before its capitalised name: "giao phòng Tài chính -
    # Kế hoạch …", "Giao công chức Văn hóa - Xã hội …"
    r"phòng(?=\s+[A-ZĐ])|[Cc]ông\s*chức(?=\s+[A-ZĐ])|"
    # (a department in lower case before its field's capitalised name or initials: "yêu cầu sở GD-ĐT, UBND các …")
    r"(?<!cơ\s)sở(?=\s+(?:[A-ZĐ]{2}|Y\s*tế|Tài|Tư|Xây|Nội|Công|Giao|Văn|Nông|Kế|Lao|Khoa|Ngoại|Giáo)\b)|"
    # (the committees of two levels named at once: "Tỉnh, thành ủy nơi … chủ trì …")
    r"(?:Tỉnh|Huyện|Quận),\s*(?:thành|thị|huyện)\s*[ủu][yỷ]|"
    # a commune's or ward's own bodies and staff, written in lower case after whoever asks: "Giao công an phường, tổ
    # quản lý trật tự đô thị, bộ phận địa chính …", "yêu cầu tổ thư ký tiếp thu …", "đề nghị tổ dân phố tiếp tục …",
    # "giao cho cán bộ thú y của xã …"
    r"công\s*an(?=\s+(?:các\s+)?(?:xã|phường|thị\s*trấn|huyện|quận|thị\s*xã|tỉnh|thành\s*phố)\b)|"
    # (the school as the one who acts, only before its duty: "nhà trường phải có quy chế …")
    r"[Nn]hà\s*trường(?=\s+(?:phải|cần|có\s*trách\s*nhiệm|chủ\s*động)\s|\s*$)|"
    r"tổ(?=\s+dân\s*phố\b)|[Tt]ổ(?=\s+(?:thư\s*ký|công\s*tác|quản\s*lý|thanh\s*tra|kiểm\s*tra|giúp\s*việc|biên\s*tập|"
    r"trật\s*tự|phản\s*ứng|tuần\s*tra|liên\s*ngành)\b)|"
    rf"[Bb]ộ\s*phận(?=\s+(?:{_LOCAL_DESK}|một\s*cửa|tiếp\s*nhận|[A-ZĐ])\b)|"
    rf"(?:[Cc]án\s*bộ|công\s*chức)(?=\s+(?:{_LOCAL_DESK}|thú\s*y|khuyến\s*nông|thống\s*kê)\b)|"
    # a village's or a residential group's head, one or all: "Trưởng thôn 2", "Trưởng các thôn", "Trưởng Công an xã"
    r"Trưởng\s+(?=(?:(?:các\s+)?(?:thôn|xóm|bản|ấp|buôn|tổ\s*dân\s*phố|khu\s*phố)\b|Công\s*an\b))|"
    # embassies, clubs, the State Audit, and whoever heads a body ("Người đứng đầu các cơ quan … chịu trách nhiệm …")
    r"Đại\s*sứ\s*quán|Tổng\s*[Ll]ãnh\s*sự\s*quán|Câu\s*lạc\s*bộ|Kiểm\s*toán\s*(?:[Nn]hà\s*nước|khu\s*vực)|"
    r"[Nn]gười\s*đứng\s*đầu|"
    # ("Thuế tỉnh", "Thuế cơ sở 3" name tax offices, "Thống kê tỉnh" the statistics office; a bare "Thuế" is the
    # word "tax", a bare "thống kê" the verb "count")
    # the parties of a construction or planning contract: "Nhà thầu thi công …", "Tư vấn giám sát …", "Ban QLDA/Tư vấn
    # được lựa chọn" ("Tư vấn" before other words is the verb "advise")
    r"Nhà\s*thầu|Tư\s*vấn(?=\s+(?:được|giám\s*sát|thiết\s*kế|thẩm\s*tra)\b)|"
    # owners who must act: "Chủ đầu tư các dự án khẩn trương …", "Chủ các công trình …"
    r"Chủ\s*(?:đầu\s*tư|dự\s*án|rừng|cơ\s*sở|mỏ|công\s*trình|phương\s*tiện|các)|"
    # the head of a school, an office, a village, a Party cell or a cooperative, in either case (after a comma they
    # open a unit of their own: "Phòng Giáo dục và Đào tạo, hiệu trưởng các trường …", "UBND xã, trưởng thôn …")
    + _TITLE_HEADS +
    r""
)
# Group names ("các sở, ngành", "UBND các huyện") start with a plural word and a kind of unit.
# (the commonest kinds as a scan may spell them: "đơn vi", "co quan", "địa phuơng")
_KINDS = (rf"sở|ban|bộ|ngành|{loose('cơ quan')}|{loose('đơn vị')}|{loose('địa phương')}|"
          r"huyện|xã|phường|tỉnh|thành\s*phố|tổ\s*chức|"
          r"doanh\s*nghiệp|hội|đoàn\s*thể|phòng|trường(?!\s*hợp)|cơ\s*sở|lực\s*lượng|đài|báo|chi\s*,\s*đảng\s*bộ|chi\s*bộ|đảng\s*bộ|cấp|"
          r"ủy\s*ban|uỷ\s*ban|UBND|Đại\s*sứ\s*quán|chủ\s*đầu\s*tư|công\s*ty|thành\s*viên|Bộ|Sở|Ban|ngân\s*hàng|"
          r"nhà\s*trường|quận|thị\s*xã|tập\s*đoàn|viện|trung\s*tâm|cục|chi\s*cục|thôn|bản|tổ|cá\s*nhân|hộ|ấp|khu\s*phố|"
          r"tổ\s*dân\s*phố|buôn|làng|ngành|hiệp\s*hội|cấp\s*ủy|cấp\s*uỷ|tổ\s*chức\s*cơ\s*sở\s*đảng|đoàn\s*thể|đội|"
          r"gia\s*đình|bệnh\s*viện|trạm|đồn|hạt|chi\s*nhánh|hợp\s*tác\s*xã|HTX|đảng\s*[ủu][yỷ]|"
          # owners asked as a group: "… và các chủ rừng trên địa bàn", "các chủ hồ đập, thủy lợi, thủy điện"
          r"chủ\s*(?:rừng|dự\s*án|mỏ|công\s*trình|cơ\s*sở|hồ\s*(?:đập|chứa)|đập|phương\s*tiện|tàu(?:\s*thuyền)?|"
          r"kinh\s*doanh|nhà\s*hàng)")
# Party committees written in lower case inside a list: "Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương" names
# committees of three kinds, one unit each
_COMMITTEE = r"(?:tỉnh|thành|huyện|quận|thị|đảng)\s*[ủu][yỷý]\b"
_GROUP = (rf"(?:[Cc]ác|[Mm]ọi|[Nn]hững|[Tt]oàn\s*thể(?:\s+các)?|[Mm]ỗi|[Tt]ất\s*cả(?:\s+các)?)\s+(?i:{_KINDS})\b|"
          rf"{_COMMITTEE}|"
          # staff named by their role: "UBND xã, các ban, ngành và cán bộ chuyên môn rà soát …"
          r"[Cc]án\s*bộ\s+(?:chuyên\s*môn|phụ\s*trách|đầu\s*mối)\b|"
          # (the sector's own offices without "các": "Lãnh đạo huyện chỉ đạo ngành chuyên môn phối hợp với các xã …")
          r"[Nn]gành\s+(?:chuyên\s*môn|chức\s*năng)\b|"
          # a board in lower case, by its level: "ban chỉ đạo cấp huyện", "ban chỉ huy quân sự các xã"
          r"ban\s+(?:chỉ\s*đạo|chỉ\s*huy)\s+(?=(?:[^\s,;:.]+\s+){0,3}?(?:cấp|các|tỉnh|huyện|xã|phường|quận|thị)\b)|"
          r"[Cc]ác\s+đồng\s*chí\s|"  # "Các đồng chí Ủy viên Ban Thường vụ phụ trách địa bàn …"
          # the heads of units of one kind, by their title: "chỉ thị đến các giám đốc sở y tế các tỉnh …", "các chủ
          # tịch UBND cấp xã"
          r"[Cc]ác\s+(?:giám\s*đốc|chủ\s*tịch|thủ\s*trưởng)\s+(?=(?:sở|Sở|UBND|[ỦU]y\s*ban|ban|Ban|cơ\s*quan|"
          r"đơn\s*vị|bệnh\s*viện|trung\s*tâm|công\s*ty|doanh\s*nghiệp)\b)|"
          # members of a board, each of whom acts: "đề nghị thành viên Ban ATGT tỉnh …", "thành viên BCĐ huyện"
          r"(?:[Cc]ác\s+)?[Tt]hành\s*viên\s+(?=(?:Ban|BCĐ|Hội\s*đồng|Tổ|Ủy\s*ban|Uỷ\s*ban|UBND|Đoàn)\b)|"
          r"(?:[Tt]oàn\s*thể\s+)?Nhân\s*dân\b|"  # the people, asked by a public notice ("đề nghị Nhân dân …")
          r"[Tt]oàn\s*thể\s+nhân\s*dân\b|"  # ("… các thôn và toàn thể nhân dân đồng loạt ra quân …")
          # ("UBND xã đề nghị toàn dân gương mẫu …"; not a movement's name, "phong trào Toàn dân bảo vệ …", nor "toàn
          # dân tộc")
          r"(?<!trào\s)[Tt]oàn\s*dân\b(?!\s*tộc)|"
          r"[Tt]oàn\s*thể\s+cán\s*bộ\b|"  # ("yêu cầu toàn thể cán bộ, đảng viên, công chức … đồng loạt ra quân")
          # a whole sector by its name: "Bộ Y tế yêu cầu toàn Ngành Y tế và các cơ quan … chủ động …" (not where the
          # work is done: "… quán triệt trong toàn ngành …")
          r"(?<!trong\s)[Tt]oàn\s+[Nn]gành\s+(?=[A-ZĐÀ-Ỹ])|"
          # a whole sector's network, every level of it: "yêu cầu hệ thống tuyên giáo các cấp tập trung …"
          r"[Hh]ệ\s*thống\s+(?=(?:[a-zà-ỹđ]+\s+){1,4}?các\s+cấp\b)|"
          r"[Bb]à\s*con(?:\s*nhân\s*dân)?\b|"  # the folk of a commune ("đề nghị bà con nhân dân …")
          # people charged by a law, and elected deputies: "Người có nghĩa vụ kê khai nộp bản kê khai …", "Đại biểu
          # HĐND tổng hợp báo cáo kết quả …"
          # ("Tổ chức, cá nhân khai thác khoáng sản phải …": whoever the rule binds, where it binds them)
          r"[Tt]ổ\s*chức\s*,\s*cá\s*nhân\b"
          r"(?=[^,;:.]{0,80}?(?:\s(?:phải|cần|có\s*trách\s*nhiệm|có\s*nghĩa\s*vụ)\s|$))|"
          r"[Nn]gười\s*có\s*nghĩa\s*vụ\b|[Đđ]ại\s*biểu\s+(?:HĐND|Quốc\s*hội|Hội\s*đồng\s*nhân\s*dân)\b|"
          # a locality by its name, the doer of a conclusion about it: "…, năm 2026, phường Hạnh Phúc cần …"
          r"(?:xã|phường|thị\s*trấn|huyện|quận|thị\s*xã)\s+(?=[A-ZĐ][a-zà-ỹđ])|"
          # ("chính quyền hai xã", "chính quyền các xã", "chính quyền xã": the local administration of the communes
          # named)
          r"[Cc]hính\s*quyền\s(?:địa\s*phương|các\s*cấp|cơ\s*sở|cấp|(?:(?:hai|ba|các|\d{1,2})\s+)?"
          r"(?:xã|phường|thị\s*trấn|huyện|thôn)\b)|"
          # a sector asked as a whole: "đề nghị ngành y tế theo dõi …", "ngành giáo dục phối hợp …"
          r"[Nn]gành\s+(?=(?:y\s*tế|giáo\s*dục|nông\s*nghiệp|văn\s*hóa|tài\s*nguyên|công\s*thương|chức\s*năng|thuế|"
          r"tư\s*pháp|lao\s*động|xây\s*dựng|giao\s*thông|thông\s*tin|tài\s*chính|kiểm\s*lâm|thú\s*y)\b)|"
          # forces named by their function: "phối hợp với lực lượng chức năng …"
          r"lực\s*lượng\s+(?i:chức\s*năng|liên\s*quan|công\s*an|quân\s*sự|biên\s*phòng|vũ\s*trang|dân\s*quân)\b|"
          r"[Cc]ơ\s*sở\s(?:khám|y\s*tế|giáo\s*dục|đào\s*tạo|sản\s*xuất|kinh\s*doanh)|doanh\s*nghiệp\b|chủ\s*đầu\s*tư\b|"
          # (contractors in lower case after whoever asks: "yêu cầu nhà thầu các gói thầu chậm tiến độ …")
          r"nhà\s*thầu\b|"
          r"chủ\s*(?:rừng|dự\s*án|mỏ|công\s*trình)\b|nhà\s*đầu\s*tư(?=\s+(?:thứ\s*cấp|hạ\s*tầng)\b)|"
          r"đoàn\s*thể\s+(?:tỉnh|huyện|xã|phường|thị\s*trấn|quận|thành\s*phố)\b|"
          r"[Cc]ơ\s*quan(?:\s|,)(?!\s*nào)|[Đđ]ơn\s*vị(?:\s|,)(?!\s*nào)|[Đđ]ịa\s*phương\b(?!\s*nào)|[Tt]hủ\s*trưởng\s")
UNIT_START = re.compile(rf"(?:{_HEADS})\b|{_GROUP}", re.U)

# Words after which a unit name has ended (the verb or role that follows it).
# (role words as a scan may spell them: "phối hop", "chủ tri")
_PHOI_HOP, _CHU_TRI = loose("phối hợp"), loose("chủ trì")
_STOP = (
    rf"{_CHU_TRI}|{_PHOI_HOP}|"
    r"thực\s*hiện|có\s*trách\s*nhiệm|có\s*nhiệm\s*vụ|khẩn\s*trương|(?<!phó\s)(?<!cứu\s)(?<!hợp\s)(?<!cố\s)(?<!huống\s)khẩn\s*cấp|(?<![Vv]iện\s)nghiên\s*cứu|(?<!Ban\s)(?<!ban\s)tổ\s*chức(?!\s*(?:chính\s*trị|xã\s*hội(?!\s*hóa)|phi\s*chính\s*phủ|nghề\s*nghiệp)\b)|(?<!Ban\s)(?<!ban\s)chỉ\s*đạo|"
    r"tham\s*mưu|(?<!tư\s)(?:(?<!Ban\s)(?<!ban\s)|(?<=các\s[Bb]an\s)(?!xây\s*dựng\s+[Đđ]ảng))xây\s*dựng|rà\s*soát|báo\s*cáo|triển\s*khai|tiếp\s*tục|chủ\s*động|hướng\s*dẫn|theo\s*dõi|"
    r"đôn\s*đốc|tập\s*trung|xem\s*xét|cho\s*ý\s*kiến|góp\s*ý|treo|chấn\s*chỉnh|xác\s*định|"
    # more verbs that follow a doer's name: "… Biên phòng tỉnh tuần tra", "… các hộ kê khai"
    r"tuần\s*tra|ngăn\s*chặn|kê\s*khai|đăng\s*ký|thanh\s*toán|xử\s*phạt|cưỡng\s*chế|di\s*dời|thu\s*hồi|"
    r"bàn\s*giao|soạn\s*thảo|dự\s*thảo|ký\s*kết|đàm\s*phán|mua\s*sắm|ưu\s*tiên|nâng\s*cấp|cải\s*tạo|"
    r"khởi\s*công|hoàn\s*tất|chấp\s*hành|tuân\s*thủ|tập\s*huấn|bồi\s*dưỡng|tổng\s*kết|sơ\s*kết|lắp\s*đặt|"
    r"phản\s*ánh|(?<![Cc]ục\s)thống\s*kê|thành\s*lập|(?<!án\s)(?<!nhà\s)(?<!chủ\s)(?<!Chủ\s)đầu\s*tư|(?<!Đoàn\s)(?<!ban\s)(?<!Tổ\s)kiểm\s*tra|giải\s*quyết|xử\s*lý|đề\s*xuất|(?<![Cc]ông\s)(?<![Cc]hương\s)(?<![Qq]uy\s)(?<![Ll]ộ\s)(?<![Tt]ờ\s)trình|"
    r"gửi|căn\s*cứ|bố\s*trí|cung\s*cấp|tăng\s*cường|quan\s*tâm|phải|(?<!hậu\s)cần|thống\s*nhất|(?<!công\s)(?<!cô\s)lập|"
    r"kết\s*luận|hoàn\s*thành|"  # ("bị cô lập": isolated, no verb; "Chủ tịch UBND xã kết luận và yêu cầu …")
    r"hoàn\s*thiện|cập\s*nhật|ban\s*hành|tiến\s*hành|làm\s*việc|tổng\s*hợp|đánh\s*giá|(?<!Đoàn\s)(?<!đoàn\s)(?<!Tổ\s)giám\s*sát|"
    # ("các đơn vị quản lý đường bộ", "cơ quan quản lý trực tiếp …": the managing units, a name; but "các đơn vị quản
    # lý chặt chẽ …" is their work)
    r"(?<!Ban\s)(?<!ban\s)(?<!vị\s)(?<!quan\s)quản\s*lý|(?:(?<=vị\s)|(?<=quan\s))quản\s*lý(?=\s*(?:chặt|tốt|hiệu|nghiêm|,|\.|$))|"
    r"đảm\s*bảo|bảo\s*đảm|thẩm\s*định|phê\s*duyệt|kịp\s*thời|sớm|nắm|tuyên\s*truyền|vận\s*động|huy\s*động|"
    # ("… trong tỉnh", "… trong toàn ngành": where the group is, part of its name)
    r"được|là|để|về\s*việc|theo|tại|trong(?!(?<=viên\strong)\s+(?:Ban|BCĐ|Hội\s*đồng|Tổ|Đoàn)\b)(?!\s+(?:tỉnh|huyện|xã|phường|quận|thị\s*xã|thị\s*trấn|toàn\s*(?:tỉnh|huyện|"
    r"ngành|quốc)|khu\s*vực|cả\s*nước)\b)|trước|nhằm|đối\s*với|với|cùng|thì|sau\s*khi|khi|nếu|căn\s*cứ|"
    r"thời\s*gian\s*tới|mở\s*rộng|đồng\s*loạt|ra\s*quân|tùy\s*(?:vào|theo)|tuỳ\s*(?:vào|theo)|tiếp\s*thu|hoàn\s*chỉnh|làm\s*rõ|chịu\s*trách\s*nhiệm|(?<!chuyển\s)giao(?!\s*thông)|trên\s*cơ\s*sở|"
    # ("thông tin" as the verb "inform", by how it goes on: "Các cơ quan truyền thông trong tỉnh thông tin rộng rãi …")
    r"đưa|sửa\s*đổi|bổ\s*sung|thông\s*báo|thông\s*tin(?=\s+(?:rộng\s*rãi|kịp\s*thời|đầy\s*đủ|cho|đến|tới)\b)|"
    r"công\s*bố|công\s*khai|phổ\s*biến|quán\s*triệt|ký|chuẩn\s*bị|"
    r"phân\s*công|đẩy\s*mạnh|đẩy\s*nhanh|nâng\s*cao|thực\s*thi|thanh\s*tra|tiếp\s*nhận|phát\s*huy|"
    r"duy\s*trì|hỗ\s*trợ|tạo\s*điều\s*kiện|khuyến\s*khích|vận\s*hành|ứng\s*dụng|nghiêm\s*túc|gương\s*mẫu|"
    r"giải\s*trình|tiếp\s*tục|nhanh\s*chóng|sớm|dừng|tạm\s*dừng|rút|lựa\s*chọn|(?<![Bb]ầu\s)cử(?!\s*tri\b)|dự(?!\s*(?:án|toán|báo|trữ|phòng))|tham\s*gia|"
    # ("cấp" before a level is the level, not the verb "grant": "Ban Chỉ đạo cấp quân khu", "cấp thành phố"; nor in
    # "thứ cấp", "sơ cấp": "nhà đầu tư thứ cấp"; and more verbs after a doer: "… phát động", "… lồng ghép")
    r"phát\s*động|lồng\s*ghép|mở(?=\s+(?:đợt|lớp|cuộc|chiến\s*dịch|chuyên\s*mục|hội\s*nghị)\b)|kiểm\s*điểm|"
    r"mời|gửi|nộp|(?<!thứ\s)(?<!sơ\s)(?<!khẩn\s)cấp(?!\s*(?:trên|dưới|tỉnh|huyện|xã|cơ\s*sở|ủy|uỷ|[Tt]rung\s*ương|quân\s*khu|quận|phường|"
    r"thị\s*xã|thị\s*trấn|thành\s*phố|bộ|ngành|vùng|khu\s*vực|quốc\s*gia)\b)|thu|chi(?!\s*(?:bộ|đoàn|nhánh|cục|hội))|trả|sửa\s*chữa|khắc\s*phục|"
    # ("các bộ, ngành điều tra và xác minh …"; not the investigating bodies: "Cơ quan Cảnh sát điều tra", "Cơ quan An
    # ninh điều tra", "cơ quan điều tra"; nor a census in a board's name: "Ban Chỉ đạo Tổng điều tra dân số")
    r"(?<!sát\s)(?<!ninh\s)(?<!quan\s)(?<![Tt]ổng\s)(?<!đạo\s)điều\s*tra|xác\s*minh|khảo\s*sát|tạm\s*ứng|(?<!người\s)sử\s*dụng(?!\s+(?:đất|lao\s*động|rừng|mặt\s*nước|tài\s*nguyên)\b)|lấy\s*(?:mẫu|ý\s*kiến)|làm\s*tốt|bảo\s*vệ(?!\s*thực\s*vật)|(?<!^\s)(?<!,\s)lãnh\s*đạo|(?<=,\s)lãnh\s*đạo(?!\s+(?:các|UBND|HĐND|[ỦU][yỷ]\s*ban)\s)|sắp\s*xếp|kiện\s*toàn|bãi\s*bỏ|thay\s*thế|điều\s*chỉnh|yêu\s*cầu|đề\s*nghị|"
    # time and frequency words glued after a name: "Sở Tài chính hằng tháng báo cáo …"
    # ("giao Bộ Tư lệnh Thủ đô quyết định cụ thể số lượng …", "… các tỉnh ven biển cảnh báo …": the verb)
    r"(?-i:quyết\s*định)(?!\s+(?:số|\d))|(?<!dự\sbáo,\s)(?<!dự\sbáo\s)(?-i:cảnh\s*báo)|"
    r"(?:hằng|hàng)\s*(?:ngày|tuần|tháng|quý|năm)|định\s*kỳ|(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Nn]gày)\s+(?:ngày\s+)?\d{1,2}(?:[/.-]\d|\s+tháng)|sang\s*(?:tháng|quý|năm)|chậm\s*nhất|từ\s*nay|"
    # adverbs and the verbs of a speaker after a name: "UBND tỉnh vừa có …", "Thường trực Thị ủy cũng yêu cầu …"
    r"cũng|đã|sẽ|(?<!và\s)vừa|đang|luôn|"
    r"không(?=\s+(?:để|cấp|cho\s*phép|tổ\s*chức|sử\s*dụng|thực\s*hiện|bắt\s*buộc|ép|tùy\s*tiện|tuỳ\s*tiện|thu)\b)|"
    # ("Địa phương sẵn sàng lực lượng …", "… các địa phương tạo thuận lợi cho khách du lịch": the work)
    r"sẵn\s*sàng|tạo\s*thuận\s*lợi|"
    r"nhận\s*được|nhấn\s*mạnh|lưu\s*ý|chú\s*ý|đến\s*nay|cho\s*biết|"
    r"chưa(?!\s*(?:thành\s*niên|đủ\s*tuổi))|chỉ\s*rõ|khẳng\s*định|biểu\s*dương|ghi\s*nhận|có\s*(?:văn\s*bản|"
    r"công\s*văn|Công\s*văn|Chỉ\s*thị|chỉ\s*thị|Thông\s*báo|thông\s*báo|ý\s*kiến|[Cc]ông\s*điện)|ban\s*hành|"
    # the body glued after a heading's name: "Sở Xây dựng Chủ trì …", "UBND các xã Theo chức năng …"
    r"Theo|Chủ\s*trì|Tập\s*trung|Khẩn\s*trương|Phối\s*hợp|Thực\s*hiện|Căn\s*cứ|Rà\s*soát|Triển\s*khai|"
    # (not the capitalised words inside names: "Phòng Tổng hợp", "Cục Kiểm soát …", "Hội đồng Thẩm định",
    # "Trung tâm Giải quyết thủ tục hành chính", "Bộ phận Tiếp nhận và Trả kết quả")
    r"Tiếp\s*tục|Chủ\s*động|Có\s*trách\s*nhiệm|Khảo\s*sát|Đôn\s*đốc|Tham\s*mưu|Báo\s*cáo|Hoàn\s*thành|Hoàn\s*thiện|"
    r"Đẩy\s*mạnh|Đẩy\s*nhanh|Tăng\s*cường|Nâng\s*cao|Quán\s*triệt|Cập\s*nhật|Khắc\s*phục|Bố\s*trí|Đề\s*xuất|"
    r"Xác\s*minh|Kịp\s*thời|Thường\s*xuyên|Chuẩn\s*bị|Duy\s*trì|Hướng\s*dẫn|Phê\s*duyệt|Nghiêm\s*túc|"
    r"Chịu\s*trách\s*nhiệm|Làm\s*tốt|thường\s*xuyên|"
    # signing on someone's behalf: "Bộ trưởng Bộ Nội vụ thừa ủy quyền Thủ tướng …"
    r"thừa\s*(?:ủy|uỷ)\s*quyền|thay\s*mặt|"
    # the work that follows a partner's name: "… các cơ quan liên quan giúp Chính phủ …", "… có các giải pháp …"
    r"giúp(?!\s*việc)|chú\s*trọng|nêu\s*cao|"
    # manner words between a doer and its work: "Giám đốc Sở Y tế trực tiếp chỉ đạo", "UBND huyện quyết liệt …"
    # ("Thủ tướng đặc biệt lưu ý …", "các đơn vị nỗ lực hoàn thành …"; "hậu cần" is a noun, above)
    r"đặc\s*biệt(?=\s+(?:lưu\s*ý|chú\s*ý|quan\s*tâm|chú\s*trọng|coi\s*trọng|nhấn\s*mạnh)\b)|nỗ\s*lực|"
    r"(?<!lý\s)trực\s*tiếp|tích\s*cực|quyết\s*liệt|ngay|tự\s*giác|tuyệt\s*đối|hoàn\s*toàn|kiên\s*quyết|cương\s*quyết|nghiêm\s*chỉnh|có\s+(?:các\s+)?(?:giải\s*pháp|biện\s*pháp|kế\s*hoạch|phương\s*án|chương\s*trình)"
)
# "Sở Kế hoạch và Đầu tư - cơ quan thường trực của Ban …": the unit's role in apposition ends its name
_ROLE_APPOSITION = (r"|\s[-–]\s*(?=(?:là\s+)?(?:cơ\s*quan|đơn\s*vị)\s*"
                    r"(?:thường\s*trực|đầu\s*mối|chủ\s*trì|chuyên\s*môn|tham\s*mưu))")
# ("Bộ Ngoại giao" is a name)
# "Sở Tài nguyên và Môi trườngchủ trì": the role glued onto the name by copy-paste
_GLUED_ROLE = r"|(?<=[a-zà-ỹđ])(?=(?:chủ\s*trì|phối\s*hợp)\b)"
# A dot ends a name where a sentence may end: not before a lower-case word ("Kế hoạch và Đầu. tư" in a scan)
# (not the dot of "TP." before the city's name: "UBND TP. Vinh", "Công an TP. Hồ Chí Minh")
_DOT = r"(?<!\bTP)(?<!\bTp)\.(?=\s*$|\s+[^\sa-zà-ỹđ])"
# "… liên quan" ends a group's name: what follows is its work ("các cơ quan liên quan mở rộng …")
_AFTER_RELATED = r"|(?<=liên\squan)(?=\s+(?!đến\b|tới\b|và\b|hoặc\b|trên\b|thuộc\b|của\b|ở\b)[^\s,;.])"
# ("… và các cơ quan liên quan" after a unit is one more of the units, asked or working with it)
# ("tổ quản lý trật tự đô thị", "tổ thư ký": a team's name, not its verb)
# ("tổ thanh tra xây dựng", "Đội Thanh tra xây dựng": the building inspectorate, not an inspector that builds; "bộ phận
# Địa chính xây dựng, …": a commune's land and building desk, when a list or its level goes on after it)
# ("tuyên truyền viên", "báo cáo viên": a person's noun, not the verb)
_LAND_DESK = r"(?!(?<=[Đđ]ịa\schính\s)xây\s*dựng(?=\s*[,;]|\s+(?:và|xã|phường|thị\s*trấn)\b))"
STOP_RE = re.compile(rf"(?<!Ngoại)(?<!\b[Tt]ổ)\s(?!(?<=\b[Tt]hư\s)ký\b)(?!(?<=[Tt]hanh\stra\s)xây\s*dựng\b){_LAND_DESK}"
                     rf"(?:{_STOP})\b"
                     rf"(?!\s+viên\b)|"
                     rf"[:;()\n]|"
                     rf"{_DOT}{_ROLE_APPOSITION}{_GLUED_ROLE}{_AFTER_RELATED}", re.U)
SUPPORT_STOP_RE = STOP_RE

# "Giao X …", "Phân công X …", and the consent that lets X act: "Đồng ý để Công ty X thực hiện …",
# "Chấp thuận cho X …"
# ("bàn giao cho X", hand over to X, gives X nothing to do)
# (an opening quote too: "… Cụ thể là: “Giao UBND TP. Vinh thành lập …")
GIVE = re.compile(r"(?:^|[\s,;:.(“\"«])(?<![Bb]àn\s)(?:(?:Giao|giao|Phân\s*công|phân\s*công)"
                  r"(?:\s+(?:nhiệm\s*vụ|trách\s*nhiệm)(?=\s+(?:cho\s|(?:" + _HEADS + r")\b|" + _GROUP + r")))?|"
                  r"(?:Đồng\s*ý|đồng\s*ý|Chấp\s*thuận|chấp\s*thuận|Cho\s*phép|cho\s*phép)"
                  r"\s+(?:để|cho))\s+(?:cho\s+)?(?P<u>.+)", re.U)
# "giao" opening a clause: "…, giao X …", "…; giao X …" (not "đất thu hồi giao chủ đầu tư": land handed over)
CLAUSE_GIVE = re.compile(r"[,;.]\s+(?:đồng\s*thời\s+)?(?:[Gg]iao|[Pp]hân\s*công)\s+(?:cho\s+)?(?P<u>.+)", re.U)
CONSENT = re.compile(r"(?:Đồng\s*ý|đồng\s*ý|Chấp\s*thuận|chấp\s*thuận|Cho\s*phép|cho\s*phép)\s", re.U)
ASK = re.compile(r"(?:^|[\s,;:.(])(?<!thừa\s)(?<!việc\s)(?:" + loose("đề nghị") + r"|Yêu\s*cầu|yêu\s*cầu|[Ủủ]y\s*quyền|"
                 # (a speaker's reminder asks too: "Giám đốc Sở lưu ý các trường tổ chức …")
                 r"[Uu]ỷ\s*quyền|(?<=\s)lưu\s*ý|"
                 # (a notice to a group by kind that says what they are to do: "UBND xã thông báo cho các gia đình
                 # chủ động chuẩn bị …")
                 # (not "thông báo cho các xã biết": the group's verb of work follows it)
                 r"(?<=\s)thông\s*báo\s+(?:cho|đến|tới)(?=\s+(?:các|toàn\s*thể|mọi|tất\s*cả)\s[^;:.]{0,60}?\s"
                 r"(?:chủ\s*động|khẩn\s*trương|chuẩn\s*bị|thực\s*hiện|tổ\s*chức|nộp|đăng\s*ký|có\s*mặt|tham\s*gia|"
                 r"báo\s*cáo|gửi|kê\s*khai|hoàn\s*thành|triển\s*khai|phối\s*hợp|nghiêm\s*túc|tập\s*trung|rà\s*soát)\b))"
                 # (a colon before a word of time, then whom it asks: "yêu cầu: Thời gian tới, 3 lực lượng …")
                 r"(?:\s*:\s*(?=(?:[Tt]hời\s*gian\s*tới|[Ss]ắp\s*tới|[Tt]rước\s*mắt|[Tt]ừ\s*nay),)|[\s,]+)"
                 r"(?:(?:đến|tới)\s+(?=(?:các|toàn\s*thể|mọi|tất\s*cả)\s))?"
                 # (a word of time before whom it asks: "yêu cầu trước mắt các cấp ủy …", "đề nghị từ nay các đơn vị …")
                 r"(?:(?:[Tt]rước\s*mắt|[Tt]ừ\s*nay|[Tt]hời\s*gian\s*tới|[Ss]ắp\s*tới|ngay|sớm),?\s+)?"
                 # (a period before whom it asks: "yêu cầu trong tháng 9/2019, các phòng …", "yêu cầu, năm 2026, …")
                 # (or without a comma: "đề nghị tháng 12/2018 thường trực HĐND …", "yêu cầu trong quý III các xã …")
                 r"(?:(?:trong\s+)?(?:tháng|quý|năm)\s*[\dIVX]+(?:\s*[/.-]\s*\d{2,4})?\s+|"
                 # ("yêu cầu sau khi kết thúc Đại hội các đơn vị hoàn chỉnh …": a time clause, then the group)
                 r"(?:sau\s*khi|trước\s*khi|khi)\s+[^,;:.]{3,40}?\s+(?=(?:các|những)\s))?"
                 r"(?:(?:[Tt]rong|[Tt]ừ|[Đđ]ến|[Tt]rước|[Ss]au|[Cc]uối|[Đđ]ầu|[Nn]ăm|[Tt]háng|[Qq]uý)\b[^,;:.]{0,30},\s*)?"
                 # (what the work rests on before whom it asks: "đề nghị trên cơ sở các ý kiến …, Sở X phối hợp …";
                 # every one of the group: "yêu cầu 100% các huyện, thị xã ban hành …")
                 r"(?:[Tt]rên\s*cơ\s*sở\s[^,;:.]{3,120},\s*)?(?:100\s*%\s+(?=các\s))?"
                 # (the representatives of the units asked: "đề nghị đại diện các doanh nghiệp, đơn vị liên quan …" —
                 # the units act; the units in a lookahead: a later "đề nghị" is found too)
                 r"(?:[Qq]uý\s+)?(?:đại\s*diện\s+(?=(?:các|những)\s|[A-ZĐ]))?(?=(?P<u>.+))", re.U)
# Who may ask: words before "đề nghị"/"yêu cầu" that make what follows the doer, not the object
# ("Thủ tướng Chính phủ yêu cầu UBND các tỉnh …", "Để …, đề nghị quý Tổng cục …").
REQUESTER = re.compile(r"^(?:Để|Nhằm|Trên\s*cơ\s*sở|Căn\s*cứ|Thực\s*hiện|Sau\s*khi|Xét)\b|"
                       # (a body by its initials opening the subject: "UBKT Trung ương yêu cầu …", "NHNN đề nghị …")
                       r"^(?:[^,.;:]{0,30},\s*)?(?:[A-ZĐ]{3,6})(?=\s|$)|\b(?:Thủ\s*tướng|Chủ\s*tịch|"
                       r"Phó\s*[Cc]hủ\s*tịch|Phó\s*[Tt]hủ\s*tướng|Phó\s*[Gg]iám\s*đốc|UBND|Ủy\s*ban|Uỷ\s*ban|Sở|Bộ|Văn\s*phòng|Ban|Tổng\s*cục|Cục|Chi\s*cục|[Đđ]ồng\s*chí|[Đđ]/[Cc]|"
                       r"Chính\s*phủ|Lãnh\s*đạo|Giám\s*đốc|Bộ\s*trưởng|Thường\s*trực|Thường\s*vụ|Tỉnh\s*[ủu]ỷ|"
                       r"Tỉnh\s*ủy|Huyện\s*ủy|Huyện\s*uỷ|Thành\s*ủy|Thành\s*uỷ|Thị\s*ủy|Thị\s*uỷ|Đảng\s*ủy|Đảng\s*uỷ|"
                       r"Bí\s*thư|Hội\s*nghị|cuộc\s*họp|Công\s*an|"
                       # a document that asks: "Chỉ thị yêu cầu UBND các huyện …", "Công văn đề nghị …"
                       r"Chỉ\s*thị|Công\s*văn|Công\s*điện|Kế\s*hoạch|Thông\s*báo|Kết\s*luận|Quyết\s*định|Nghị\s*quyết|"
                       r"[Vv]ăn\s*bản|công\s*văn|công\s*điện)\b", re.U)
ROLE_AFTER = re.compile(
    r"(?P<u>(?:(?:" + _HEADS + r")\b|" + _GROUP + r")[^:;.\n]{0,160}?)(?:\s+|(?<=[a-zà-ỹđ])(?=chủ\s*trì))"
    rf"(?:{_CHU_TRI}|có\s*trách\s*nhiệm|có\s*nhiệm\s*vụ|khẩn\s*trương|chịu\s*trách\s*nhiệm|cần|phải)\b", re.U)
# "phối hợp (chặt chẽ, tốt …) với X": every partner clause of the text (a lookahead: a later one is found too)
_MANNER = r"(?:chặt\s*chẽ|tốt|thường\s*xuyên|nhịp\s*nhàng|đồng\s*bộ|hiệu\s*quả|kịp\s*thời)"
# (two manners too: "phối hợp chặt chẽ, kịp thời với Y", "phối hợp chặt chẽ và thường xuyên với Y")
_MANNERS = rf"{_MANNER}(?:\s*,\s*{_MANNER}|\s+và\s+{_MANNER})?"
_WITH = rf"{_PHOI_HOP}\s*(?:{_MANNERS}\s+(?=với)|chặt\s*chẽ\s*)?(?:với\s*)?"
# "(có) sự phối hợp của Y", "phối hợp: Y" (a note after the work)
_WITH_OF = rf"sự\s+{_PHOI_HOP}\s+(?:chặt\s*chẽ\s+)?(?:của|với)\s+|{_PHOI_HOP}\s*:\s*"
SUPPORT_RE = re.compile(rf"(?:{_WITH_OF}|{_WITH}|cùng\s*với\s+|(?<=trì\s)cùng\s+)(?=(?P<u>.+))", re.U)
SUPPORT_BEFORE = re.compile(
    r"(?P<u>(?:(?:" + _HEADS + r")\b|" + _GROUP + r")[^:;.\n]{0,160}?)\s+" + _PHOI_HOP + r"\b"
    # (not "X phối hợp với Y …": X is the one who works, with Y)
    r"(?!\s*(?:" + _MANNERS + r"\s+)?với\b)", re.U)
# "Đơn vị chủ trì: X", "Cơ quan phối hợp thực hiện: Y" in activity blocks and table rows
# (a lookahead: "Đơn vị chủ trì: X. Đơn vị thực hiện: Y." on one line names both)
FIELD_LEAD = re.compile(r"(?:Đơn\s*vị|Cơ\s*quan|Đơn\s*vị)\s*(?:chủ\s*trì|thực\s*hiện)(?:\s*thực\s*hiện)?\s*:\s*"
                        r"(?=(?P<u>[^\n]+))", re.U | re.I)
FIELD_SUPPORT = re.compile(r"(?:Đơn\s*vị|Cơ\s*quan)\s*phối\s*hợp(?:\s*thực\s*hiện)?\s*:\s*(?P<u>[^\n]+)", re.U | re.I)
NEXT_FIELD = re.compile(r"\.\s|[;,.]?\s*-?\s*(?:Đơn\s*vị|Cơ\s*quan|Thời\s*gian|Thời\s*hạn|Địa\s*điểm|Kinh\s*phí|"
                        r"Sản\s*phẩm|Kết\s*quả|Lãnh\s*đạo|Hình\s*thức)[^:;.]{0,30}:", re.U)
# "Trách nhiệm của X", "Đối với X" as a heading
HEADING_OF = re.compile(r"^(?:Trách\s*nhiệm(?:\s*(?:chung|cụ\s*thể|riêng))?\s*của|Đối\s*với|Về\s*phía|"
                        r"Nhiệm\s*vụ(?:\s+(?!của)\S+){0,3}?\s+của)\s+(?P<u>.+?)\s*:?\s*$",
                        re.U | re.I)

# "chính quyền" alone in a list of doers: "các cấp ủy đảng, chính quyền, các ban, ngành …" (the local
# administration, a doer of its own; "chính quyền các cấp" after other kinds qualifies them all and stays whole)
_BARE_ADMIN = r"[Cc]hính\s*quyền(?=\s*(?:[,;]|$)|\s+(?:và|cùng)\s)"
# a bare kind of body after "và", a group of its own: "các cơ quan, đơn vị và thôn, xóm", "Các cơ quan liên
# quan và đoàn thể huyện" (the mass organisations, the hamlets)
# (and the organisations of a kind after a list of them: "các tổ chức chính trị - xã hội, tổ chức xã hội - nghề
# nghiệp", "…, tổ chức phi chính phủ")
_BARE_GROUP_AFTER_AND = (r"(?:đoàn\s*thể|thôn|xóm|tổ\s*dân\s*phố|khu\s*phố|ấp|buôn|tổ\s*chức\s*chính\s*trị|"
                         r"tổ\s*chức\s*(?:xã\s*hội(?!\s*hóa)|phi\s*chính\s*phủ|nghề\s*nghiệp)|cộng\s*đồng\s*doanh\s*nghiệp)\b")
# (a sector or the local administration in lower case, beside another unit: "ngành chuyên môn và chính quyền các địa
# phương")
OWN_GROUP_IN_LIST = re.compile(rf"{_BARE_ADMIN}|{_BARE_GROUP_AFTER_AND}|"
                               r"(?:các\s+)?ngành\s+(?:chuyên\s*môn|chức\s*năng)\b|"
                               r"chính\s*quyền\s+(?:các\s+)?(?:địa\s*phương|cơ\s*sở|cấp)\b", re.U)
# "A, B", "A và B", "A/B" (two units of which either acts), "A hoặc B" (alternatives): separate units
# (a scan drops the mark of "và" and "Văn": "Vụ A va Van phòng")
# (an office holder written in lower case opens one more unit: "Chủ tịch UBND các huyện, thủ trưởng các đơn vị …")
_SPLIT = re.compile(rf",\s*(?!tổ\s*dân\s*phố\b)(?=(?:{_HEADS})\b|(?:các|UBND|Ủy\s*ban|Uỷ\s*ban)\s|{_COMMITTEE}|"
                    # (the central body of an association: "Ủy ban Trung ương MTTQ Việt Nam, Trung ương Hội Cựu chiến
                    # binh Việt Nam", "…, Trung ương Đoàn TNCS Hồ Chí Minh")
                    r"Trung\s*ương\s+(?:Hội|Đoàn)\b|"
                    # (a board in lower case: "Công an tỉnh, ban chỉ đạo cấp huyện")
                    r"ban\s+(?:chỉ\s*đạo|chỉ\s*huy)\s|"
                    r"(?:thủ\s*trưởng|giám\s*đốc|chủ\s*tịch|người\s*đứng\s*đầu|bí\s*thư|lực\s*lượng)\s|"
                    # ("Phòng Giáo dục, hiệu trưởng các trường", "UBND các xã, trưởng công an các xã")
                    rf"(?:{_TITLE_HEADS})|"
                    # (an owner who must act: "…, các công ty lâm nghiệp, chủ rừng trên địa bàn", "…, chủ đầu tư")
                    r"chủ\s*(?:rừng|đầu\s*tư|dự\s*án|cơ\s*sở|mỏ|công\s*trình|phương\s*tiện)\b|nhà\s*đầu\s*tư\b|"
                    r"cộng\s*đồng\s*doanh\s*nghiệp\b|"  # ("…, tổ chức xã hội - nghề nghiệp, cộng đồng doanh nghiệp")
                    r"(?:xã|phường|thị\s*trấn|huyện|quận|thị\s*xã)\b|" + _BARE_ADMIN + "|"
                    # ("các cơ quan, đơn vị, chính quyền địa phương": the local administration, a doer of its own)
                    r"chính\s*quyền\s+(?:địa\s*phương|cơ\s*sở)\b)|"
                    rf"\s+(?:và|va|hoặc)\s+(?=(?:{_HEADS})\b|các\s|{_GROUP}|chính\s*quyền\s|{_BARE_GROUP_AFTER_AND})|"
                    rf"\s+cùng\s+(?=(?:{_HEADS})\b|các\s|{_GROUP})|"
                    rf"\s*/\s*(?!tổ\s*dân\s*phố\b)(?=(?:{_HEADS})\s)", re.U)


MAX_NAME = 90

_LEVEL = r"(?:tỉnh|huyện|xã|phường|quận|thị\s*xã|thị\s*trấn|thành\s*phố)"
# "Các Sở, Ban, ngành, đoàn thể tỉnh": kinds of one group listed after "các", each bare (no name of its own)
# ("Thủ trưởng các Vụ, Cục, đơn vị thuộc Tổng cục": the departments of one body, each bare)
_BARE_KIND = (r"(?:Sở|sở|Ban|ban|Bộ|bộ|ngành|đoàn\s*thể|cơ\s*quan|đơn\s*vị|địa\s*phương|hội|Hội|đoàn|Đoàn|"
              r"Cục|cục|Vụ|Phòng|phòng|Chi\s*cục|chi\s*cục)")
BARE_HEAD_AFTER = re.compile(rf"^(?:{_BARE_KIND}|Đảng\s*đoàn|Cục|Vụ|Phòng|Chi\s*cục)\s*(?:[,;]|$)", re.U)
# a bare kind (no name of its own) and the owner the whole list shares: "…, đơn vị sự nghiệp thuộc UBND tỉnh",
# "…, Đài của tỉnh"
SHARED_OWNER_AFTER = re.compile(rf"^(?:{_BARE_KIND}|[Đđ]ài|[Bb]áo)(?:\s+[a-zà-ỹđ]+){{0,4}}?"
                                r"\s+(?:trực\s*thuộc|thuộc|của)\s", re.U)
# the set phrase "các cấp, các ngành" (or "các ngành, các cấp") names one group, as written
LEVELS_SECTORS_BEFORE = re.compile(r"^[Cc]ác\s+(cấp|ngành)$", re.U)
KIND_LIST_BEFORE = re.compile(rf"(?:^|\s)[Cc]ác\s+{_BARE_KIND}(?:\s*,\s*{_BARE_KIND})*$", re.U)
RELATED_KIND_AFTER = re.compile(rf"^[Cc]ác\s+{_BARE_KIND}\s+(?:có\s+)?liên\s*quan\b", re.U)
BARE_KIND_AFTER = re.compile(rf"^{_BARE_KIND}(?:\s*,|\s*$|\s+{_LEVEL}\b|\s+(?:và|,)\s)", re.U)
# "Ủy ban nhân dân thành phố và các huyện": one body named for several levels, not a body and a group
# (also named: "Chủ tịch UBND TP Thủ Đức, các quận, huyện" — the chairs of the city's and of the districts' UBND)
BODY_LEVEL_BEFORE = re.compile(r"(?:UBND|HĐND|[ỦU][yỷ]\s*ban\s*nhân\s*dân|Hội\s*đồng\s*nhân\s*dân)\s+"
                               rf"(?:{_LEVEL}|TP\.?)(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*){{0,3}}$", re.U)
LEVELS_AFTER = re.compile(rf"^các\s+{_LEVEL}(?:\s*,\s*{_LEVEL})*\s*$", re.U)
# "Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh": the name of one Party committee
FRONT_COMMITTEE = re.compile(r"Đảng\s*[ủu][yỷ]\s+(?:khối\s+)?(?:Mặt\s*trận\s*Tổ\s*quốc(?:\s*Việt\s*Nam)?|MTTQ)$", re.U)


# The central-level group "các bộ, ngành, cơ quan trung ương và địa phương" (ministries and localities addressed as
# one whole by the Government), and a bare kind (no "các" of its own) after "và": the group's last kind, not a unit
# of its own. (A province's "các sở, ban, ngành và địa phương" is written for two groups of doers.)
# a group whose kinds are written with a capital, each without a name of its own: "các Tập đoàn, Tổng công ty, Công
# ty có đầu tư …", "các Đảng bộ, Chi bộ trực thuộc Huyện ủy", "Các Cục, Vụ" (one group as written; a kind followed by
# a name, "…, Công ty Điện lực Lào Cai", is a unit of its own)
_CAPITAL_KIND = r"(?:Tập\s*đoàn|Tổng\s*[Cc]ông\s*ty|Công\s*ty|Đảng\s*bộ|Chi\s*bộ|Cục|Vụ)"
CAPITAL_KINDS_BEFORE = re.compile(rf"^[Cc]ác\s+{_CAPITAL_KIND}\b[^,]*(?:,\s*{_CAPITAL_KIND}\b[^,]*)*$", re.U)
CAPITAL_KIND_AFTER = re.compile(rf"^{_CAPITAL_KIND}(?:\s*(?:,|$)|\s+(?P<next>\w))", re.U)
# a list of kinds after "các" ends on "và" and one more bare kind: "các cơ quan, đơn vị và doanh nghiệp", "Thủ trưởng
# các cơ quan, đơn vị và địa phương" (a group as written, one lead; a named unit or another "các …" group after "và",
# "các Hiệp hội và doanh nghiệp" (no list before it) stay units of their own)
PLURAL_GROUP_BEFORE = re.compile(r"^(?:(?:[Tt]hủ\s*trưởng|[Ll]ãnh\s*đạo|[Nn]gười\s*đứng\s*đầu)\s+)?"
                                 r"(?:[Cc]ác|[Nn]hững|[Mm]ọi)\s[^,]+(?:,\s*[^,]+)+$", re.U)
KIND_AFTER_AND = re.compile(r"^(?:doanh\s*nghiệp|đơn\s*vị|cơ\s*quan|tổ\s*chức|nhân\s*dân)\b(?![^,]*(?:,|\svà\s))", re.U)
# (the localities after a province's departments are doers of their own, "các sở, ban, ngành và địa phương" -> two;
# after a title they share it: "Thủ trưởng các cơ quan, đơn vị và địa phương" is one group of heads)
TITLED_GROUP_BEFORE = re.compile(r"^(?:[Tt]hủ\s*trưởng|[Ll]ãnh\s*đạo|[Nn]gười\s*đứng\s*đầu)\s+các\s", re.U)
LOCALITY_AFTER_AND = re.compile(r"^địa\s*phương\b(?![^,]*(?:,|\svà\s))", re.U)
GROUP_OPEN = re.compile(r"^[Cc]ác\s+(?:bộ|Bộ)\b(?:\s*,\s*[a-zà-ỹđ][^,]*)*$", re.U)
BARE_KIND_LAST = re.compile(r"^(?:địa\s*phương|đơn\s*vị|cơ\s*quan|ngành|đoàn\s*thể|tổ\s*chức)\b", re.U)


# "các phòng, ban, đơn vị, xã, phường": the localities after the departments' kinds are a group of their own
LEVEL_KIND_AFTER = re.compile(r"^(?:xã|phường|thị\s*trấn|huyện|quận|thị\s*xã)\b", re.U)
# the Party committees of the local levels, listed after "các": "các huyện ủy, thị ủy, Thành ủy Huế",
# "các huyện, thành, thị ủy"
_LEVEL_OR_COMMITTEE = r"(?:huyện|quận|thị\s*xã|thị|thành(?:\s*phố)?|xã|phường)(?:\s*[ủu][yỷ])?"
# a board of the provincial Party committees: "Ban Thường vụ các tỉnh ủy, thành ủy" is one unit (the committees listed
# alone, "Các tỉnh ủy, thành ủy", are two)
BOARD_OF_COMMITTEES_BEFORE = re.compile(r"^\s*(?:[Bb]an\s+\S+(?:\s+\S+)?|[Tt]hường\s*trực)\s+các\s+tỉnh\s*[ủu][yỷ]$",
                                        re.U)
LEVEL_LIST_BEFORE = re.compile(rf"(?:^|\s)(?:[Cc]ác|[Mm]ỗi|[Nn]hững)\s+(?:{_LEVEL_OR_COMMITTEE}\s*,\s*)*"
                               rf"{_LEVEL_OR_COMMITTEE}$", re.U)  # ("Mỗi huyện, thành, thị ủy")
LEVEL_COMMITTEE_AFTER = re.compile(r"^(?:huyện|quận|thị|[Tt]hành)\s*[ủu][yỷ]\b", re.U)
DEPARTMENT_KINDS = re.compile(rf"^[Cc]ác\s+(?:phòng|ban|sở|ngành|đơn\s*vị|cơ\s*quan)(?:\s*,\s*{_BARE_KIND})*$", re.U)


# a list of named localities after their level ("các xã Phú Lai, …"), and a place's name after a comma: every syllable
# capitalised ("Đoàn Kết", "Hội Hợp"), where a unit's name goes on in lower case ("Đoàn Thanh niên", "Hội Nông dân")
_LOCALITY_NAME = r"[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*)*"
LOCALITY_LIST_BEFORE = re.compile(rf"\b[Cc]ác\s+(?:xã|phường|thị\s*trấn|huyện|quận|thị\s*xã)\s+{_LOCALITY_NAME}"
                                  rf"(?:\s*,\s*{_LOCALITY_NAME})*$", re.U)
PLACE_NAME_AFTER = re.compile(r"^[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*)+(?=\s*(?:,|và\s|$))", re.U)


# a bare title before another that names whose ("giám đốc, thủ trưởng các sở, ban, ngành", "Giám đốc, Thủ trưởng các
# đơn vị"): the heads of one group, one lead
_TITLE_WORD = (r"(?:[Gg]iám\s*đốc|[Tt]hủ\s*trưởng|[Cc]hủ\s*tịch|[Nn]gười\s*đứng\s*đầu|[Ll]ãnh\s*đạo|[Cc]hỉ\s*huy|"
               r"[Bb]í\s*thư)")
BARE_TITLE = re.compile(_TITLE_WORD, re.U)
TITLE_AFTER = re.compile(rf"{_TITLE_WORD}\s", re.U)


def _split_list(names: str) -> list[str]:
    """`names` cut at the boundaries of its units, keeping the separators inside one group's name."""
    out, start = [], 0
    for sep in _SPLIT.finditer(names):
        before, after = names[start: sep.start()], names[sep.end():]
        if sep.group(0).strip() == "," and BARE_TITLE.fullmatch(before.strip()) and TITLE_AFTER.match(after):
            continue  # "giám đốc, thủ trưởng các sở, ban, ngành": two titles of the heads of one group
        if sep.group(0).strip() == "," and LOCALITY_LIST_BEFORE.search(before) and PLACE_NAME_AFTER.match(after):
            continue  # "UBND các xã Phú Lai, Đoàn Kết, Hữu Lợi": a place named like a unit ("Đoàn", "Hội") is a member
        if sep.group(0).strip() == "," and LEVEL_KIND_AFTER.match(after) and not DEPARTMENT_KINDS.match(before.strip()):
            continue  # "UBND các huyện, thị xã": one more level of the group; only "các phòng, ban, xã" opens another
        if sep.group(0).strip() == "," and LEVEL_LIST_BEFORE.search(before) and LEVEL_COMMITTEE_AFTER.match(after):
            continue  # "các huyện ủy, thị ủy, thành ủy", "các quận, huyện, thị ủy": the Party committees of the levels
        if sep.group(0).strip() == "," and re.fullmatch(r"\s*(?:Tỉnh|Huyện|Quận)", before) and \
                LEVEL_COMMITTEE_AFTER.match(after):
            continue  # "Tỉnh, thành ủy nơi …": the committees of two levels
        if sep.group(0).strip() == "," and BOARD_OF_COMMITTEES_BEFORE.match(before) and \
                re.match(r"thành\s*[ủu][yỷ]\b", after):
            continue
        if sep.group(0).strip() == "," and KIND_LIST_BEFORE.search(before) and BARE_KIND_AFTER.match(after):
            continue  # "Các Sở, Ban, ngành"
        if sep.group(0).strip() == "," and (pair := LEVELS_SECTORS_BEFORE.match(before.strip())) and \
                re.match(r"các\s+" + ("ngành" if pair.group(1) == "cấp" else "cấp") + r"\b(?!\s*[ủu][yỷ])", after):
            continue  # "các cấp, các ngành" / "các ngành, các cấp": one set phrase, every level and sector
        if sep.group(0).strip() == "," and KIND_LIST_BEFORE.search(before) and RELATED_KIND_AFTER.match(after):
            continue  # "các cơ quan, đơn vị, các ngành có liên quan": "có liên quan" qualifies every kind of the list
        if BODY_LEVEL_BEFORE.search(before) and LEVELS_AFTER.match(_cut(after)):
            continue  # "UBND thành phố và các huyện"
        if sep.group(0).strip() == "," and FRONT_COMMITTEE.search(before) and re.match(r"các\s+đoàn\s*thể", after):
            continue
        if sep.group(0).strip() == "," and re.match(r"[Cc]ác\s", before.strip()) and SHARED_OWNER_AFTER.match(after):
            continue  # "các cơ quan chuyên môn, đơn vị sự nghiệp thuộc UBND tỉnh": one group, whose owner both share
        if sep.group(0).strip() == "," and re.match(r"[Cc]ác\s", before.strip()) and BARE_HEAD_AFTER.match(after):
            continue  # "các Ban cán sự đảng, Đảng đoàn": a kind without a name of its own is one more of the group
        if sep.group(0).strip() == "và" and GROUP_OPEN.match(before.strip()) and BARE_KIND_LAST.match(after):
            continue  # "các bộ, cơ quan trung ương và địa phương": the last kind of one group
        if sep.group(0).strip() == "và" and PLURAL_GROUP_BEFORE.match(before.strip()) and (
                KIND_AFTER_AND.match(after) or
                TITLED_GROUP_BEFORE.match(before.strip()) and LOCALITY_AFTER_AND.match(after)):
            continue  # "các cơ quan, đơn vị và doanh nghiệp", "Thủ trưởng các cơ quan, đơn vị và địa phương"
        if sep.group(0).strip() == "," and CAPITAL_KINDS_BEFORE.match(before.strip()) and \
                (kind := CAPITAL_KIND_AFTER.match(after)) and not (kind.group("next") or "a").isupper():
            continue  # "các Tập đoàn kinh tế, Tổng công ty nhà nước", "các Đảng bộ, Chi bộ trực thuộc": one group
        if sep.group(0).strip() == "và" and JOINT_OFFICE_BEFORE.search(before) and ELECTED_BODY_AFTER.match(after):
            continue  # "Văn phòng HĐND và UBND huyện", "Văn phòng Đoàn ĐBQH và HĐND tỉnh": one office of two bodies
        out.append(names[start: sep.start()])
        start = sep.end()
    return out + [names[start:]]


# the office that serves two elected bodies at once is one unit
_ELECTED = r"(?:HĐND|UBND|Hội\s*đồng\s*nhân\s*dân|(?:Ủy|Uỷ)\s*ban\s*nhân\s*dân|Đoàn\s*(?:ĐBQH|đại\s*biểu\s*Quốc\s*hội))"
JOINT_OFFICE_BEFORE = re.compile(rf"(?:^|\s)Văn\s*phòng\s+{_ELECTED}\s*$", re.U)
ELECTED_BODY_AFTER = re.compile(rf"\s*{_ELECTED}\b", re.U)
ADVISORY_BODY = re.compile(r"(?:[Cc]ơ\s*quan|[Bb]ộ\s*phận)(?:\s+chuyên\s*(?:trách|môn))?(?:\s+tham\s*mưu,?)?$",
                           re.U)
# "… tham mưu, giúp việc …", "… tham mưu và giúp việc …": the kind of body, not its work
ADVISING_AS_KIND = re.compile(r"\s*(?:,|và)?\s*giúp\s*việc\b", re.U)
GROUP_LIST_BEFORE = re.compile(r"(?:^|\s)[Cc]ác(?:\s+[^\s,;:.]+){1,3},$|"
                               r"(?:^|\s)(?:[Cc]ấp\s*[ủu][yỷ]|[Cc]hi\s*bộ|[Đđ]ảng\s*bộ)(?:\s+[^\s,;:.]+){0,2},$", re.U)
# a longer list of kinds, then organisations of a kind: "các cơ quan, đơn vị, tổ chức, cá nhân", "tất cả các cơ quan,
# đơn vị, tổ chức kinh tế xã hội, doanh nghiệp" (not "Các cơ quan, đơn vị, tổ chức hội nghị": the verb)
KINDS_LIST_BEFORE = re.compile(r"(?:^|\s)[Cc]ác(?:\s+[^\s,;:.]+){1,3}(?:,(?:\s+[^\s,;:.]+){1,2}){1,3},$", re.U)
ORGANISATION_KIND = re.compile(r"\s*(?:[,;]|và\s|hoặc\s|cá\s*nhân|kinh\s*tế|xã\s*hội|chính\s*trị|đoàn\s*thể|"
                               r"doanh\s*nghiệp|liên\s*quan|có\s*liên\s*quan|trên\s*địa\s*bàn|thuộc|tôn\s*giáo|quốc\s*tế|tín\s*dụng|"
                               r"sự\s*nghiệp|hành\s*nghề|hành\s*chính)", re.U)
GROUP_WORD_BEFORE = re.compile(r"(?:^|\s)(?:[Cc]ác|[Nn]hững|[Mm]ọi)$", re.U)
# the same list asked without "các", from the name's first word: "yêu cầu cơ quan, tổ chức, cá nhân có liên quan …",
# "cơ quan, đơn vị, tổ chức trên địa bàn …" (still "Cơ quan, tổ chức hội nghị …": the verb)
BARE_KINDS_BEFORE = re.compile(r"^\s*(?:[Cc]ơ\s*quan|[Đđ]ơn\s*vị)(?:,\s*(?:cơ\s*quan|đơn\s*vị))?,$", re.U)


# a team named by the work it is set up for: "Đoàn thanh tra", "Tổ kiểm tra liên ngành", "Đoàn công tác"
TEAM_BEFORE = re.compile(r"(?:^|\s)(?:[Cc]ác\s+)?(?:Đoàn|đoàn|Tổ|tổ)$", re.U)
TEAM_WORK = re.compile(r"\s(?:thanh\s*tra|kiểm\s*tra|giám\s*sát|kiểm\s*toán|công\s*tác|khảo\s*sát)\b", re.U)


def _first_stop(padded: str, stops: re.Pattern[str] = STOP_RE) -> re.Match[str] | None:
    """Where the name that opens `padded` (" " + text) ends: its first verb, role or time word; or, after a
    name of the regular form "Sở/Bộ + sector" or "body + level + place", the first word that cannot go on with it
    ("Sở Xây dựng thẩm tra …", "Công an tỉnh điều tra …": verbs no list holds)."""
    known = _known_name_end(padded)
    for m in stops.finditer(padded):
        if known is not None and known.start() < m.start():
            return known
        if m.group(0)[:1].isspace() and GROUP_WORD_BEFORE.search(padded[: m.start()]):
            continue  # "các tổ chức cơ sở đảng": the kind of a group, not a verb
        if re.match(r"\stổ\s*chức\b", m.group(0)) and GROUP_LIST_BEFORE.search(padded[: m.start()]):
            continue  # "các cấp ủy, tổ chức đảng": one more kind of the group
        if re.match(r"\stổ\s*chức\b", m.group(0)) and ORGANISATION_KIND.match(padded, m.end()) and \
                (KINDS_LIST_BEFORE.search(padded[: m.start()]) or BARE_KINDS_BEFORE.search(padded[: m.start()])):
            continue  # "(các) cơ quan, đơn vị, tổ chức, cá nhân": organisations, one more kind of the group
        if ADVISORY_BODY.search(padded[: m.start()]) and (
                re.match(r"\sgiúp\s*việc", m.group(0)) or (re.match(r"\stham\s*mưu", m.group(0)) and
                                                          ADVISING_AS_KIND.match(padded, m.end()))):
            continue  # "các cơ quan chuyên trách tham mưu, giúp việc Đảng ủy": what the body is, not what it does
            # (but "Cơ quan chuyên môn tham mưu chỉ đạo …": the work it is asked to do)
        if TEAM_BEFORE.search(padded[: m.start()]) and TEAM_WORK.match(m.group(0)):
            continue  # "Đoàn thanh tra liên ngành tiến hành …", "Tổ kiểm tra": the kind of team, not its work
        if _co_doer(padded, m):
            known = _known_name_end_at(padded, m.end())
            continue  # "Sở A cùng Sở B soạn thảo …": both do the work
        return m
    return known


# "A cùng B <work>": a second doer joined by "cùng" (not "cùng với", not after "chủ trì": partners)
CO_DOER_AFTER = re.compile(rf"\s+(?=(?:{_HEADS})\b|{_GROUP})", re.U)


def _co_doer(padded: str, m: re.Match[str]) -> bool:
    if m.group(0).strip() != "cùng" or not (after := CO_DOER_AFTER.match(padded, m.end())) or \
            not UNIT_START.match(padded[: m.start()].strip()) or SPEAKER_HONORIFIC.match(padded.strip()):
        return False
    rest = padded[after.end() - 1:]
    stop = _first_stop(rest)
    work = rest[stop.start():].strip() if stop is not None else ""
    return stop is not None and 0 < stop.start() <= MAX_NAME and \
        (not NOT_DOER_VERB.match(work) or re.match(r"được\s*(?:giao|phân\s*công)\b", work) is not None)


# Names of the regular forms: a department or ministry and its sector ("Sở Xây dựng", "Bộ Văn hóa, Thể thao và Du
# lịch"), compared without tone marks; a body and its level ("Công an tỉnh", "UBND huyện Bát Xát")
_SECTOR_WORDS = _SECTORS + ("tài chính", "xây dựng", "y tế", "nội vụ", "công thương", "ngoại vụ", "ngoại giao",
                            "quốc phòng", "công an", "giao thông vận tải", "thông tin và truyền thông", "du lịch",
                            "quy hoạch - kiến trúc", "văn hóa và thể thao", "thanh tra",
                            "lao động thương binh và xã hội", "lao động, thương binh và xã hội", "kinh tế - hạ tầng",
                            "văn hóa thông tin", "tài nguyên môi trường", "nông nghiệp", "kinh tế")
_ONE_SECTOR = "(?:" + "|".join(sorted((_sector_pattern(n) for n in _SECTOR_WORDS), key=len, reverse=True)) + ")"
# a district office that merges two fields: "Phòng Nội vụ - Lao động Thương binh và Xã hội", "Phòng Văn hóa - Thông tin"
SECTOR_NAME = re.compile(rf" (?:so|bo|phong) {_ONE_SECTOR}(?:\s*[-–]\s*{_ONE_SECTOR})?(?=[\s,.;:]|$)")
BODY_LEVEL_NAME = re.compile(r" (?:Công\s*an|UBND|HĐND|[ỦU][yỷ]\s*ban\s*nhân\s*dân|Hội\s*đồng\s*nhân\s*dân|"
                             r"Bộ\s*Chỉ\s*huy\s*Quân\s*sự|Ban\s*Chỉ\s*huy\s*Quân\s*sự|Trung\s*tâm\s*Y\s*tế|"
                             r"Kho\s*bạc\s*Nhà\s*nước|Bảo\s*hiểm\s*xã\s*hội|Chi\s*cục\s*Thuế|Thanh\s*tra|"
                             r"Văn\s*phòng\s*(?:UBND|HĐND|Tỉnh\s*[ủu][yỷ]|Huyện\s*[ủu][yỷ]))\s+"
                             r"(?:tỉnh|thành\s*phố|huyện|quận|thị\s*xã|xã|phường|thị\s*trấn)(?=[\s,.;:]|$)", re.U)
# Any unit named down to its level ("Ban Dân tộc tỉnh", "Liên đoàn Lao động huyện", "Ban Tuyên giáo Tỉnh ủy"): the
# level (and the place's name after it) ends the name; a lower-case word after it is its work ("… tỉnh phân bổ …").
# (Not a group's levels: "Ủy ban nhân dân các tỉnh ven biển")
# (not a level that opens the span of levels a group covers: "MTTQ và tổ chức chính trị - xã hội từ tỉnh đến cơ sở")
UNIT_LEVEL_NAME = re.compile(r" (?:" + _HEADS + r")\b[^,;:.()\n]{0,60}?\s(?<!các\s)(?<!những\s)(?<!\stừ\s)"
                             r"(?:tỉnh|thành\s*phố|huyện|quận|thị\s*xã|xã(?!\s*hội)|phường|thị\s*trấn|"
                             r"(?:Tỉnh|Huyện|Thành|Thị)\s*[ủu][yỷ]|"
                             # (the city written with a capital, as a city's own bodies write it: "Ban Nghiên cứu
                             # phát triển Thành phố đặt hàng, …": the name ends at the level, the verb follows)
                             r"Thành\s*phố)(?=[\s,.;:]|$)", re.U)
LEVEL_AFTER = re.compile(r"(?:\s+(?:tỉnh|[Tt]hành\s*phố|huyện|quận|thị\s*xã|xã|phường|thị\s*trấn))?", re.U)
CAPITAL_WORD = re.compile(r"\s+(?:-\s*)?(?P<w>[^\W\d_][\w]*)", re.U)
# lower-case words that go on with such a name: "Sở Y tế các tỉnh", "Công an tỉnh và …", "UBND cấp xã"
NAME_GOES_ON = re.compile(r"\s+(?:các|cấp|trực\s*thuộc|thuộc|và|hoặc|kiêm|có|liên\s*quan|của|nơi|tại|trên|ở|"
                          r"(?:Việt\s*Nam|Trung\s*ương))\b|\s*[^\s\wÀ-ỹ]|\s*$|\s+[^a-zà-ỹđ]", re.U)
NEXT_WORD = re.compile(r"\s\S+", re.U)


def _known_name_end(padded: str) -> re.Match[str] | None:
    """Where a regular name ends: the first of the list, or one after a separator ("Sở A và Sở Tư pháp soạn …")."""
    if (first := _known_name_end_at(padded, 0)) is not None:
        return first
    for sep in _SPLIT.finditer(padded, 0, 240):
        if padded[sep.end() - 1: sep.end()] == " " and (later := _known_name_end_at(padded, sep.end() - 1)):
            return later
    return None


def _known_name_end_at(padded: str, pos: int) -> re.Match[str] | None:
    m = SECTOR_NAME.match(fold_same_length(padded), pos) or BODY_LEVEL_NAME.match(padded, pos) or \
        UNIT_LEVEL_NAME.match(padded, pos)
    if m is None:
        return None
    end = LEVEL_AFTER.match(padded, m.end()).end()  # type: ignore[union-attr]
    while not padded[:end].endswith(("ủy", "uỷ")) and (word := CAPITAL_WORD.match(padded, end)) and \
            word.group("w")[:1].isupper():
        if _glued_verb(padded[end:]):
            return NEXT_WORD.match(padded, end)  # "Sở Xây dựng Kiểm tra …": the body glued after a heading's name
        end = word.end()  # the place's name: "UBND huyện Bát Xát", "Sở Y tế Hà Nội"
    if NAME_GOES_ON.match(padded, end) or NOT_DOER_VERB.match(padded[end:].strip()):
        return None  # ("Bộ Y tế trân trọng cảm ơn": the closing courtesy, not a name and its work)
    return NEXT_WORD.match(padded, end)


def _glued_verb(after: str) -> bool:
    """Whether `after` (" Chỉ đạo các …") opens with a verb of two or more words written with a capital: the body of a
    heading glued onto its name. (One word is no proof: "Cần Thơ" is a place.)"""
    words = after.split()
    if len(words) < 2 or not words[1][:1].islower():
        return False
    stop = STOP_RE.match(" " + words[0].lower() + " " + " ".join(words[1:4]))
    return stop is not None and " " in stop.group(0).strip()


def _cut(fragment: str, stops: re.Pattern[str] = STOP_RE) -> str:
    padded = " " + fragment
    m = _first_stop(padded, stops)
    name = padded[: m.start() if m else len(padded)].strip(" ,.-–…")
    if m and ROLE_WORD.match(m.group(0).strip()):
        name = re.sub(r"\s+(?:và|hoặc)$", "", name)  # "X phối hợp với Y và chủ trì cùng Z": Y's name ends before "và"
    return name


# (and "X và yêu cầu Y …": X's name ends before "và", see _asked_too)
ROLE_WORD = re.compile(rf"(?:{_CHU_TRI}|{_PHOI_HOP}|yêu\s*cầu|đề\s*nghị)$", re.U)


def name_prefix(text: str) -> str:
    """The words of `text` before its first verb, role or time word: the name it opens with, if any
    (none after a topic's "Đối với …": "… đúng yêu cầu. Đối với xây dựng NTM nếu xã …" names no unit)."""
    return "" if TOPIC_WITH.match(text) else _cut(text)


# the topic a sentence turns to first: "Đối với X, …", "Đối với X nếu …" — X is what it is about, not who acts
TOPIC_WITH = re.compile(r"\s*Đối\s*với\s", re.U)
TOPIC_CLAUSE = re.compile(r"\s*Đối\s*với\s[^,;:.]{3,120},\s*(?=\S)", re.U)
# a unit turned to, then what it is to direct: "Ngoài ra, đối với UBND huyện, thành phố, chỉ đạo UBND xã, phường, thị
# trấn phối hợp …" — the unit turned to is asked to direct those below it, so it leads (whose the work is, not the
# topic it is about: "Đối với các hộ nghèo, chỉ đạo …" names no unit)
DIRECTING_TOPIC = re.compile(r"^\s*(?:(?:Ngoài\s*ra|Bên\s*cạnh\s*đó|Đồng\s*thời|Riêng),?\s+)?[Đđ]ối\s*với\s+"
                             r"(?P<u>[^;:.]{3,120}?),\s*(?:cần\s+|phải\s+|đề\s*nghị\s+|yêu\s*cầu\s+)?"
                             r"(?:tăng\s*cường\s+|tiếp\s*tục\s+)?chỉ\s*đạo\s+(?!của\b)", re.U)
TOPIC_NOT_DIRECTING = re.compile(r"(?:các\s+|những\s+)?(?:hộ|gia\s*đình|cá\s*nhân|người|doanh\s*nghiệp|cơ\s*sở|"
                                 r"chủ\s*(?:rừng|đầu\s*tư|cơ\s*sở|hộ))\b", re.I | re.U)


# "UBND các phường: Ba Đình, Hoàn Kiếm", "UBND các xã Đức Trọng, Hiệp Thạnh", "các Đại sứ quán các nước:
# Trung Quốc, Ấn Độ": one unit per name ("UBND phường Ba Đình" …). Lower-case after the kind is a
# group ("UBND các xã, phường") and stays whole.
NAMED_MEMBERS = re.compile(
    r"^(?P<pre>.*?)\b[Cc]ác\s*:?\s+(?P<kind>phường|xã|huyện|quận|thị\s*xã|thành\s*phố|tỉnh|Sở|sở|Bộ|bộ|Đại\s*sứ\s*quán|"
    r"[Pp]hòng|bộ\s*phận)"
    r"(?:\s+các\s+nước)?\s*:?\s+(?P<names>[A-ZĐÀ-Ỹ].*)$", re.U)
# Fields of ministries and departments whose name holds "và" or a comma: one member of a list, not two
# ("các Bộ: Tài chính, Nông nghiệp và Môi trường", "các Sở: Văn hóa, Thể thao và Du lịch, Y tế").
# matched in fold_same_length(text): no tone marks, "d" for "đ", a dot or space between syllables
SECTOR_COMPOUND = re.compile("|".join(_sector_pattern(n) for n in _SECTORS))
_MEMBER_SEP = re.compile(r",\s*|;\s*|\s+và\s+|\s+hoặc\s+", re.U)


def _members(names: str) -> list[str]:
    """"Công an, Tài chính, Nông nghiệp và Môi trường" → three names: the separators inside a known
    field name ("Nông nghiệp và Môi trường", "Văn hóa, Thể thao và Du lịch") do not split it."""
    inside = [m.span() for m in SECTOR_COMPOUND.finditer(fold_same_length(names))]
    out, start = [], 0
    for sep in _MEMBER_SEP.finditer(names):
        if any(a < sep.start() < b for a, b in inside):
            continue
        out.append(names[start: sep.start()])
        start = sep.end()
    out.append(names[start:])
    return [n.strip(" .") for n in out if n.strip(" .")]


# "UBND tỉnh Bình Định, Phú Yên", "UBND huyện A, B và C": one body per named locality, the level said once
NAMED_LOCALITIES = re.compile(
    rf"^(?P<pre>(?:{_HEADS})\b[^,;]{{0,40}}?\s)(?P<kind>phường|xã|huyện|quận|thị\s*xã|thành\s*phố|tỉnh)\s+"
    r"(?P<names>[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*)*"
    r"(?:(?:\s*,\s*|\s+và\s+)[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*)*)+)$", re.U)


# "UBND hai phường Lạc Viên và Máy Tơ": a group counted as written is one name, not one body per locality
COUNTED_LEVEL = re.compile(r"\s(?:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|0?[2-9]|1\d)\s$", re.U)


# "Sở Tài chính, NN&PTNT, Tài nguyên - môi trường": one kind said once before a list of fields, each field a
# department of its own ("Sở Tài chính", "Sở NN&PTNT", …); only when every member is a known field or its initials
SECTORS_AFTER_KIND = re.compile(r"^(?P<kind>Sở|Bộ)\s+(?P<names>[A-ZĐÀ-Ỹ][^;:()]*,[^;:()]*)$", re.U)
_FIELD_INITIALS = ("nnptnt", "tnmt", "khdt", "gddt", "ldtbxh", "vhttdl",
                   "vhtt", "tttt", "khcn", "gtvt", "nnmt")


def _field_key(name: str) -> str:
    """A field's name without tone marks, separators or "và": "Tài nguyên - môi trường" → "tainguyenmoitruong"."""
    return "".join(w for w in re.sub(r"[^a-z]+", " ", fold(name)).split() if w != "va")


_FIELD_KEYS = frozenset(_field_key(n) for n in _SECTOR_WORDS + ("tài nguyên - môi trường", "nông nghiệp - PTNT",
                                                                   "giáo dục - đào tạo"))


def _is_field(name: str) -> bool:
    return _field_key(name) in _FIELD_KEYS or name[:1].isupper() and _field_key(name) in _FIELD_INITIALS


def _sector_list(unit: str) -> list[str] | None:
    if not (m := SECTORS_AFTER_KIND.match(unit)) or _field_key(m.group("names")) in _FIELD_KEYS:
        return None  # ("Bộ Văn hóa, Thể thao và Du lịch": one ministry whose name holds a comma)
    fields = _members(m.group("names"))
    if len(fields) < 2 or not all(_is_field(f) for f in fields) or \
            m.group("kind") == "Sở" and any(_field_key(f) == "congan" for f in fields):
        return None  # ("Sở Tư pháp, Công an": the police is no department, "Công an tỉnh" is meant)
    return [f"{m.group('kind')} {f}" for f in fields]


def _distribute(unit: str) -> list[str]:
    if fields := _sector_list(unit):
        return fields
    if two := BODY_AT_TWO_PLACES.match(unit):
        return [f"{two.group('body')} {two.group('a')}", f"{two.group('body')} {two.group('b')}"]
    if (named := NAMED_LOCALITIES.match(unit)) and "các" not in named.group("pre").split() and \
            not COUNTED_LEVEL.search(named.group("pre")):
        return [f"{named.group('pre')}{named.group('kind')} {name}" for name in _members(named.group("names"))]
    m = NAMED_MEMBERS.match(unit)
    if not m or not m.group("names")[0].isupper() or len(m.group("pre")) > 40 or \
            _cut(m.group("pre") + "x") != (m.group("pre") + "x").strip(" ,.-–"):
        return [unit]  # "Bộ Tài chính thực hiện …, phối hợp với các Bộ …": a sentence, not one list of names
    if re.search(rf"\s[Cc]ác\s+{_LEVEL}\b", m.group("names")):
        return [unit]  # "các phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố": one office at every level
    kind = m.group("kind")
    ministry = kind.lower() in ("bộ", "sở")
    out = []
    for name in _members(m.group("names")):
        # "các Bộ: Công an, Tư pháp": "Công an" is the ministry's field here, not a police unit of its own
        own_unit = UNIT_START.match(name) and not (ministry and re.fullmatch(r"Công\s*an", name)) and \
            not (not ministry and PLACE_NAME_AFTER.fullmatch(name))  # ("các xã Đoàn Kết, Hội Hợp": places)
        out.append(name if own_unit else f"{m.group('pre')}{kind[0].upper() + kind[1:] if ministry else kind} "
                                          f"{name}".strip())
    return out or [unit]


# Bodies named without their level, sharing the level of the last name of the list:
# "HĐND, UBND, Ủy ban MTTQ xã" → "HĐND xã", "UBND xã", "Ủy ban MTTQ xã"
BARE_BODY = re.compile(r"^(?:HĐND|UBND|UBMTTQ|MTTQ|Hội\s*đồng\s*nhân\s*dân|[ỦU][yỷ]\s*ban\s*nhân\s*dân|"
                       r"Đảng\s*[ủu][yỷ]|Công\s*an|Ban\s*Chỉ\s*huy\s*[Qq]uân\s*sự)$", re.U)
LEVEL_TAIL = re.compile(r"\s(?P<tail>(?:xã|phường|[Tt]hị\s*trấn|huyện|quận|[Tt]hị\s*xã|tỉnh|[Tt]hành\s*phố)"
                        r"(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)*)$", re.U)


_BODY = (r"(?:HĐND|UBND|UBMTTQ|MTTQ|Hội\s*đồng\s*nhân\s*dân|[ỦU][yỷ]\s*ban\s*nhân\s*dân|Đảng\s*[ủu][yỷ]|Công\s*an|"
         r"[ỦU][yỷ]\s*ban\s*(?:MTTQ|Mặt\s*trận\s*Tổ\s*quốc(?:\s*Việt\s*[Nn]am)?))")
BODY_THEN_LEVEL = re.compile(rf"^{_BODY}\s+(?P<tail>(?:các\s+)?(?:xã|phường|thị\s*trấn|huyện|quận|thị\s*xã|tỉnh|"
                             r"thành\s*phố)\b.*)$", re.U)


# "UBND huyện Đông Sơn và thành phố Thanh Hóa", "UBND TP Thủ Đức và các quận, huyện": one kind of body at two named
# places (or a named place and a group of levels), each its own unit (not "Ủy ban nhân dân thành phố và các huyện",
# whose first place has no name: the one body of a city and its districts, as written)
BODY_AT_TWO_PLACES = re.compile(rf"^(?P<body>{_BODY})\s+(?P<a>(?:{_LEVEL}|TP\.?)\s*[A-ZĐÀ-Ỹ][^,;]*?)\s+và\s+"
                                rf"(?P<b>(?:các\s+)?{_LEVEL}\b[^;]*)$", re.U)


# "UBND, ban an toàn giao thông các huyện, thị xã": a bare body and a lower-case unit sharing one level list
BODY_AND_UNIT = re.compile(r"^(?P<body>(?:HĐND|UBND|UBMTTQ|MTTQ|Đảng\s*[ủu][yỷ]|Công\s*an)),\s*"
                           r"(?P<unit>(?:ban|hội\s*đồng|phòng|đội|tổ)\s[^,]+?)\s+"
                           r"(?P<tail>các\s+(?:huyện|xã|phường|quận|tỉnh|thị\s*xã|thành\s*phố)\b.*)$", re.U)


# "UBND huyện, thành phố Cà Mau": the districts' bodies and the named city's body
BODY_TWO_LEVELS = re.compile(rf"^(?P<body>{_BODY})\s+(?P<l1>{_LEVEL}),\s*(?P<l2>{_LEVEL}\s+[A-ZĐÀ-Ỹ].*)$", re.U)


# "Công an, quân sự xã": a commune's police and military command sharing the level written once
POLICE_AND_MILITARY = re.compile(r"^(?P<a>Công\s*an|[Qq]uân\s*sự),\s*(?:và\s+)?(?P<b>[Qq]uân\s*sự|[Cc]ông\s*an)\s+"
                                 r"(?P<tail>(?:xã|phường|thị\s*trấn|huyện|quận|thị\s*xã)\b.*)$", re.U)


def _body_and_unit(unit: str) -> list[str]:
    if both := POLICE_AND_MILITARY.match(unit):
        return [f"{both.group('a')} {both.group('tail')}", f"{both.group('b')} {both.group('tail')}"]
    if two := BODY_TWO_LEVELS.match(unit):
        return [f"{two.group('body')} {two.group('l1')}", f"{two.group('body')} {two.group('l2')}"]
    m = BODY_AND_UNIT.match(unit)
    return [f"{m.group('body')} {m.group('tail')}", f"{m.group('unit')} {m.group('tail')}"] if m else [unit]


def _shared_level(units: list[str]) -> list[str]:
    units = [part for u in units for part in _body_and_unit(u)]
    if len(units) < 2 or not (tail := BODY_THEN_LEVEL.match(units[-1]) or LEVEL_TAIL.search(units[-1])):
        return units
    return [f"{u} {tail.group('tail')}" if BARE_BODY.match(u) else u for u in units]


# (or a group of its own after "và": "các Sở Nội vụ, Tài chính và các huyện, thị, thành phố")
OWN_UNIT_AFTER_MEMBERS = re.compile(r",\s*(?:và\s+)?(?=(?:UBND|HĐND|[ỦU][yỷ]\s*ban|Văn\s*phòng|Bộ\s*Chỉ\s*huy|"
                                    r"Công\s*an\s+(?:tỉnh|thành\s*phố|các)|Ban\s+[A-ZĐ])\b)|\s+và\s+(?=các\s)", re.U)


# forces named one by one after the word for them: "(3) lực lượng Công an, Quân sự, Biên phòng" are three units
_FORCE_NAME = r"[A-ZĐ][^\W\d_]*(?:\s+[^\W\d_]+)?"
NAMED_FORCES = re.compile(rf"^(?:[Cc]ác\s+|(?:ba|hai|bốn|\d)\s+)?[Ll]ực\s*lượng\s+(?P<names>{_FORCE_NAME}"
                          rf"(?:\s*,\s*(?:và\s+)?{_FORCE_NAME}|\s+và\s+{_FORCE_NAME})+)$", re.U)


def split_units(names: str) -> list[str]:
    if forces := NAMED_FORCES.match(names.strip(" ,.-–")):
        return [n.strip() for n in re.split(r"\s*,\s*(?:và\s+)?|\s+và\s+", forces.group("names")) if n.strip()]
    members = NAMED_MEMBERS.match(names)
    if members and not members.group("pre") and members.group("kind").lower() in ("bộ", "sở") and \
            members.group("names")[0].isupper():
        # "các Bộ: Công an, Tài chính, …": the members, before the commas are read as unit boundaries
        # ("các Sở: Y tế, Tư pháp, UBND các huyện, thành phố": the list of members ends where a unit of its own starts)
        own = OWN_UNIT_AFTER_MEMBERS.search(names)
        listed = names[:own.start()] if own else names
        rest = split_units(names[own.end():]) if own else []
        return [d for d in _distribute(listed.strip(" ,.-–")) if len(d) <= MAX_NAME] + rest
    # "Bộ Tư pháp (đối với thủ tục hành chính), Bộ Tài chính (đối với phí)": the scope notes are not names
    names = SCOPE_NOTE.sub(lambda m: "" if m.group(1)[:1].islower() else m.group(0), names)
    parts = _person_titles([q.strip(" ,.-–") for p in _split_list(names) for q in _after_named(p)])
    # (a department named by its sector in lower case, as news write it: "đề nghị sở y tế các tỉnh, thành phố, …")
    units = _shared_level([p for p in parts if p and (UNIT_START.match(p) or len(parts) > 1 and
                                                      (LEVEL_KIND_AFTER.match(p) or OWN_GROUP_IN_LIST.match(p) or
                                                       SECTOR_NAME.match(fold_same_length(" " + p))))
                           and len(p) <= MAX_NAME * 3])
    out = [d for u in units for d in _distribute(u) if _short_enough(d) and not DANGLING_END.search(d) and
           not FORWARD_POINTER.search(d) and not BARE_FORCE.fullmatch(d)]
    return _secretaries_of(out)


# "các Bí thư Tỉnh ủy, Thành ủy": the committee after the secretaries' is theirs too, no unit of its own
SECRETARIES = re.compile(r"^(?:[Cc]ác\s+)?Bí\s*thư\s", re.U)
BARE_COMMITTEE = re.compile(r"(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s*[ủu][yỷ]", re.U)


def _secretaries_of(units: list[str]) -> list[str]:
    out: list[str] = []
    for u in units:
        if out and SECRETARIES.match(out[-1]) and BARE_COMMITTEE.fullmatch(u):
            out[-1] = f"{out[-1]}, {u}"
        else:
            out.append(u)
    return out


# a board named by its full title runs long: "các đồng chí thành viên Ban Chỉ huy Phòng thủ dân sự - Phòng, chống
# thiên tai và Tìm kiếm cứu nạn tỉnh" (about 100 characters) is one unit
BOARD_TITLE = re.compile(r"\b(?:Ban\s*Chỉ\s*(?:huy|đạo)|Hội\s*đồng|Ban\s*Thường\s*vụ)\s+\S", re.U)
LONG_BOARD_NAME = 130


# a group named by a list of its kinds runs long too: "các tổ chức, cơ quan, đơn vị, doanh nghiệp, trường học, tổ dân
# phố và nhân dân trên địa bàn phường" (about 100 characters) is one group
KINDS_LISTED = 3


def _short_enough(name: str) -> bool:
    return len(name) <= MAX_NAME or len(name) <= LONG_BOARD_NAME and (
        BOARD_TITLE.search(name) is not None or PLURAL_OPENING.match(name) is not None and
        name.count(",") >= KINDS_LISTED)


# "đồng chí Trần Văn A, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh": the titles after a person's name are that person's
NAMED_PERSON = re.compile(r"^(?:[Đđ]ồng\s*chí|Đ/c|đ/c|Ông|Bà)\s+(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]*\s*){2,5}$", re.U)
PERSON_TITLE = re.compile(r"^(?:(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s*[ủu][yỷ]\s*viên|[ỦU][yỷ]\s*viên|Phó\s|Chủ\s*tịch|"
                          r"Bí\s*thư|Giám\s*đốc|Trưởng\s|Thứ\s*trưởng|Bộ\s*trưởng|Chánh\s|Tổng\s*[Gg]iám\s*đốc)", re.U)


def _person_titles(parts: list[str]) -> list[str]:
    out: list[str] = []
    for part in parts:
        if out and PERSON_TITLE.match(part) and (NAMED_PERSON.match(out[-1].split(",")[0])):
            if len(out[-1]) + len(part) + 2 <= MAX_NAME:
                out[-1] = f"{out[-1]}, {part}"
            continue  # (a title too many to keep in the name is still no unit of its own)
        out.append(part)
    return out


# "Các cơ quan, đơn vị sau đây chịu trách nhiệm …:": a pointer to the units named below, not a unit
FORWARD_POINTER = re.compile(r"\s(?:sau\s*đây|dưới\s*đây|nêu\s*dưới)$", re.U)


# ", cơ quan, đơn vị liên quan" after a named unit ("Sở Y tế, cơ quan, đơn vị liên quan") or after a group that
# is complete ("… có liên quan, cơ sở khám bệnh, chữa bệnh"): a group of its own, kept whole
_LOWER_GROUP = r"(?:cơ\s*quan|đơn\s*vị|tổ\s*chức|cơ\s*sở|doanh\s*nghiệp|địa\s*phương|chính\s*quyền)\b"
NAMED_UNIT = re.compile(rf"^(?:{_HEADS})\s+\S", re.U)


# "các phòng chuyên môn, đơn vị sự nghiệp", "cơ sở khám bệnh, chữa bệnh, doanh nghiệp": a group whose kind has its
# own words (two or more) after it is complete; the kind after the comma opens another group. (A bare kind is one
# of a list of kinds: "các cơ quan, đơn vị", "Các bộ, cơ quan ngang bộ", "các cấp ủy, tổ chức đảng" stay whole.)
QUALIFIED_GROUP = re.compile(rf"^(?:[Cc]ác\s+|[Nn]hững\s+)?(?:{_KINDS})(?:\s+(?:{_KINDS}))?"
                             rf"\s+(?!và\b|hoặc\b|(?:{_KINDS})\b)[^\W\d_]+\s+[^\W\d_]", re.U | re.I)
KIND_AFTER_COMMA = re.compile(rf",\s*(?:các\s+)?(?:{_KINDS})\b", re.U | re.I)
# "các cấp ủy đảng, cơ quan, đơn vị": bare kinds that end the name after the first (qualified) kind share its "các":
# one group, as "các sở, ban, ngành" is ("các phòng chuyên môn, đơn vị sự nghiệp": the second kind is qualified)
BARE_KINDS_TO_END = re.compile(rf"^(?:{_BARE_KIND}|tổ\s*chức|doanh\s*nghiệp)"
                               rf"(?:\s*(?:,|\svà\s)\s*(?:{_BARE_KIND}|tổ\s*chức|doanh\s*nghiệp))*\s*$", re.U)
PLURAL_OPENING = re.compile(r"^(?:[Cc]ác|[Nn]hững|[Mm]ọi)\s", re.U)


def _after_named(part: str) -> list[str]:
    out: list[str] = []
    start = 0
    for comma in re.finditer(rf",\s*(?={_LOWER_GROUP})", part):
        segment = part[start: comma.start()].strip()
        if KIND_LIST_BEFORE.search(segment):
            continue  # "Thanh tra các bộ, ngành, địa phương": one more kind of the group the unit serves
        if PLURAL_OPENING.match(segment) and BARE_KINDS_TO_END.match(part[comma.end():]):
            continue  # "các cấp ủy đảng, cơ quan, đơn vị": one group
        if PLURAL_OPENING.match(segment) and SHARED_OWNER_AFTER.match(part[comma.end():]):
            continue  # "các cơ quan chuyên môn, đơn vị sự nghiệp thuộc UBND tỉnh": both of the one owner
        if NAMED_UNIT.match(segment) and not re.search(rf"{_LOWER_GROUP}", segment[:1].lower() + segment[1:]) \
                or re.search(r"liên\s*quan$", segment) \
                or QUALIFIED_GROUP.match(segment) and not KIND_AFTER_COMMA.search(segment) \
                and not NAMED_UNIT.match(segment):  # "Sở Y tế, cơ quan …", "… có liên quan, cơ sở …"
            out.append(segment)
            start = comma.end()
    return out + [part[start:]]


SCOPE_NOTE = re.compile(r"\s*\(([^()]*)\)", re.U)
NOTE_IN_LIST = re.compile(r"\s*\(([^()]{2,120})\)(?=\s*,)", re.U)
# A name never ends on a joining word: "các đơn vị khai thác đầu tư, lắp đặt và" ran past its verb
# a group word cut short names nobody: "Lực lượng", "Các lực lượng" (the force of what: "lực lượng chức năng")
BARE_FORCE = re.compile(r"(?:[Cc]ác\s+|[Nn]hững\s+)?[Ll]ực\s*lượng", re.U)
DANGLING_END = re.compile(r"\s(?:và|hoặc|các|của|cho|với|đúng|theo|tại|những|mọi)$", re.U)


def _semicolon_list(fragment: str) -> list[str]:
    """"các sở, ngành; UBND các huyện; các Ban QLDA báo cáo …": bare names separated by ';' up to the verb."""
    names: list[str] = []
    for piece in re.split(r"\s*;\s*", fragment):
        if not UNIT_START.match(piece):
            return []
        if (members := _colon_members(piece)) and names:
            # "UBND các huyện; các sở: Xây dựng, Công Thương theo chức năng …": the last group names its members
            return names + [members]
        name = _cut(piece)
        if not name or len(name) > MAX_NAME and not (len(split_units(name)) > 1):
            return []  # (a piece may itself list several units: "Ban A kiêm Ban B, Thủ trưởng các phòng, ban; …")
        names.append(name)
        if len(name) < len(piece.strip(" ,.-–")):
            return names if len(names) > 1 else []  # the verb of the last name ends the list
    return []


# "Giao Giám đốc: Sở A, Sở B …", "đề nghị Thủ trưởng: …": a bare title, then the units whose heads are asked
BARE_TITLE_COLON = re.compile(r"^(?:[Gg]iám\s*đốc|[Tt]hủ\s*trưởng|[Cc]hủ\s*tịch|[Nn]gười\s*đứng\s*đầu)\s*:\s*"
                              rf"(?=(?:{_HEADS})\b|{_GROUP})", re.U)
# "đề nghị chính quyền UBND các xã …": the administration of a body is that body
ADMINISTRATION_OF = re.compile(r"^[Cc]hính\s*quyền\s+(?=UBND\b|[ỦU][yỷ]\s*ban\s*nhân\s*dân\b)", re.U)


# "đề nghị 18 Tổ dân phố …", "giao 02 xã Phước Hà, Nhị Hà …": how many units are asked, then who they are
# (a count before a kind of body refers back: "đề nghị 3 cơ quan nêu trên …" is no name)
COUNT_BEFORE_UNIT = re.compile(rf"^(?P<n>0?[1-9]\d{{0,2}})\s+(?=(?:{_HEADS})\b|lực\s*lượng\s+[A-ZĐ])", re.U)
# the units a group points back to: "4 bộ, ngành nêu trên", "các đơn vị này"
REFERRED_BACK = re.compile(r"^[^.;:]*?\b(?:nêu\s*trên|nói\s*trên|trên\s*đây|kể\s*trên|này)\b", re.U)
# a count before a plural kind in lower case, as "các" would be: "đề nghị 36 bộ, cơ quan trung ương và địa phương …",
# "đề nghị 21 quận, huyện và TP. Thủ Đức …" (the count stays with the group's name)
COUNT_BEFORE_KIND = re.compile(r"^(?P<n>0?[1-9]\d{0,2})\s+(?=(?:bộ|sở|ban|ngành|quận|huyện|xã|phường|tỉnh|đơn\s*vị|"
                               r"cơ\s*quan|địa\s*phương|đoàn|tổ|trường)\b)", re.U)

# a Party or steering board written in lower case after the verb that charges it: "… giao ban thường vụ các tỉnh
# ủy …", "yêu cầu ban chỉ đạo các xã …" (not "giao ban" the briefing: "họp giao ban tuần", "chế độ giao ban")
LOWER_BOARD = re.compile(r"ban\s+(?:thường\s*vụ|chấp\s*hành|chỉ\s*đạo|chỉ\s*huy|cán\s*sự|quản\s*lý|tuyên\s*giáo|"
                         r"dân\s*vận|nội\s*chính|kiểm\s*tra|tổ\s*chức|tiếp\s*công\s*dân)\b", re.U)


def _board_case(m: re.Match[str]) -> str:
    """"ban chấp hành" → "Ban Chấp hành": the board's name, not the verb "chấp hành" (comply) that ends a name."""
    words = m.group(0).split(maxsplit=1)
    return f"Ban {words[1][:1].upper()}{words[1][1:]}"


# the units singled out of a group named before them: "các bộ, ngành liên quan, nhất là Bộ Y tế và các địa phương rà
# soát …" — the group and each unit singled out lead; places singled out ("UBND các tỉnh ven biển – nhất là Thanh Hóa,
# Nghệ An – …") name no unit of their own: the group alone
PLACE_SINGLED = re.compile(r"(?:xã|phường|thị\s*trấn|huyện|quận|thị\s*xã|tỉnh|thành\s*phố|TP\.?)\s", re.U)
SINGLED_OUT = re.compile(r"\s*[,–-]\s*(?:nhất|đặc\s*biệt|trong\s*đó|trước\s*hết)\s+(?:là|có)\s+", re.U)


def _singled_out(fragment: str, stops: re.Pattern[str]) -> list[str] | None:
    m = SINGLED_OUT.search(fragment, 0, MAX_NAME * 2)
    if m is None:
        return None
    head = fragment[: m.start()].strip(" ,.-–")
    if not head or _cut(head, stops) != head or not (group := split_units(head)):
        return None  # ("các xã tăng cường kiểm tra, nhất là …": the work has begun)
    tail = fragment[m.end():]
    # (a place singled out is no unit of its own: "UBND các xã, nhất là xã Nghĩa Khánh …")
    return group + (_units_from(tail, stops) if UNIT_START.match(tail) and not PLACE_SINGLED.match(tail) else [])


# a head's title in lower case before a unit's capitalised name, as the press writes it: "yêu cầu giám đốc Công an các
# tỉnh …", "đề nghị chủ tịch UBND các huyện …" — read as the title that opens a name
LOWER_TITLE = re.compile(r"(?:giám\s*đốc|chủ\s*tịch|thủ\s*trưởng|bí\s*thư)(?=\s+(?:các\s+)?[A-ZĐ])", re.U)


def _units_from(fragment: str, stops: re.Pattern[str] = STOP_RE) -> list[str]:
    """The units a fragment opens with (`_units_read`), a head's title in lower case included (LOWER_TITLE: read as
    capitalised, given back as written)."""
    fragment = fragment.strip()
    if LOWER_TITLE.match(fragment) is None:
        return _units_read(fragment, stops)
    units = _units_read(fragment[:1].upper() + fragment[1:], stops)
    if units and units[0][:1] == fragment[:1].upper() and units[0][1:20] == fragment[1:20]:
        units[0] = fragment[:1] + units[0][1:]
    return units


def _units_read(fragment: str, stops: re.Pattern[str] = STOP_RE) -> list[str]:
    # "Công ty X (đơn vị quản lý công trình), chính quyền địa phương …": a note inside a list is not its end
    fragment = NOTE_IN_LIST.sub(lambda m: "" if m.group(1)[:1].islower() else m.group(0), fragment.strip())
    if count := COUNT_BEFORE_UNIT.match(fragment):  # (the count stays with the name: "18 Tổ dân phố")
        units = _units_from(fragment[count.end():], stops)
        if len(units) > 1 and NAMED_FORCES.match(_cut(fragment[count.end():], stops)):
            return units  # ("3 lực lượng Công an, Quân sự, Biên phòng": the count is of the forces named)
        return [f"{count.group('n')} {units[0]}", *units[1:]] if units else []
    if count := COUNT_BEFORE_KIND.match(fragment):
        if REFERRED_BACK.search(fragment[count.end():][:60]):
            return []  # "đề nghị 4 bộ, ngành nêu trên …": the units named above, for the caller to find
        units = _units_from(f"các {fragment[count.end():]}", stops)
        if units and units[0].startswith("các "):
            return [f"{count.group('n')} {units[0][4:]}", *units[1:]]
        return []
    fragment = ADMINISTRATION_OF.sub("", BARE_TITLE_COLON.sub("", fragment, count=1), count=1)
    if LOWER_BOARD.match(fragment):  # "giao ban thường vụ các tỉnh ủy …": the board, written in lower case
        # (and the boards listed with it: "ban thường vụ và ban chấp hành đảng bộ xã …")
        fragment = re.sub(rf"(?:^|(?<=,\s)|(?<=\svà\s)){LOWER_BOARD.pattern}", _board_case, fragment)
    if not UNIT_START.match(fragment):
        return []
    if (singled := _singled_out(fragment, stops)) is not None:
        return singled
    if ";" in fragment[:MAX_NAME * 3] and (listed_names := _semicolon_list(fragment)):
        return [u for name in listed_names for u in split_units(name)]
    if members := _colon_members(fragment, stops):
        return split_units(members)
    return split_units(_cut(fragment, stops))


def units_named(fragment: str) -> list[str]:
    """The units a fragment opens with, as a list split where each part is a unit ("các bộ, ngành liên quan, nhất
    là Bộ Y tế …" → the group and the unit singled out)."""
    return _units_from(fragment)


def _colon_members(fragment: str, stops: re.Pattern[str] = STOP_RE) -> str | None:
    """"UBND các xã: Đức Trọng, Hiệp Thạnh hoàn thành …": the colon opens the list of names; the group and its
    members, up to the verb."""
    listed = re.match(r"^(?P<head>[^:;.]{0,60}\b[Cc]ác\s+[^:;.]{1,25}):\s*(?P<rest>[A-ZĐÀ-Ỹ].*)$", fragment)
    if listed and _cut(listed.group("head")) == listed.group("head").strip(" ,.-–") and \
            NAMED_MEMBERS.match(f"{listed.group('head')}: {listed.group('rest')}"):
        return f"{listed.group('head')}: {_cut(listed.group('rest'), stops)}"
    return None


def _field_units(rx: re.Pattern[str], text: str) -> list[str]:
    out: list[str] = []
    for m in rx.finditer(text):
        value = NEXT_FIELD.split(m.group("u"))[0].strip(" .;")
        for part in re.split(r";\s*", value):
            out += [u for u in (split_units(part) or ([part] if UNIT_START.match(part) else [])) if u not in out]
    return out


# A person by honorific and name, with a title: "Ông Nguyễn Văn A - Trưởng đoàn", "Bà Lê Thị B, Thư ký",
# "đồng chí Trần Văn C (Phó Chủ tịch UBND huyện)"
HONORIFIC = re.compile(r"^(?P<h>Ông|Bà|[Đđ]ồng\s*chí|Đ/c|đ/c)\s*\.?\s+(?P<rest>\S.*)$", re.U)
TITLE_WORD = re.compile(r"^(?:Phó|Trưởng|Bí\s*thư|Thư\s*ký|Ủy\s*viên|Uỷ\s*viên|Thành\s*viên|Tổ\s*trưởng)\b", re.U)


def _person(text: str) -> str | None:
    """"Ông. Nguyễn Văn A - Trưởng đoàn: Phụ trách chung …" → "Ông Nguyễn Văn A - Trưởng đoàn"."""
    m = HONORIFIC.match(text.strip())
    if not m or UNIT_START.match(m.group("rest")) or TITLE_WORD.match(m.group("rest")):
        return None  # "Đồng chí Phó Chủ tịch UBND tỉnh": a title, read as a unit
    words: list[str] = []
    for w in m.group("rest").split():
        if len(words) == 5 or not w[:1].isupper() or not w.strip(",:;-–()").isalpha():
            break
        words.append(w)
        if not w.isalpha():  # "A," / "A:" ends the name
            break
    if len(words) < 2:
        return None
    name = " ".join(words).strip(",:;-–( ")
    after = m.group("rest")[len(" ".join(words)):].lstrip()
    title = ""
    if t := re.match(r"^[-–,(]?\s*(?P<t>[^:;()\n]{2,80})", after):
        title = t.group("t").strip(" ,.-–")
        if not (UNIT_START.match(title) or TITLE_WORD.match(title) or re.match(r"(?:Trưởng|Thư\s*ký)", title)):
            title = ""
    honorific = "Đồng chí" if m.group("h").lower().startswith(("đồng", "đ/c")) else m.group("h")
    return f"{honorific} {name}" + (f" - {title}" if title else "")


# What a unit described in a heading ("Đối với đơn vị được kiểm tra") may say of itself without a verb
DESCRIBED_BY = re.compile(r"^\s*(?:được|bị|có\s*liên\s*quan|liên\s*quan|thuộc|trực\s*thuộc|tham\s*gia|"
                          r"sử\s*dụng|hoạt\s*động|quản\s*lý)\b", re.U)


LEAD_IN_AS = re.compile(r"\snhư(?:\s*sau)?$", re.U)
# a time before the unit a heading names: "Trước ngày 01 tháng 6 hằng năm, Bộ Tài chính:", "Định kỳ hằng quý, UBND
# các huyện:"
HEADING_TIME = re.compile(r"^(?:[Tt]rong|[Tt]rước|[Ss]au|[Đđ]ến|[Tt]ừ|[Hh][ằà]ng|[Đđ]ịnh\s*kỳ|[Cc]hậm\s*nhất|[Cc]uối|"
                          r"[Đđ]ầu)\b[^,;:.]{0,40},\s*", re.U)


def heading_units(head: str) -> list[str]:
    """A heading that names who acts: "1. Sở Văn hóa và Thể thao", "Trách nhiệm của các sở, ngành:",
    "NHIỆM VỤ CHỦ YẾU CỦA BỘ TÀI CHÍNH", "Ông Nguyễn Văn A - Trưởng đoàn", "Giám đốc các Sở; Chủ tịch UBND
    các xã:"."""
    head = head.strip().rstrip(":").strip()
    head = re.sub(r"^Điều\s*\d+\s*[.:]\s*(?=Trách\s*nhiệm|Nhiệm\s*vụ)", "", head)  # "Điều 2. Trách nhiệm của …"
    if ":" not in head and (person := _person(head)):
        return [person]  # (with its work after a colon it is an item, not a heading: see find_leads_ranked)
    m = HEADING_OF.match(head)
    if m:
        head = m.group("u").strip()
        if head.isupper():
            head = unit_case(head)
    head = re.sub(r"^(?:Đề\s*nghị|Giao|Yêu\s*cầu)\s+", "", head)  # "4. Đề nghị Ban Tuyên giáo Thành ủy"
    if (when := HEADING_TIME.match(head)) and UNIT_START.match(head[when.end():]):
        head = head[when.end():]  # "Trước ngày 01 tháng 6 hằng năm, Bộ Kế hoạch và Đầu tư:": the unit, its time after
    if NAMED_MEMBERS.match(head) and len(members := _distribute(head.rstrip(". "))) > 1:
        return members  # "UBND các phường: Ba Đình, Hoàn Kiếm …"
    if ":" in head:
        head, work = (p.strip() for p in head.split(":", 1))
        if work and m:
            return []  # "Đối với đơn vị được kiểm tra: Chuẩn bị báo cáo …": an item, not a heading
    if ";" in head:  # "Giám đốc các Sở, Thủ trưởng các ban, ngành; Chủ tịch UBND các xã, phường"
        parts = [heading_units(p) for p in re.split(r"\s*;\s*", head) if p.strip()]
        return [u for p in parts for u in p] if parts and all(parts) else []
    if LEAD_IN_AS.search(head):
        return []  # "Chủ tịch UBND xã kết luận nội dung phiên họp như:": who speaks, then what was said
    if not UNIT_START.match(head) or len(head) > 2 * MAX_NAME or len(head) > MAX_NAME and not m and \
            not (_cut(head) == head and len(split_units(head)) > 1):  # ("Trách nhiệm của A và B")
        return []  # (a long list of named members was handled above; a heading may list several units)
    if (inner := re.match(r"^(?P<n>[^()]+?)\s*\([^()]{2,80}\)$", head)) and _cut(inner.group("n")) == inner.group("n"):
        return [head]  # "Sở Nội vụ (Ban Thi đua - Khen thưởng)": the unit and the office inside it that acts
    name = _cut(head)
    if len(name) < len(head) - 1:  # a verb follows: a sentence, not a name
        if not (m and DESCRIBED_BY.match(head[len(name):])):
            return []
        name = head  # "Đối với đơn vị được kiểm tra": the unit as the heading describes it
    return split_units(name)


# "Chủ tịch UBND tỉnh yêu cầu: …": who asks, not who acts
ASKING_VERB = re.compile(r"^(?:yêu\s*cầu|đề\s*nghị|giao|thông\s*báo|kết\s*luận)$", re.U)
# (after a word of tense or manner: "… đã yêu cầu:", "… cũng đề nghị:", "… vừa kết luận:")
# (a colon after it: whom it asks opens what follows; without one the asked units are read where they are named)
ASKS_AFTER_ADVERB = re.compile(r"\s*(?:(?:đã|cũng|vừa|còn|đều)\s+)+(?:yêu\s*cầu|đề\s*nghị|giao|kết\s*luận)\s*:", re.U)


def _clause_subject(text: str) -> tuple[list[str], bool]:
    """A unit at the start of a clause followed by what it must do: "Bộ Y tế chủ trì …",
    "Ủy ban nhân dân cấp tỉnh trình …"; and whether that clause opens the text."""
    clauses = re.split(r"(?<=[.;:])\s+|\n", text)
    at = 0
    for n, clause in enumerate(clauses):
        at = max(text.find(clause, at), 0)
        if text.count("(", 0, at) > text.count(")", 0, at):
            continue  # "… chè cổ thụ (tại khu vực X: Các xã …; xã Y …), đây là …": places inside a bracket, no doer
        regarding = bool(re.match(r"^(?:[-+•]\s*)?đối\s*với\s", clause.strip(), re.I))
        clause = re.sub(r"^(?:[-+•]\s*|đồng\s*thời,?\s*|trong\s*đó,?\s*|đối\s*với\s+(?=(?:các\s+)?\w))", "",
                        clause.strip(), flags=re.I)  # "Đối với các sở, ngành báo cáo …": the sở, ngành report
        if not UNIT_START.match(clause) and (after := _after_opening(clause)) is not None:
            clause = after  # "Định kỳ 6 tháng, hàng năm, Sở Công Thương tổ chức …"
        if (level := LEVEL_DOER.match(clause)) and (stop := _first_stop(" " + clause[level.end():].lstrip(" ,"))) and \
                stop.start() == 0 and not NOT_DOER_VERB.match(stop.group(0).strip()):
            return [level.group(0)], n == 0  # "Cấp xã hoàn thành …", "Đối với cấp cơ sở, tiến hành …"
        if not UNIT_START.match(clause):
            continue
        m = _first_stop(" " + clause)
        if m is None or m.group(0).strip().startswith("phối") or m.group(0).strip() in ":;(." or \
                ASKING_VERB.match(m.group(0).strip()) and not regarding:  # "Đối với X, Y đề nghị: …": X acts
            continue
        if ASKS_AFTER_ADVERB.match((" " + clause)[m.start():]):
            continue  # "Đồng chí Phó Chủ tịch UBND quận đã yêu cầu: Các đơn vị …": who asks, not who acts
        name = (" " + clause)[: m.start()].strip(" ,.-–")
        if regarding and ASKING_VERB.match(m.group(0).strip()) and "," in name and \
                re.match(rf"(?:{_HEADS}|đồng\s*chí|đ/c)\b", name.rsplit(",", 1)[1].strip()):
            name = name.rsplit(",", 1)[0]  # "các sở, ngành, đồng chí Bí thư đề nghị": the asker follows the comma
        units = split_units(name)
        if units:
            before = _listed_before(clauses[:n]) if name == clause.strip(" ,.-–")[: len(name)] else []
            return before + units, n == 0 or bool(before)
    return [], False


# a level of administration as the doer of the clause it opens (not a unit name: "cấp tỉnh" also ends a task's name)
LEVEL_DOER = re.compile(r"^[Cc]ấp\s+(?:xã|huyện|tỉnh|cơ\s*sở|thành\s*phố|quận|phường|trung\s*ương)\b(?=\s*,?\s)", re.U)


# a phrase of time before the subject: "Trong năm 2026,", "Trước ngày 15/6,", "Định kỳ hằng quý,"
OPENING_TAIL = re.compile(r"(?:^|\s)(?:[Tt]rong|[Tt]rước|[Ss]au|[Đđ]ến|[Tt]ừ|[Hh][ằà]ng|[Đđ]ịnh\s*kỳ|[Cc]hậm\s*nhất|"
                          r"[Cc]uối|[Đđ]ầu)\b[^,;.]{0,40},\s*$", re.U)


def _listed_before(clauses: list[str]) -> list[str]:
    """"Trong năm 2026, các bộ, ngành; các cấp chính quyền địa phương; các tập đoàn … hoàn thành …": the units of
    the clauses before the subject's, each a bare name ending in ';', back to the opening phrase."""
    out: list[str] = []
    for clause in reversed(clauses):
        if not clause.endswith(";"):
            break
        body = clause[:-1].strip()
        if UNIT_START.match(body) and _cut(body) == body.strip(" ,.-–") and (units := split_units(body)):
            out = units + out
            continue
        # the first of the list, after an opening phrase: "… Trong năm 2026, các bộ, ngành;"
        tail = re.search(rf"(?:^|,\s)(?P<u>(?:(?:{_HEADS})\b|{_GROUP})[^;]*)$", body)
        opening = tail and (not body[: tail.start("u")].strip() or OPENING_TAIL.search(body[: tail.start("u")]))
        if tail and opening and _cut(tail.group("u")) == tail.group("u").strip(" ,.-–") and \
                (units := split_units(tail.group("u"))):
            out = units + out
        break
    return out


STRONG, WEAK = 2, 1
# a unit that opens a text and the verb after it
ROLE_OPENING = re.compile(rf"(?:(?:{_HEADS})\b|{_GROUP})[^:;.\n]{{0,120}}?(?=\s(?:{_STOP})\b)", re.U)
# a lead-in that lists the units after its colon: "Các đơn vị gồm:", "Lực lượng tham gia bao gồm:"
LISTS_MEMBERS = re.compile(r"\s(?:bao\s*)?gồm(?:\s*có)?\s*$", re.U)
UNIT_COLON = re.compile(r"^(?P<u>(?:(?:Ông|Bà)\.\s*)?[^:;.\n]{3,90}(?:;[^:;.\n]{3,90}){0,3}):\s+\S")
# (and a purpose clause: "Để thúc đẩy kết nối giữa các bộ, ngành, thời gian tới, các bộ, ngành cần …")
# (and a stated aim: "Với mục tiêu đánh giá đúng thực trạng …, Công an các đơn vị, địa phương tiến hành rà soát …")
GROUNDS = re.compile(r"^(?:(?:Văn\s*bản|Công\s*văn|Công\s*điện|Chỉ\s*thị|Kế\s*hoạch|Thông\s*báo)\b[^,;:.]{0,80}?\s"
                     r"(?:nêu\s*rõ|nhấn\s*mạnh|chỉ\s*rõ|cho\s*biết)(?=\s*,)|Trên\s*cơ\s*sở|Căn\s*cứ|Với\s*sự\s*(?:phối\s*hợp|hỗ\s*trợ|tham\s*gia)|Để|Nhằm|"
                     r"Với\s*(?:mục\s*tiêu|mục\s*đích|quan\s*điểm|phương\s*châm|tinh\s*thần))\b", re.U)
OF_UNIT = re.compile(rf"\b(?:của|cho|với|tại|về|thuộc|giữa)\s+(?:(?:{_HEADS})\b|{_GROUP})[^,]*$", re.U)


# a group of units that directs those below it does that work itself: "…, các đơn vị, địa phương chỉ đạo các trường
# triển khai …" (not one body that directs in a report: "UBND tỉnh chỉ đạo các sở …" tells whom it asked)
GROUP_NAME = re.compile(rf"^(?:[Cc]ác|[Nn]hững|[Mm]ọi)\s|^(?:(?:{_HEADS})\b)[^,;]{{0,40}}?\scác\s", re.U)


def _group_directs(name: str, verb: str) -> bool:
    # (or asks them: "UBND các huyện, thị xã yêu cầu UBND các xã, phường thực hiện ngay …")
    return bool(re.match(r"(?:chỉ\s*đạo|yêu\s*cầu)\b", verb)) and bool(GROUP_NAME.match(name.strip()))


def _after_opening(clause: str) -> str | None:
    """The clause from its subject on, past an opening phrase: "Trên cơ sở Chỉ thị, Kế hoạch, các bộ, cơ quan
    ngang bộ … tổ chức …" → "các bộ, …"; "Trên cơ sở báo cáo của các đơn vị, địa phương, Sở Tài chính có nhiệm vụ
    …" → "Sở Tài chính …" (the units after "của" are whose reports, not who acts)."""
    if not GROUNDS.match(clause):
        opening = ADVERBIAL.match(clause)
        if opening is None:
            return None
        rest = clause[opening.end():]
        stop = _first_stop(" " + rest)
        if PAST_TIME.match(clause) and stop is not None and NOT_DOER_VERB.match(rest[stop.start():].strip()):
            return None  # "Ngày 21/5/2026, Chính phủ ban hành Nghị định …": what was done that day, no one's duty
        if clause[: opening.end()].rstrip().endswith(" thì") and stop is not None and \
                re.match(r"sẽ\b", rest[stop.start():].strip()):
            return None  # "Đơn vị nào không nộp thì Phòng Văn hóa sẽ không xét …": a consequence, no one's duty
        return rest
    of_list = False
    for comma in re.finditer(r",\s*", clause[:240]):
        before = clause[: comma.start()].rsplit(",", 1)[-1]
        of_list = bool(OF_UNIT.search(before)) or of_list and bool(UNIT_START.match(before.strip()))
        rest = clause[comma.end():]
        if not UNIT_START.match(rest):
            continue
        stop = _first_stop(" " + rest)
        if stop is None or NOT_DOER_VERB.match(rest[stop.start():].strip()) and \
                not _group_directs(rest[: stop.start()], rest[stop.start():].strip()):
            continue
        if of_list and "," in rest[: stop.start()]:
            continue  # "… của các đơn vị, địa phương, Sở Tài chính có nhiệm vụ": still the list after "của"
        return rest
    return None


# the plan a news copy retells, framing the duties it lists: "Theo kế hoạch, Sở Y tế có nhiệm vụ …"
PLAN_FRAME = r"Theo\s*kế\s*hoạch(?:\s+(?:này|trên|nói\s*trên))?"
# … and what the situation told before calls for: "Vì vậy, các đơn vị, cơ sở giáo dục quán triệt …"
THEREFORE = r"(?:Vì|Do)\s*(?:vậy|đó|thế)"
# a day or a part of it opening a report of what happened: "Ngày 21/5/2026, …", "Sáng 7/12, …"
PAST_TIME = re.compile(r"^(?:Ngày|Sáng|Chiều|Tối|Trưa|Hôm\s*nay|Năm|Tháng)\b", re.U)
# (and whoever leads above the doer: "Dưới sự chỉ đạo của cấp ủy, các đảng bộ trực thuộc tiến hành …")
ADVERBIAL = re.compile(r"^(?:(?:Trên\s*cơ\s*sở|Căn\s*cứ|Theo\s*(?:sự\s*)?chỉ\s*đạo\s*của|"
                       r"Dưới\s*sự\s*(?:lãnh\s*đạo|chỉ\s*đạo)(?:,?\s*(?:chỉ\s*đạo|điều\s*hành))?\s*(?:trực\s*tiếp\s*)?của)"
                       r"[^.;:]{0,120}?,\s*(?=(?:" + _HEADS + r")\b|" + _GROUP + r")|"
                       r"(?i:Theo\s*đó|" + PLAN_FRAME + r"(?=\s*,)|" + THEREFORE + r"(?=\s*,)|"
                       r"Định\s*kỳ|Hằng|Hàng|Trước|Sau|Trong|Khi|"
                       r"Đồng\s*thời|Ngoài\s*ra|Trường\s*hợp|"
                       r"Nếu|Từ|Đến|Chậm\s*nhất|Cuối|"
                       # a time that opens the sentence: "Năm 2026, …", "Sáng ngày 7/12, …", "Thời gian tới, …"
                       # (a condition ends at "thì" too: "Nếu hồ sơ đủ điều kiện thì Sở Y tế cấp …")
                       r"Năm|Tháng|Quý|Tuần|Ngày|Sáng|Chiều|Tối|Trưa|Đầu|Hôm\s*nay|Thời\s*gian\s*tới|Sắp\s*tới|"
                       # (a date written with dots inside it: "Từ nay đến trước ngày 30.3.2019, …")
                       r"Nhân\s*dịp|Dịp|Giai\s*đoạn)\b(?:[^.;:]|(?<=\d)\.(?=\d)){0,80}?(?:,\s*|\s+thì\s+)"
                       r"(?=(?:" + _HEADS + r")\b|" + _GROUP + r"))",
                       re.U)


# What may stand before "đề nghị X …" without making X the object of the work: a condition or a reason
# ("Trường hợp dự án được phê duyệt, đề nghị Chủ đầu tư …", "…, do vậy đề nghị Công ty …"; and a letter's closing,
# "Nhận được văn bản này, đề nghị các đơn vị …")
CONDITION_BEFORE = re.compile(r"^(?:Nhận\s*được|Trường\s*hợp|Nếu|Khi|Trong\s*(?:quá\s*trình|thời\s*gian)|Qua|Do|Vì|"
                              r"Từ\s*đó|Đối\s*với|Về|Riêng|Tuy\s*nhiên|Hiện\s*(?:nay|tại)|Đến\s*nay|Ngoài\s*ra|"
                              r"Bên\s*cạnh\s*đó|Cùng\s*với\s*đó|Đồng\s*thời)\b|^(?:Kính|Trân\s*trọng)$|"
                              r"\b(?:do\s*(?:vậy|đó)|vì\s*(?:vậy|thế)|theo\s*đó|nên)\s*,?$", re.U | re.I)

# a case that opens the sentence before any ask: "Trường hợp xảy ra sự cố, yêu cầu thủ trưởng các đơn vị báo cáo …"
CASE_BEFORE = re.compile(r"^(?:Trường\s*hợp|Nếu|Khi)\b[^,;:.]{3,160}$", re.U)


def _has_requester(before: str) -> bool:
    """Whether the words before "đề nghị"/"yêu cầu" name who asks: "Phối hợp với Bộ Tài chính rà soát, yêu cầu các
    doanh nghiệp …" names a partner ("với Bộ …"), not an asker: the request is part of the item's own work."""
    if PARTNERS_AFTER.match(re.sub(r"^[-+•]\s*", "", before)):
        return False  # the item opens with its own work, done with partners
    return bool(REQUESTER.search(before)) or _unit_issues(before)


# what may stand between the unit that asks and its "yêu cầu"/"đề nghị": "Chi cục X còn", "Trung tâm Y tế huyện
# vừa có công văn số 12/TTYT ngày 3/4", "Hạt Kiểm lâm đã ban hành văn bản"
_ISSUER_TAIL = re.compile(r"^(?:\s+(?:còn|cũng|đã|vừa|mới|tiếp\s*tục|đồng\s*thời))*"
                          r"(?:\s+(?:có|ban\s*hành|gửi)\s+(?:văn\s*bản|công\s*văn|công\s*điện|thông\s*báo|"
                          r"chỉ\s*thị|hướng\s*dẫn|kế\s*hoạch)\b[^,;:]{0,80})?\s*$", re.U)
_TRAILING_ADVERB = re.compile(r"(?:\s+(?:còn|cũng|đã|vừa|mới))+$", re.U)


def _unit_issues(before: str) -> bool:
    """The words before an ask are a unit, alone or with how it asked: "Chi cục Kiểm lâm vừa có công văn (yêu cầu
    …)", "Trung tâm Y tế huyện cũng (đề nghị …)" — whoever that unit asks does the work."""
    if not UNIT_START.match(before):
        return False
    name = _TRAILING_ADVERB.sub("", name_prefix(before))
    return bool(name) and _ISSUER_TAIL.match(before[len(name):]) is not None


# how a news copy names a letter it retells, shared by the patterns that read one: its kind; "khẩn", "hỏa tốc"; its
# number and date ("số 5995/BYT-DP", "(số 12/UBND-KT)", "ngày 5/8/2026"); the sending, southern "gởi" too
LETTER_KIND = r"(?:[Cc]ông\s*điện|[Cc]ông\s*văn|[Vv]ăn\s*bản|[Cc]hỉ\s*thị|[Tt]hông\s*báo)"
LETTER_URGENT = r"(?:\s+(?:khẩn|hỏa\s*tốc|hoả\s*tốc))?"
LETTER_NO_DATE = r"(?:\s+\(?số\s+[\w/.\-&]+\)?)?(?:\s+ngày\s+\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?)?"
SEND = r"g[ửở]i"

# a news copy that tells of a letter sent: "Cục Y tế dự phòng đã có Công văn khẩn gửi Sở Y tế các tỉnh tăng cường …",
# "X vừa có văn bản gửi lực lượng CSGT các tỉnh, đề nghị vận động …" — the units the letter goes to are asked, not the
# sender (not a letter that asks the sender's superiors for something: "… gửi Bộ Tài chính xin ý kiến", "… gửi Sở X
# báo cáo …"; nor one whose asked units are named after its ask: "… gửi UBND tỉnh đề nghị Sở Y tế …" — those lead)
SENT_TO = re.compile(r"^(?P<who>[^;:.]{2,300}?)"
                     r"(?:\s(?P<aux>(?:(?:đã|vừa|cũng|mới)\s+)+)|(?<=\))\s|\s(?=có\s|ban\s*hành\s))"
                     r"(?:có|ban\s*hành|ký|phát\s*đi)\s+"
                     rf"(?:[Cc]ông\s*văn|[Vv]ăn\s*bản|[Cc]ông\s*điện|[Hh]ướng\s*dẫn|[Đđ]iện\s*khẩn|[Cc]hỉ\s*thị)"
                     rf"{LETTER_URGENT}{LETTER_NO_DATE}"
                     # ("… ban hành chỉ thị đến các giám đốc sở y tế …": sent without the word "gửi")
                     rf"\s+(?:{SEND}\s+(?:(?:đến|tới|cho)\s+)?|(?:đến|tới)\s+)(?P<u>\S.*)", re.U | re.S)
SENT_WORK = re.compile(r"^\s*,?\s*(?!(?:về|để|nhằm|theo|thông\s*báo|báo\s*cáo|phản\s*ánh|trả\s*lời|xin|giới\s*thiệu|"
                       r"kèm|cùng|và|với|của|do|tại|trong)\b)[a-zđà-ỹ]", re.U)
SENT_ABOUT = re.compile(r"\s(?=(?:về|để|nhằm|theo|trong)(?:\s|$))", re.U)
# the places a group of addressees is named by: "Sở X các tỉnh, thành phố: Hà Nội, Thái Nguyên, Bắc Ninh đề nghị …"
_PLACE_NAME = r"[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*)*"
SENT_NAMED = re.compile(rf"^:\s*{_PLACE_NAME}(?:(?:\s*,\s*|\s+và\s+){_PLACE_NAME})+\s", re.U)
LOWER_FORCE = re.compile(r"^lực\s*lượng\s+[A-ZĐ]", re.U)


def sent_to(text: str) -> list[str]:
    """The units a letter told of goes to, when what follows them asks them for work (SENT_TO)."""
    m = SENT_TO.match(text)
    if m is None or not _unit_issues(m.group("who").split(",")[-1].strip()) and \
            not REQUESTER.search(m.group("who")):
        return []
    last = m.group("who").split(",")[-1].strip()  # ("Trước tình hình …, vừa qua, Bộ Y tế ban hành chỉ thị đến …")
    if m.group("aux") is None and not m.group("who").endswith(")") and _cut(last) != last:
        return []  # "Bộ X khẩn trương có văn bản gửi Bộ Y …": an ask of X, not a letter told of
    rest = m.group("u")
    name = SENT_ABOUT.split(_cut(rest), maxsplit=1)[0].strip(" ,")  # ("… các tỉnh về tăng cường …": its subject)
    units = _units_from(name) or ([name] if LOWER_FORCE.match(name) and len(name) <= MAX_NAME else [])
    after = rest[len(name):] if rest.startswith(name) else ""
    if units and len(units) == 1 and (places := SENT_NAMED.match(after)):
        listed = places.group(0).rstrip()
        while listed.split()[-1][:1].islower():  # (the range À-Ỹ holds small letters too: "… Bắc Ninh đề nghị")
            listed = listed[: listed.rfind(" ")]
        units, after = [name + listed], after[len(listed):]  # "… các tỉnh, thành phố: A, B, C"
    if not units or is_generic_reference(units) or not SENT_WORK.match(after):
        return []
    if (ask := ASK.match(after.lstrip(" ,"))) and (named := _units_from(ask.group("u"))):
        return named  # "… gửi UBND tỉnh đề nghị Sở Y tế …": the unit the ask names
    return units


def _issuer_asks(text: str) -> list[str]:
    """"Chi cục Kiểm lâm vừa có công văn yêu cầu các Hạt Kiểm lâm … tăng cường …": a news copy tells that a unit
    asked others; the units asked lead, not the unit that asked (it opens the text, but only to tell the ask)."""
    m = ASK.search(text)
    if m is None:
        return []
    before = text[: m.start()].strip(" ,")
    if not before or re.search(r"[.;:]", before) or not _unit_issues(before) or \
            _group_directs(name_prefix(before), m.group(0).strip(" ,;:.(")):
        return []  # (a group that asks those below it does that work itself: see _group_directs)
    units = _asked(text)
    return [] if not units or is_generic_reference(units) else units


def _asked(text: str) -> list[str]:
    for m in ASK.finditer(text):
        stop = max(text.rfind(". ", 0, m.start() + 1), text.rfind("; ", 0, m.start() + 1),
                   text.rfind(": ", 0, m.start() + 1))
        before = text[stop + 2 if stop >= 0 else 0: m.start()].strip(" ,")
        word = m.group(0).lstrip(" ,;:.(")
        proposes = word[:1] in "ĐđDd"  # "đề nghị", not "yêu cầu"/"ủy quyền"
        if before and (proposes and (word[:1].isupper() or CONDITION_BEFORE.search(before)) or
                       CASE_BEFORE.match(before)) and \
                (units := _units_from(m.group("u"))) and not is_generic_reference(units):
            return units  # "Về chi phí … Đề nghị Chủ đầu tư tổ chức …": a new sentence after a run-in heading
        if (listed := _listed_and_asked(before)) and (units := _units_from(m.group("u"))):
            return listed + units
        if before and not _has_requester(before) and not _connective_ask(text, stop, before):
            continue  # "…, yêu cầu các tổ chức không sử dụng …": the object of the work
        if not before and stop >= 0 and text[stop] == ";" and text[m.start():].lstrip(" ,;:.(")[:1].islower() and \
                not TOLD_DIRECTION.search(text[:stop]):
            continue  # "Rà soát …; yêu cầu các doanh nghiệp thực hiện …": part of the item's own work
            # (but after an account of what was directed — "Kiến nghị … đã được UBND tỉnh chỉ đạo UBND huyện A kiểm
            # tra …; yêu cầu UBND huyện A kịp thời giải quyết …" — the ask is the text's own)
        if (told := DIRECTED_ASKER.search(before)) and _cut(told.group("u")) == told.group("u").strip(" ,.-–") and \
                (units := split_units(told.group("u"))) and not is_generic_reference(units):
            return units  # "Chủ tịch chỉ đạo cho Trưởng Phòng X yêu cầu các trường …": X is told to ask, X leads
        units = _units_from(m.group("u"))
        if not units and (place := PLACE_ASKED.match(m.group("u"))):
            units = [place.group("p")]  # "yêu cầu tỉnh Đồng Nai hoàn thành …": the place's government is asked
        if units:
            return units + _asked_too(m.group("u"))
    return []


# a capital letter, Vietnamese ones included, as a regex class ("[A-ZĐÀ-Ỹ]" holds the small letters between À and Ỹ
# too: "ư", "ơ", "ạ" … — "tỉnh Quảng Nam ưu tiên …" would read "ưu" as a word of the name)
CAPITAL = "[" + "".join(c for c in map(chr, range(0x41, 0x1EFA))
                        if unicodedata.name(c, "").startswith("LATIN CAPITAL LETTER")) + "]"

# a place named by its level and its name, asked straight after the verb, its work after it
PLACE_ASKED = re.compile(r"(?P<p>(?:tỉnh|thành\s*phố|TP\.?|huyện|quận|thị\s*xã|xã|phường|thị\s*trấn)\s+"
                         rf"{CAPITAL}\w*(?:\s+{CAPITAL}\w*){{0,3}})(?=\s+[a-zđà-ỹ])", re.U)


# the one told to pass an ask on: "… chỉ đạo (cho) Trưởng Phòng Giáo dục yêu cầu lãnh đạo các trường …"
DIRECTED_ASKER = re.compile(r"(?:^|(?<![Bb]an)[\s,])chỉ\s*đạo(?:\s+cho)?\s+"
                            rf"(?P<u>(?:(?:{_HEADS})\b|{_GROUP})[^;:.]{{0,100}})$", re.U)


# an account of a direction given before: "… đã được UBND tỉnh chỉ đạo …", "UBND tỉnh đã giao …"
TOLD_DIRECTION = re.compile(r"\bđã\s+(?:được\s+[^;:.]{0,60}?\s)?(?:chỉ\s*đạo|giao|yêu\s*cầu)\s", re.U)


# A linking word alone before the ask: "Theo đó, yêu cầu …", "Ngoài ra, đề nghị …" opening a sentence carry on the
# document's own request; "…; đồng thời yêu cầu …" carries on the request of whoever the sentence named before it
CONNECTIVE = re.compile(r"^(?:[Tt]heo\s*đó|[Đđ]ồng\s*thời|[Nn]goài\s*ra|[Bb]ên\s*cạnh\s*đó|[Cc]ùng\s*với\s*đó|"
                        r"[Dd]o\s*(?:đó|vậy)|[Vv]ì\s*(?:vậy|thế)|[Tt]ừ\s*đó|[Qq]ua\s*đó|[Tt]rước\s*mắt|"
                        r"[Vv]ậy|[Nn]hư\s*vậy)$", re.U)  # ("Vậy đề nghị các hộ dân …": so the notice asks)


def _connective_ask(text: str, stop: int, before: str) -> bool:
    if not CONNECTIVE.match(before):
        return False
    if stop < 0:
        return before[:1].isupper()  # the text opens with it
    # (a later sentence or clause: someone named before it must have asked — not an item's own work, "Tổ chức kiểm
    # tra …. Đồng thời yêu cầu các đơn vị …", nor work with partners, "Phối hợp với các Sở …; đồng thời yêu cầu …")
    sentence_start = text.rfind(". ", 0, stop) if text[stop] != "." else -1
    return _has_requester(text[sentence_start + 2 if sentence_start >= 0 else 0: stop])


# "đề nghị Nhân dân và yêu cầu các sở, ngành … tiếp tục …": a second ask joined to the first, of the same work
# ("yêu cầu các sở, ngành, UBND các huyện và đề nghị các cơ quan Trung ương …": the first ask lists several)
# ("đề nghị các Đại sứ quán, các tỉnh, yêu cầu các sở, ngành …": the second ask after a comma)
ALSO_ASKS = re.compile(r"^[^;:.]{2,160}?(?:\s+và|,)\s+(?:yêu\s*cầu|đề\s*nghị)\s+(?=(?P<u>\S.*))", re.U)
JOINED_ASK = re.compile(r"(?:\s+và|,)\s+(?:yêu\s*cầu|đề\s*nghị)\s*$", re.U)


def _asked_too(after_ask: str) -> list[str]:
    also = ALSO_ASKS.match(after_ask)
    if also is None or _cut(after_ask) != JOINED_ASK.sub("", after_ask[: also.start("u")]).strip(" ,.-–"):
        return []
    return _units_from(also.group("u"))


def _listed_and_asked(before: str) -> list[str]:
    """"Thủ trưởng các phòng, Chủ tịch UBND các xã và đề nghị các cơ quan của tỉnh … thực hiện …" (under "… yêu
    cầu:"): the units listed before "và đề nghị" are asked the same work as those after it."""
    if not before.endswith(" và") or not UNIT_START.match(before):
        return []
    head = before[:-3].strip(" ,")
    return split_units(head) if _cut(head) == head else []


# A report of what the leadership directed ("Lãnh đạo UBND huyện chỉ đạo các ngành …"): the directed units act.
# (A named office holder charged to direct, "Chủ tịch UBND tỉnh chỉ đạo các sở …", is the lead: not matched.)
# a news copy reports a direction already given: "Chào mừng …, UBND tỉnh đã chỉ đạo các sở, ngành treo cờ …",
# "UBND huyện vừa có văn bản chỉ đạo UBND các xã …": the directed units do the work that follows (after any
# opening clauses: "Tại nơi kiểm tra, sau khi nghe báo cáo, đồng chí Bí thư đã chỉ đạo Trạm X …")
REPORTED_DIRECTION = re.compile(r"^(?:[^;:.]{0,240},\s*)?(?P<who>[^,;:.]{2,80}?)\s(?:đã|vừa|cũng)\s+"
                                r"(?:có\s*(?:văn\s*bản|công\s*văn)\s+)?chỉ\s*đạo\s+(?=(?P<u>.+))", re.U)
# the same, told in the passive of what was raised: "Kiến nghị … đã được UBND tỉnh chỉ đạo UBND huyện A kiểm tra …",
# "Một số vấn đề sẽ được Huyện ủy chỉ đạo các cơ quan chuyên môn giải quyết …"
PASSIVE_DIRECTION = re.compile(r"^(?:[^;:.]{0,240}?\s)?(?:đã\s+|sẽ\s+|cũng\s+)?được\s+(?P<who>[^,;:.]{2,80}?)\s+"
                               r"chỉ\s*đạo\s+(?=(?P<u>.+))", re.U)
# an item that opens with the act of directing: "Chỉ đạo UBND cấp xã …", "Tiếp tục chỉ đạo các đơn vị …" — its
# doer is whoever the heading or the addressee line names, the units after the verb are the ones directed
DIRECTS_OTHERS = re.compile(r"^(?:(?:Tiếp\s*tục|Tập\s*trung|Khẩn\s*trương|Thường\s*xuyên|Kịp\s*thời)\s+)?"
                            r"(?:[Cc]hỉ\s*đạo|[Ll]ãnh\s*đạo,\s*chỉ\s*đạo)(?:\s+(?:ngay|kịp\s*thời|quyết\s*liệt))?"
                            rf"(?:\s*,\s*(?:hướng\s*dẫn|đôn\s*đốc))*\s+(?=(?:{_HEADS})\b|{_GROUP})", re.U)
# (whoever asks another to direct is not the one who directs: "Đồng chí Chủ tịch HĐND huyện yêu cầu UBND huyện cần
# tập trung chỉ đạo các cơ quan …" — UBND huyện directs)
_ASKED_WORD = r"\b(?:yêu\s*cầu|đề\s*nghị|giao|cần|phải)\b"
# a named leader (or the chair who speaks) directs a unit in running prose: "…, ông Nguyễn Văn A – Phó Chủ tịch UBND
# huyện chỉ đạo Phòng Nông nghiệp … hướng dẫn …", "Chủ tịch UBND tỉnh chỉ đạo Sở Y tế …": the unit directed acts
# (not a group of office holders who direct others: "Chủ tịch UBND các xã chỉ đạo …")
# (a named person's titles listed after a dash: "Đồng chí Nguyễn Thị A – Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban MTTQ
# tỉnh, Trưởng đoàn ĐBQH tỉnh chỉ đạo các tổ chức … chủ động …")
PERSON_DIRECTS = re.compile(r"^(?:[^;:.]{0,240},\s*)?"
                            r"(?P<who>(?:[Ôô]ng|[Bb]à|[Đđ]ồng\s*chí|Đ/c)\s+[A-ZĐÀ-Ỹ]"
                            rf"(?:(?!{_ASKED_WORD})[^,;:.]){{0,100}}?|"
                            r"(?:[Ôô]ng|[Bb]à|[Đđ]ồng\s*chí|Đ/c)(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]*){2,5}\s*[-–]\s*"
                            rf"(?:(?!{_ASKED_WORD}|\bcác\b)[^;:.]){{2,240}}?|"
                            r"(?:Phó\s+)?(?:Chủ\s*tịch|Bí\s*thư|Thủ\s*tướng)"
                            rf"(?:\s(?:(?!{_ASKED_WORD}|\bcác\b)[^,;:.]){{0,80}}?)?)"
                            r"\s(?:trực\s*tiếp\s+)?chỉ\s*đạo\s+(?=(?P<u>.+))", re.U)
# the head of a named place, not a person who speaks: "Chủ tịch UBND tỉnh Phú Thọ chỉ đạo các sở …" in a letter from
# above asks that office holder to direct (the bare own level, "Chủ tịch UBND tỉnh chỉ đạo Sở Y tế …", reports)
PLACE_HOLDER = re.compile(r"^(?:Phó\s+)?(?:Chủ\s*tịch|Bí\s*thư)\s.*\b(?:tỉnh|thành\s*phố|huyện|quận|thị\s*xã|xã|phường|"
                          r"thị\s*trấn)\s+[A-ZĐÀ-Ỹ]", re.U)
LEADER_DIRECTS = re.compile(r"^(?P<who>Lãnh\s*đạo\s[^,;:.]{0,60}?)\s(?:cũng\s+)?chỉ\s*đạo\s+(?=(?P<u>.+))", re.U)
# the text's own authority (unnamed, or by its province: "Theo đó, UBND tỉnh Lạng Sơn chỉ đạo Sở X …") directs a unit
# after an opening frame: "Theo đó, UBND tỉnh chỉ đạo Công an tỉnh tăng cường …", "Ngoài ra, UBND tỉnh chỉ đạo Báo A,
# Đài B xây dựng …" — the units directed do the work (a group that directs those below it leads: "UBND các huyện chỉ
# đạo các xã …"; so does an authority asked to direct, "Yêu cầu UBND tỉnh chỉ đạo …", and a named place's head asked
# from above: see PLACE_HOLDER)
AUTHORITY_DIRECTS = re.compile(r"^[^;:.]{2,120},\s*(?P<who>(?:(?:Phó\s+)?Chủ\s*tịch\s+)?(?:UBND|Ủy\s*ban\s*nhân\s*dân|"
                               r"Uỷ\s*ban\s*nhân\s*dân)\s+(?:tỉnh|thành\s*phố|TP\.?)(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]*){0,3}|"
                               r"Thủ\s*tướng(?:\s*Chính\s*phủ)?|"
                               r"(?:Ban\s*Thường\s*vụ\s+|Thường\s*trực\s+)?Tỉnh\s*[ủu][yỷ])"
                               r"\s+(?:(?:cũng|đồng\s*thời|còn|tiếp\s*tục)\s+)?chỉ\s*đạo\s+(?=(?P<u>.+))", re.U)
ORDINAL_OPENING = re.compile(r"^(?:Thứ\s*(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|(?:Một|Hai|Ba|Bốn|Năm)\s*là)"
                             r"\s*[,:]\s*", re.U)
OBJECT_BEFORE = re.compile(r"\b(?:của|cho|với|tại|về|đối\s*với|thuộc|giữa)\s*$", re.I | re.U)


# a news copy quotes the direction: "“Sở A phối hợp với … tập trung chỉ đạo …”. Đó là chỉ đạo của UBND tỉnh …"
OPENING_QUOTE = re.compile(r"^\s*[“\"«‘']+\s*(?=(?:" + _HEADS + r")\b|" + _GROUP + r")", re.U)
# a news agency's tag before the first sentence: "(PLO)- Bảo hiểm xã hội Việt Nam đề nghị …", "(Chinhphu.vn) - …"
PRESS_TAG = re.compile(r"^\s*\([^()\n]{2,30}\)\s*[-–]\s*(?=[A-ZĐÀ-Ỹ])", re.U)
PRESS_TAG_AFTER = re.compile(r"(?<=\S)\s+\([^()\n]{2,30}\)\s*[-–]\s*(?=[A-ZĐÀ-Ỹ])", re.U)


# A person named in the narration: "đồng chí Phó Chủ tịch UBND huyện", "Trưởng ban Tuyên giáo Tỉnh ủy Nguyễn Văn A"
SPEAKER_HONORIFIC = re.compile(r"^(?:[Đđ]ồng\s*chí|Đ/c|đ/c|Ông|Bà)\s", re.U)
PERSON_NAME_END = re.compile(r"(?:^|\s)(?P<name>[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,3})$", re.U)
_SURNAMES = frozenset("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đào Lâm Mai Trịnh "
                      "Trương Lương Tạ Hà Tô Cao Chu Lại Đoàn Lưu Triệu Vương Châu Nông Lò Mạc Thân Phùng Đàm Lục "
                      "Nghiêm Tống Khổng Doãn Thạch Quan Vi Cầm Hầu Bế Diệp Lã Lữ Giáp Trình Tiêu Bạch Kiều "
                      "Quách".split())


CHARGES_PERSON = re.compile(r"^\W*(?:Giao|Phân\s*công|Đề\s*nghị|Yêu\s*cầu|Ủy\s*quyền|Uỷ\s*quyền)\b", re.I | re.U)


def is_speaker(units: list[str], text: str = "") -> bool:
    """Whether the one lead found is a person who speaks, concludes or inspects rather than a unit given work."""
    return _speaker(units, text)


def _speaker(units: list[str], text: str = "") -> bool:
    """Whether the one lead found is a person who speaks or inspects in a report, not a unit given work. With the
    text: also an office whose holder's name follows it there ("Phó Bí thư Tỉnh ủy Nguyễn Văn A yêu cầu …")."""
    if len(units) != 1:
        return False
    name = PERSON_NAME_END.search(units[0])
    words = name.group("name").split() if name else []
    # (the name after a place's: "Phó Chủ tịch UBND tỉnh Quảng Trị Phan Văn A" — a surname and two more words)
    if THE_PRIME_MINISTER.match(units[0]):
        return True  # the one office that speaks in every copy of its words: "Thủ tướng: Xử lý … Thủ tướng yêu cầu …"
    if SPEAKER_HONORIFIC.match(units[0]) or PERSON_TITLE.match(units[0]) and words and (
            words[0] in _SURNAMES or any(w in _SURNAMES for w in words[1:-2])):
        return True
    at = text.find(units[0]) if text and PERSON_TITLE.match(units[0]) else -1
    named = HOLDER_NAME_AFTER.match(text, at + len(units[0])) if at >= 0 else None
    return named is not None and named.group("name").split()[0] in _SURNAMES


# the Prime Minister (or a deputy) by the title alone, as a news copy names the speaker: no unit a notice gives work
THE_PRIME_MINISTER = re.compile(r"^(?:[Pp]hó\s+)?[Tt]hủ\s*tướng(?:\s+Chính\s*phủ)?$", re.U)
# the name of the office holder right after the office: "Chủ tịch UBND tỉnh Nguyễn Văn A"
HOLDER_NAME_AFTER = re.compile(r"\s+(?P<name>[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,3})\b", re.U)
# whom a speaker directs in a report: "…, đồng thời chỉ đạo các xã cần …", "… chỉ đạo cho Trưởng Phòng X …",
# "… chỉ đạo, trong thời gian từ ngày 1 - 31/10, các địa phương phải …" (not "Ban chỉ đạo", the steering board)
SPEAKER_DIRECTS = re.compile(r"(?:^|(?<![Bb]an)[\s,;])chỉ\s*đạo(?:\s+cho)?[\s,]+"
                             r"(?:(?:[Tt]rong|[Tt]ừ|[Đđ]ến|[Tt]rước|[Ss]au|[Nn]ăm|[Tt]háng|[Qq]uý|[Tt]hời\s*gian)\b"
                             r"[^;:.]{0,60}?,\s*)?(?=(?P<u>.+))", re.U)


# a photo's caption glued before the duty in a news copy: "Công an H.X phát hiện … - Ảnh: T.Q.Nam Trong đó, công an
# tỉnh cần …" — the caption tells what was done; the duty starts after the credit (its words up to the one opening
# the next sentence: a capitalised word before a lower-case one)
PHOTO_CREDIT = re.compile(r"(?:\s[-–]\s*|\(\s*)Ảnh\s*:\s*(?:[^\s()]+\s+){0,5}?(?=[A-ZĐÀ-Ỹ][^\s]*\s+[a-zà-ỹđ])", re.U)


# A scan's garbles of the words that make a unit's name, read as the words: "Mặt trận T, ô quốc" (Tổ quốc), "Đảng
# úy" (ủy), "các tô chức" (tổ chức), "sác Sở" (các), the verb after the name, "đây mạnh" (đẩy mạnh), where it ends
# the name, and "Trường họp xảy ra …" (hợp: a case, no school)
OCR_GARBLES = (
    (re.compile(r"(?<=Mặt\strận\s)T\s*[,.]?\s*[ôổ]\s*quốc\b|(?<=Mặt\strận\s)Tô\s+quốc\b", re.U), "Tổ quốc"),
    (re.compile(r"\b(?<=[Đđ]ảng\s)úy\b", re.U), "ủy"),
    (re.compile(r"\b([Tt])ô\s+chức\b", re.U), r"\1ổ chức"),
    (re.compile(r"\b([Đđ])ây\s+mạnh\b", re.U), r"\1ẩy mạnh"),
    (re.compile(r"\b([Tt])rường\s+họp(?=\s+(?:xảy|có|phát|cần|đặc|khẩn|này|đó|nào|vi\s*phạm|không)\b)", re.U),
     r"\1rường hợp"),
    (re.compile(r"\bsác(?=\s+(?:Sở|sở|Bộ|bộ|đơn\s*vị|cơ\s*quan|địa\s*phương)\b)", re.U), "các"),
)


def _read_garbles(text: str) -> str:
    for garble, word in OCR_GARBLES:
        text = garble.sub(word, text)
    return text


# a news headline glued before the body, which opens with an office holder who directs or asks: "Tỉnh X chủ động ứng
# phó hạn hán Chủ tịch UBND tỉnh X chỉ đạo các địa phương …" (the headline has no stop, no ask of its own; the word
# before the holder is no word that would make the holder its object: "đề nghị Chủ tịch …", "với Chủ tịch …")
GLUED_HEADLINE = re.compile(r"^(?P<head>(?:(?!yêu\s*cầu|đề\s*nghị|chỉ\s*đạo|\bgiao\b)[^.;:!?\n]){20,200}?[a-zà-ỹđ])"
                            r"(?<!Phó)(?<!\bvới)(?<!\bcủa)(?<!\bcho)(?<!\bvà)(?<!\bcùng)(?<!\btại)(?<!\bgửi)(?<!\bbáo)"
                            r"\s+(?=(?:Phó\s+)?(?:Chủ\s*tịch|Bí\s*thư|Thủ\s*tướng|Bộ\s*trưởng|Giám\s*đốc)\s"
                            r"[^,;:.]{0,80}?\s(?:chỉ\s*đạo|yêu\s*cầu|đề\s*nghị)\s)", re.U)


def find_leads_ranked(text: str) -> tuple[list[str], int]:
    """`_find_leads_ranked` of the text after a photo's caption, when the duty there names its units (a scan's
    garbled unit words read first: see OCR_GARBLES); and of the body after a glued headline, when the whole names
    nobody."""
    text = _read_garbles(text)
    if (caption := PHOTO_CREDIT.search(text)) and (after := _find_leads_ranked(text[caption.end():]))[0]:
        return after
    found = _find_leads_ranked(text)
    if not found[0] and (glued := GLUED_HEADLINE.match(text)) and (body := _find_leads_ranked(text[glued.end():]))[0]:
        return body
    if not found[0] and (tag := PRESS_TAG_AFTER.search(text)) and ASK.search(text[tag.end():tag.end() + 200]) and \
            (body := _find_leads_ranked(text[tag.end():]))[0]:
        # "Thay đổi chính sách … (PLO)- Bảo hiểm xã hội Việt Nam đề nghị các tỉnh …": the headline, then the body's ask
        return body
    if not found[0] and (passive := _asked_in_passive(text)):
        return passive, STRONG
    return found


# units asked in the passive, anywhere in a text that names no lead otherwise (a headline glued before them, say): "…
# Sở Y tế các địa phương và Sở An toàn thực phẩm được yêu cầu tăng cường thanh tra …"
PASSIVE_ASKED = re.compile(r"(?P<u>(?:[^;:.]|\.(?=\S)){3,160}?)\s+(?:cũng\s+|đã\s+)?được\s+(?:yêu\s*cầu|đề\s*nghị)\s+"
                           r"(?=[a-zđà-ỹ])", re.U)
# (not "được giao": "các cơ quan, đơn vị được giao quản lý tài sản" names the units by the work they hold)


def _asked_in_passive(text: str) -> list[str]:
    for start in UNIT_START.finditer(text):
        if start.start() > 0 and text[start.start() - 1].isalnum():
            continue
        m = PASSIVE_ASKED.match(text, start.start())
        if m is not None and _cut(name := m.group("u").strip(" ,")) == name and \
                (units := split_units(name)) and not is_generic_reference(units) and not _speaker(units):
            return units
    return []


def _find_leads_ranked(text: str) -> tuple[list[str], int]:
    """The lead units a text names and how sure; a person the narration names is no lead when the text goes on
    to tell whom that person asked ("Đồng chí Phó Chủ tịch UBND huyện đi kiểm tra … yêu cầu Phòng A …").
    A topic "Đối với X," read as the lead gives way to the doer the clause after it names: "Đối với các hộ bị cô
    lập, các xã cần …" → ["các xã"] (the units turned to stay when nothing else acts: "Đối với các xã, cần …")."""
    if (topic := DIRECTING_TOPIC.match(text)) and (units := _units_from(topic.group("u"))) and \
            _cut(topic.group("u").strip()) == topic.group("u").strip() and not is_generic_reference(units) and \
            not TOPIC_NOT_DIRECTING.match(topic.group("u")):
        return units, STRONG
    leads, strength = _leads_ranked(text)
    if (topic := TOPIC_CLAUSE.match(text)) and any(lead in text[:topic.end()] for lead in leads) and \
            (doer := _find_leads_ranked(text[topic.end():]))[0] and not _speaker(doer[0], text[topic.end():]):
        return doer
    if not _speaker(leads, text) or CHARGES_PERSON.match(text):
        return leads, strength  # ("Giao đồng chí Phó Chủ tịch … chỉ đạo …, yêu cầu …": the person charged leads)
    text = _without_page_breaks(text)
    # (a group by its kind too: "Phó Thủ tướng Trần Văn A … yêu cầu các địa phương giải quyết sớm …" — whether it
    # means the units above is the caller's to judge, as for any lead)
    if (asked := _asked(text)) and not _speaker(asked):
        return asked, STRONG
    for told in SPEAKER_DIRECTS.finditer(text):
        # "Đ/c Chủ tịch UBND huyện chia sẻ …, đồng thời chỉ đạo các xã, thị trấn cần tập trung …": the directed act
        # (a group by kind too: "… chỉ đạo, trong tháng 10, các địa phương phải …" — the speaker is no doer)
        if (units := _units_from(told.group("u"))) and not _speaker(units):
            return units, STRONG
    # "… đồng chí X phát biểu … Về nhiệm vụ năm tới, Mặt trận phường cần …": a unit with its duty further on
    for after in ROLE_AFTER.finditer(text):
        name = after.group("u").strip(" ,.-–")
        if after.start() > 0 and _cut(name) == name and not OBJECT_BEFORE.search(text[max(0, after.start() - 12):
                                                                                       after.start()]) and \
                (units := split_units(name)) and not _speaker(units) and not is_generic_reference(units):
            return units, STRONG
    # "Đồng chí Trưởng ban nhấn mạnh …. Các thôn nắm chắc số cử tri …": a later sentence opened by a unit and its work
    if len(sentences := re.split(r"(?<=[.!?])\s+", text, maxsplit=1)) > 1 and \
            (later := _clause_subject(sentences[1])[0]) and not _speaker(later) and not is_generic_reference(later):
        return later, WEAK
    return leads, strength


# an abbreviation in brackets inside a name ("Ban Chỉ huy PCTT và tìm kiếm cứu nạn (TKCN) các tỉnh", "Ủy ban nhân dân
# (UBND) huyện") is no end of the name: the bracket would cut it and lose the doer
# (not before an account of what the unit did: "Ban Chỉ đạo … (PCTT) vừa có văn bản gửi …" tells, asks nobody)
NAME_ABBREVIATION = re.compile(r"\s\([A-ZĐ][A-ZĐ&\-]{1,9}\)(?=\s+[a-zà-ỹđ])"
                               r"(?!\s+(?:vừa|đã|đang|sẽ|có|là|được|gửi|ban\s*hành|thông\s*báo)\b)", re.U)


# an office inside the unit, in brackets after its name: "Bộ Quốc phòng (Cục Bản đồ Tổng tham mưu) có trách nhiệm",
# "Sở Tài chính (Kho bạc Nhà nước) chủ trì": the unit acts through that office; the bracket is no end of the name
# (not before an account of what it did: "UBND tỉnh (Sở X) đã có văn bản …" tells, asks nobody)
OFFICE_INSIDE = re.compile(rf"\s\((?=(?:{_HEADS})\b)[^()]{{2,80}}\)(?=\s+[a-zà-ỹđ])"
                           r"(?!\s+(?:vừa|đã|đang|sẽ|là|được|gửi|ban\s*hành|thông\s*báo)\b)", re.U)


# teams a unit sets up for the work, counted: "Bộ Y tế đã quyết định thành lập 7 đoàn công tác đi kiểm tra …", "UBND
# thành phố sẽ thành lập 2 đoàn kiểm tra liên ngành có nhiệm vụ kiểm tra …" — the teams do it (not teams a unit is
# charged to set up: "Giao Sở Y tế thành lập 3 đoàn kiểm tra …", "… yêu cầu các huyện thành lập 2 tổ công tác …")
TEAMS = (r"(?:\d{1,3}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?:[Đđ]oàn|[Tt]ổ)"
         r"(?:\s+(?:công\s*tác|kiểm\s*tra|thanh\s*tra|giám\s*sát|khảo\s*sát|liên\s*ngành|chuyên\s*ngành|chuyên\s*đề))+")
TEAMS_SET_UP = re.compile(rf"^(?P<who>[^.;:]{{0,200}}?)\bthành\s*lập\s+(?P<u>{TEAMS})"
                          r"\s+(?=(?:có\s*nhiệm\s*vụ|để|đi|tiến\s*hành|làm\s*nhiệm\s*vụ|do|trực\s*tiếp|thực\s*hiện|"
                          r"kiểm\s*tra|thanh\s*tra|giám\s*sát)\b)", re.U)
TEAMS_CHARGED = re.compile(r"\b(?i:giao|đề\s*nghị|yêu\s*cầu|chỉ\s*đạo)\b", re.U)


# a news copy's phrase that frames the asks before the speaker makes them: "Giao nhiệm vụ cho các bộ ngành, Thủ tướng
# yêu cầu Bộ Giáo dục và Đào tạo …" — whom the speaker asks leads, not the frame's "các bộ ngành" nor the speaker
GIVING_OPENING = re.compile(r"^(?:Khi\s+)?[Gg]iao\s*nhiệm\s*vụ\s+(?:cho\s+)?[^.;:]{2,80}?,\s*"
                            r"(?=(?:Phó\s+)?(?:Thủ\s*tướng|Chủ\s*tịch|Bí\s*thư|Bộ\s*trưởng|Giám\s*đốc)\b[^,.;:]{0,60}?"
                            r"\s(?:yêu\s*cầu|đề\s*nghị|giao)\s)", re.U)


# a role, then the unit that holds it: "giao Cơ quan Thường trực là Tổng cục Quản lý thị trường theo dõi …" — the unit
# leads (not "giao Sở X là cơ quan thường trực …": the unit comes first there)
ROLE_NAMED = re.compile(r"\b(?:[Cc]ơ\s*quan|[Đđ]ơn\s*vị)\s+(?:[Tt]hường\s*trực|[Cc]hủ\s*trì|[Đđ]ầu\s*mối)\s+là\s+"
                        r"(?=[A-ZĐ])", re.U)


def _leads_ranked(text: str) -> tuple[list[str], int]:
    """The lead units a text names and how sure: STRONG ("Giao X", "X chủ trì", "Đơn vị chủ trì: X",
    a unit opening the text, "đề nghị X" said by a requester) or WEAK (a unit opening a later clause)."""
    text = NAME_ABBREVIATION.sub("", OPENING_QUOTE.sub("", PRESS_TAG.sub("", _without_page_breaks(text))))
    text = GIVING_OPENING.sub("", ROLE_NAMED.sub("", OFFICE_INSIDE.sub("", text)), count=1)
    fields = _field_units(FIELD_LEAD, text)
    if fields:
        return fields, STRONG
    named = UNIT_COLON.match(text)
    if named and LISTS_MEMBERS.search(named.group("u")) and \
            (members := _units_from(text[named.end("u") + 1:].strip())) and not is_generic_reference(members):
        return members, STRONG  # "Các đơn vị gồm: Sở A, Báo B … phối hợp …": the units listed, not the lead-in
    if named and (units := heading_units(named.group("u"))):
        rest = text[named.end("u") + 1:].strip()
        if HEADING_OF.match(named.group("u")) and (own := ROLE_OPENING.match(rest)) and \
                (doers := split_units(_cut(own.group(0)))) and not is_generic_reference(doers):
            return doers, STRONG  # "Đối với Đoàn kiểm tra: Các thành viên Đoàn thực hiện …"
        if is_generic_reference(units) and not NAMED_MEMBERS.match(text) and len(members := _units_from(rest)) > 1 \
                and not is_generic_reference(members):
            return members, STRONG  # "Các đơn vị: Sở Nội vụ, Sở Tài chính … thực hiện": the units listed
        listed = _units_from(re.sub(r"^(?:Giao|Đề\s*nghị|Yêu\s*cầu)\s+", "", text))
        # "Giao UBND các xã: Đức Trọng, Hiệp Thạnh …" lists names; "Công an tỉnh: Xây dựng …" names the doer
        return (listed if len(listed) > 1 else units), STRONG
    if DIRECTS_OTHERS.match(text):
        return [], 0  # "Chỉ đạo UBND cấp xã phối hợp …": the units named are directed; whoever directs is above
    if (teams := TEAMS_SET_UP.match(text)) and not TEAMS_CHARGED.search(teams.group("who")):
        return [teams.group("u")], STRONG  # "Bộ Y tế quyết định thành lập 7 đoàn công tác đi kiểm tra …": the teams
    if (reported := REPORTED_DIRECTION.match(text)) and REQUESTER.search(reported.group("who")) and \
            (units := _units_from(reported.group("u"))) and (not is_generic_reference(units) or _all_of_a_kind(units)):
        return units, STRONG  # "…, UBND tỉnh đã chỉ đạo các sở, ngành treo cờ …": a news copy reports the ask
        # (the kind alone, "… đã chỉ đạo các địa phương triển khai …", is whom it asked: no pointer back)
    if (passive := PASSIVE_DIRECTION.match(text)) and REQUESTER.search(passive.group("who")) and \
            (units := _units_from(passive.group("u"))) and not is_generic_reference(units):
        return units, STRONG  # "Kiến nghị của cử tri đã được UBND tỉnh chỉ đạo Sở X kiểm tra …": the unit directed
    if (directed := PERSON_DIRECTS.match(text)) and REQUESTER.search(directed.group("who")) and \
            not (PLACE_HOLDER.match(who := directed.group("who").strip()) and not _speaker([who], text)) and \
            (units := _units_from(directed.group("u"))) and not is_generic_reference(units):
        return units, STRONG  # "…, ông A – Phó Chủ tịch UBND huyện chỉ đạo Phòng X phối hợp … hướng dẫn …"
    if sent := sent_to(text):
        return sent, STRONG
    if issued := _issuer_asks(text):
        return issued, STRONG
    # "Thứ nhất, các cơ sở Đảng khẩn trương …": the opening subject with its role beats a "giao" far below
    opening = ROLE_AFTER.match(ORDINAL_OPENING.sub("", text, count=1))
    if opening and _cut(name := opening.group("u").strip(" ,.-–")) == name and (units := split_units(name)):
        return units, STRONG
    if (opener := _opening_doer(text)) is not None:
        return opener
    if (m := GIVE.search(text)) and (units := _units_from(m.group("u"))):
        if CONSENT.match(m.group(0).lstrip(" ,;:.(“\"«")) and (then := GIVE.search(text, m.start("u"))) and \
                not CONSENT.match(then.group(0).lstrip(" ,;:.(“\"«")) and (charged := _units_from(then.group("u"))):
            return charged, STRONG  # "đồng ý để X xây dựng Đề án, đồng thời giao Y thẩm định": Y is charged
        return units, STRONG
    while m and (m := CLAUSE_GIVE.search(text, m.start("u"))):
        if units := _units_from(m.group("u")):
            # "… vượt dự toán được Thủ tướng giao năm 2022, giao Bảo hiểm xã hội tổ chức …": the first "giao" named
            # nobody; the one that opens a later clause charges the unit
            return units, STRONG
    asked = _asked(text)
    if asked:
        return asked, STRONG
    if (directed := LEADER_DIRECTS.match(text)) and REQUESTER.search(directed.group("who")) and \
            (units := _units_from(directed.group("u"))) and not is_generic_reference(units):
        return units, STRONG  # "Lãnh đạo UBND huyện chỉ đạo các ngành chuyên môn vận động …": the directed act
    if (directed := AUTHORITY_DIRECTS.match(text)) and (units := _units_from(directed.group("u"))) and \
            not is_generic_reference(units):
        return units, STRONG  # "Theo đó, UBND tỉnh chỉ đạo Công an tỉnh tăng cường …": the unit directed
    for after in ROLE_AFTER.finditer(text):
        if OBJECT_BEFORE.search(text[max(0, after.start() - 12): after.start()]):
            break  # "… của các cơ sở phát thải phải thực hiện …": whose duty, not who acts
        if PARTNER_BEFORE.search(text[max(0, after.start() - 24): after.start()]):
            continue  # "Phối hợp Ban X khẩn trương …" under a heading: X is the partner, the heading's unit leads
        if (verb := DIRECTING_BEFORE.search(text[: after.start()])) and text[: verb.start()].strip(" -+•") and \
                not REPORTED_BEFORE.search(text[: verb.start()]):
            continue  # "X xác định …; đồng thời chỉ đạo Y chịu trách nhiệm …": Y is directed, X's work goes on
        name = after.group("u").strip(" ,.-–")
        if _cut(name) != name and (at := _last_named(name)):
            name = name[at:]  # "Sở A phối hợp, Sở B chủ trì …": the unit named last before the role
        if _cut(name) == name:  # nothing verb-like inside: a clean subject
            units = split_units(name)
            if units and (before := UNITS_BEFORE_SEMICOLON.match(text[: after.start()])) and \
                    _cut(first := before.group("u").strip()) == first and (listed := split_units(first)):
                units = [*listed, *units]  # "Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện có trách nhiệm …"
            if units:
                return units, STRONG
    if congress := _congress_holder(text):
        return congress
    subject, first = _clause_subject(text)
    if subject:
        return subject, STRONG if first else WEAK
    if partner_subject := _works_with_subject(text):
        return partner_subject, WEAK
    return [], 0


# the subjects before a ';' that the role's subject goes on from: "Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các
# huyện, thành phố có trách nhiệm …" (official writing lists the kinds of doer with ';')
UNITS_BEFORE_SEMICOLON = re.compile(rf"^\s*(?P<u>(?:(?:{_HEADS})\b|{_GROUP})[^:;.\n]{{2,160}}?)\s*;\s*$", re.U)
PARTNER_BEFORE = re.compile(rf"{_PHOI_HOP}\s*(?:{_MANNERS}\s+)?(?:với\s*)?$", re.U)
# "Đẩy mạnh truyền thông Bộ Y tế phối hợp với Ban Tuyên giáo …": a unit inside the text that works with partners
WORKS_WITH = re.compile(rf"(?:^|(?<=\s))(?=(?:(?:{_HEADS})\b|{_GROUP}))(?P<u>[^:;.\n]{{3,120}}?)\s+{_PHOI_HOP}\s*"
                        rf"(?:{_MANNERS}\s+)?với\s", re.U)


def after_opening(clause: str) -> str | None:
    """`_after_opening`, for the parser: the clause from its subject on, past an opening phrase, or None."""
    return _after_opening(clause)


def _works_with_subject(text: str) -> list[str]:
    if not UNIT_START.match(text) and (after := _after_opening(text)) is not None:
        text = after  # "Theo chỉ đạo của Chủ tịch UBND huyện, UBND các xã phối hợp với Công an huyện sơ tán …"
    for m in WORKS_WITH.finditer(text):
        name = m.group("u").strip(" ,.-–")
        if OBJECT_BEFORE.search(text[max(0, m.start() - 12): m.start()]) or \
                DIRECTED_BEFORE.search(text[max(0, m.start() - 20): m.start()]) or _cut(name) != name:
            continue  # "… của Sở A phối hợp …", "đề nghị Sở A phối hợp …": not the subject of the work
        if (units := split_units(name)) and not is_generic_reference(units):
            return units
    return []


# A Party congress schedule: "đại hội chi bộ trực thuộc đảng ủy cơ sở không quá 1 ngày, hoàn thành trong quý IV",
# "sẽ tiến hành đại hội các chi bộ trực thuộc Đảng bộ cơ sở": the bodies that hold the congress act
CONGRESS = re.compile(r"(?:^|(?<=[\s,;:]))(?:(?:sẽ\s+)?(?:tiến\s*hành|tổ\s*chức)\s+)?[Đđ]ại\s*hội\s+"
                      r"(?:(?:đảng\s*viên|đại\s*biểu)\s+(?:hoặc\s+[Đđ]ại\s*hội\s+(?:đại\s*biểu\s+)?)?)?"
                      r"(?=(?P<u>(?:các\s+)?(?:[Cc]hi\s*bộ|[Đđ]ảng\s*bộ)\b))", re.U)
CONGRESS_NAME_END = re.compile(r"\s(?:không\s*quá|nhiệm\s*kỳ|bắt\s*đầu|thời\s*gian|sẽ|điểm|xong|lần\s*thứ|trong|trước|"
                               r"hoàn\s*thành|vào|từ|để|và\s*(?:hoàn|tổ|tiến))\b|[,;:.(]", re.U)


def _congress_holder(text: str) -> tuple[list[str], int] | None:
    m = CONGRESS.search(text[:200])
    if m is None or (m.start() > 0 and text[:m.start()].strip(" ,;:") and
                     not re.search(r"(?:chỉ\s*đạo|dự\s*kiến|\d{4})\s*[,:;]?\s*(?:sẽ\s+)?$", text[:m.start()])):
        return None  # the congress must open the text or follow what schedules it
    rest = text[m.start("u"):]
    name = CONGRESS_NAME_END.split(rest, maxsplit=1)[0].strip()  # (not _cut: "chi" is a verb there)
    if not name or len(name) > MAX_NAME or re.search(r"\b(?:huyện|tỉnh|thành\s*phố|quận|thị\s*xã)$", name):
        return None  # the district's own congress is held by the issuing committee
    return [name], WEAK


# After a unit that opens a text, words that make it the one who asks, reports or is described, not the doer
NOT_DOER_VERB = re.compile(r"^(?:(?:đồng\s*thời|còn|tiếp\s*tục),?\s+(?:giao|đề\s*nghị|yêu\s*cầu|chỉ\s*đạo)|"
                           r"giao|đề\s*nghị|yêu\s*cầu|chỉ\s*đạo|[ủu][yỷ]\s*quyền|thống\s*nhất|thông\s*báo|"
                           r"đồng\s*ý|nhất\s*trí|chấp\s*thuận|kết\s*luận|"
                           r"đã|vừa|đang|cũng|sẽ\s*(?:được|bị|là|có\s*ý\s*kiến)|là|được|nhận\s*được|có\s*(?!trách\s*nhiệm|nhiệm\s*vụ)\w+|nhấn\s*mạnh|lưu\s*ý|chỉ\s*rõ|"
                           r"khẳng\s*định|biểu\s*dương|ghi\s*nhận|cho\s*biết|thừa|thay\s*mặt|về\s*việc|tại|với|cùng|và\s*các|"
                           r"khi|nếu|thì|sau\s*khi|phối\s*hợp|ban\s*hành|trình|cho\s*ý\s*kiến|đánh\s*giá\s*cao|"
                           r"hoan\s*nghênh|cảm\s*ơn|chúc\s*mừng|trân\s*trọng|"
                           # an event the unit held, told before what it decided there
                           r"tổ\s*chức\s*(?:hội\s*nghị|cuộc\s*họp|họp|buổi|lễ|phiên)|họp)(?=\W|$)|^[:;(.]", re.U | re.I)
# An item that opens by directing someone else: that someone is the object; the doer is above (the heading)
DIRECTS_OTHERS = re.compile(r"^(?:[-+•]\s*)?(?:Chỉ\s*đạo|Hướng\s*dẫn|Đôn\s*đốc)\s", re.U)


REQUIRES_PRIVATE = re.compile(
    r"^(?:[-+•]\s*)?(?:Yêu\s*cầu|Buộc)\s+(?=(?:các\s+)?(?:doanh\s*nghiệp|tổ\s*chức,?\s*cá\s*nhân|cá\s*nhân|"
    r"chủ\s*đầu\s*tư|nhà\s*thầu|hộ\s*gia\s*đình|chủ\s*(?:cơ\s*sở|dự\s*án|mỏ|rừng)|cơ\s*sở\s*(?:sản\s*xuất|kinh\s*doanh)|"
    r"đơn\s*vị\s*(?:hoạt\s*động|sản\s*xuất|kinh\s*doanh|khai\s*thác|thi\s*công|tư\s*vấn))\b)", re.U | re.I)
TOPIC_OPENING = re.compile(r"^(?:[-+•]\s*)?Về\s[^:;.]{3,200}:\s*(?=\S)", re.U)


def _opening_doer(text: str) -> tuple[list[str], int] | None:
    """"Sở Tài chính nghiên cứu …. Bộ Y tế khẩn trương …": the unit that opens the text with its own work is its
    lead, before any unit asked or named further on. "Chỉ đạo X …", "Hướng dẫn X …" opening an item name X as
    the object of the work (WEAK: a unit heading above wins)."""
    body = ORDINAL_OPENING.sub("", text.strip(), count=1)
    body = TOPIC_OPENING.sub("", body, count=1)  # "Về nội dung X: Bộ Tài chính nghiên cứu …"
    if (asked := REQUIRES_PRIVATE.match(body)) is not None:
        # "Yêu cầu các doanh nghiệp …" in an item: the lead makes businesses comply (WEAK: a unit heading wins)
        units = _units_from(body[asked.end():])
        return (units, WEAK) if units else None
    if DIRECTS_OTHERS.match(body):
        rest = DIRECTS_OTHERS.sub("", body, count=1)
        units = []
        if (role := ROLE_AFTER.match(rest)) and _cut(n := role.group("u").strip(" ,.-–")) == n:
            units = split_units(n)
        return (units, WEAK) if units else None
    if not UNIT_START.match(body):
        return None
    padded = " " + body
    stop = _first_stop(padded)
    if stop is None or NOT_DOER_VERB.match(padded[stop.start():].strip()) and \
            not _works_with_partners(padded[stop.start():].strip()) and \
            not _group_directs(padded[: stop.start()], padded[stop.start():].strip()):
        return None  # ("UBND các huyện chỉ đạo các xã khẩn trương …": a group that directs those below it leads)
    name = padded[: stop.start()].strip(" ,.-–")
    if len(name) > MAX_NAME or not (units := split_units(name)) or is_generic_reference(units):
        return None
    return units, STRONG


# "Bộ Y tế phối hợp với các bộ liên quan chỉ đạo …": the opening unit does the work with its partners
PARTNERS_AFTER = re.compile(rf"^{_PHOI_HOP}\s*(?:(?:{_MANNERS}\s+)?(?:cùng\s+)?với\s|(?=(?:{_HEADS})\b|{_GROUP})|"
                            r"(?=thực\s*hiện|triển\s*khai|tổ\s*chức|tham\s*gia|hướng\s*dẫn|kiểm\s*tra|theo\s*dõi|"
                            r"tuyên\s*truyền|xử\s*lý|giải\s*quyết|rà\s*soát|giám\s*sát|đôn\s*đốc|tham\s*mưu)\b)", re.U)
# "giao" that charges someone, not the word inside "giao dịch", "giao thông", "nhiệm vụ được giao", "bàn giao"
GIVE_WORD = (r"(?<!được\s)(?<![Bb]àn\s)(?<![Cc]huyển\s)\b[Gg]iao\s(?!(?:dịch|thông|lưu|tiếp|nhận|hàng|ban|thoa|hữu|"
             r"kết|diện|thừa|điểm|lộ|cắt|tranh|khoán|ước)\b)")
LEAD_CUE = re.compile(rf"(?<!và\s)(?<!,\s){_CHU_TRI}|{GIVE_WORD}|\b(?:{loose('đề nghị')}|[Yy]êu\s*cầu)\s", re.U)


def _works_with_partners(after_name: str) -> bool:
    """Whether what follows the opening unit is "phối hợp với Y" and the sentence names no lead of its own
    ("Sở A phối hợp với Sở B, giao Sở B chủ trì …" leaves the lead to the rest)."""
    sentence = re.split(r"[.;]\s", after_name, maxsplit=1)[0]
    return bool(PARTNERS_AFTER.match(after_name)) and not LEAD_CUE.search(sentence)


# "Điều 1. Ủy quyền cho Giám đốc Sở Công Thương thành lập …": whom a decision empowers
DELEGATE = re.compile(r"\bĐiều\s*1\s*[.:]\s*(?:[ỦU][yỷ]|Giao)\s*(?:quyền\s+)?cho\s+(?P<u>.+)", re.U)


def delegate(body: str) -> list[str]:
    """The unit or office holder a decision's first article empowers or charges: the doer of the duties
    listed after it that name nobody ("Người được ủy quyền phải …", "Báo cáo kết quả …")."""
    m = DELEGATE.search(body)
    return _units_from(m.group("u")) if m else []


def find_leads(text: str) -> list[str]:
    return find_leads_ranked(text)[0]


# "--- PAGE BREAK ---" of a text copy of a multi-page original, inside an item that runs on the next page
PAGE_BREAK = re.compile(r"(?:^|\s)-*\s*PAGE\s*BREAK\s*-*(?=\s|$)", re.U)


# "Các: Bộ: Tài chính, Công Thương …": a colon a scan put after "Các" before the kind and its list
STRAY_COLON = re.compile(r"\b([Cc]ác)\s*:\s*(?=(?:Bộ|Sở|bộ|sở)\s*:)", re.U)


# the places a group of provinces or districts is made of, in brackets after its name: "UBND các tỉnh miền núi phía
# Bắc (Hà Giang, Cao Bằng, Lào Cai), Bắc Trung bộ (Thanh Hóa, Nghệ An) và Tây Nguyên (…)" — three names or more, each
# capitalised; a bracket a copy left open ends before the lower-case verb ("(Lâm Đồng, Gia Lai, Kon Tum, chỉ đạo …")
_PLACE = r"[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*){0,3}"
PLACE_LIST = re.compile(rf"\s*\((?:\s*{_PLACE}\s*,){{2,}}\s*{_PLACE}\s*(?:\)|,(?=\s+[a-zđà-ỹ]))", re.U)
# what a letter "nêu rõ:" opens the asks it holds ("Nội dung công điện nêu rõ: UBND các tỉnh … chỉ đạo …", "Văn
# bản yêu cầu: …"): CONTENT_SAYS strips it from the front of a task, LETTER_SAYS finds it after a news copy's
# lead-in ("Theo đó, công điện nêu rõ: Theo dõi …; Duy trì …")
_LETTER_SAYS = (rf"(?:Nội\s*dung\s+)?{LETTER_KIND}(?:\s+(?:này|trên|nói\s*trên))?\s+"
                r"(?:nêu\s*rõ|chỉ\s*rõ|nhấn\s*mạnh|yêu\s*cầu|đề\s*nghị|chỉ\s*đạo)\s*:")
CONTENT_SAYS = re.compile(rf"^{_LETTER_SAYS}\s*", re.U)
LETTER_SAYS = re.compile(rf"^(?:[^.;:]{{0,80}}?,\s*)?{_LETTER_SAYS}\s+(?=\S)", re.U)


def _without_page_breaks(text: str) -> str:
    text = PAGE_BREAK.sub(" ", text).strip() if "BREAK" in text else text
    if "(" in text:
        text = PLACE_LIST.sub("", text)
    if ":" in text:
        text = CONTENT_SAYS.sub("", text, count=1)
    return STRAY_COLON.sub(r"\1 ", text) if ":" in text else text


# a city or province named alone as the partner: "phối hợp với TP.HCM", "phối hợp với Thành phố Hà Nội sớm …"
_PLACE_WORDS = r"[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*){0,3}"
PLACE_PARTNER = re.compile(rf"(?P<p>TP\.\s*HCM|TP\.?\s*{_PLACE_WORDS}|Thành\s*phố\s+{_PLACE_WORDS}|"
                           rf"[Tt]ỉnh\s+{_PLACE_WORDS})(?=\s+[a-zà-ỹđ]|\s*[,.;]|\s*$)", re.U)


def find_supports(text: str) -> list[str]:
    text = _without_page_breaks(text)
    out = _field_units(FIELD_SUPPORT, text)
    if out:
        return out
    # "…, đồng chí Bí thư đã chỉ đạo X phối hợp với Y …": a reported direction makes X the lead, Y its partner
    reported = (told := REPORTED_DIRECTION.match(text)) is not None and bool(REQUESTER.search(told.group("who")))
    for m in SUPPORT_RE.finditer(text):
        clause = re.split(r"[.;]\s", text[: m.start()])[-1]
        if (DIRECTING.match(clause.strip()) or DIRECTED_DOER_BEFORE.search(clause)) and \
                not (reported and len(re.split(r"[.;]\s", text[: m.start()])) == 1):
            continue  # "Tăng cường chỉ đạo X …, phối hợp với Y": Y works with X, whom the lead directs
        if _other_sentence(text, m.start()) or _next_duty(text, m.start()):
            continue  # ("X chủ trì, phối hợp với Y …. Chủ trì, phối hợp với Z …": Z works on the next duty)
        partners = _units_from(m.group("u"), SUPPORT_STOP_RE)
        if not partners and (place := PLACE_PARTNER.match(m.group("u"))):
            partners = [place.group("p")]  # "Bộ Y tế phối hợp với TP.HCM trong việc …": the city's government
        if len(partners) > 1 and (stop := _first_stop(" " + m.group("u"))) and \
                re.match(_CHU_TRI, stop.group(0).strip()):
            partners = partners[:-1]  # "Với sự phối hợp của Sở A, Sở B chủ trì …": Sở B leads
        out += [u for u in partners if u not in out]
    if not out:
        before = SUPPORT_BEFORE.search(text)
        start = before.start("u") + _last_named(before.group("u")) if before else 0
        if before and not DIRECTED_BEFORE.search(text[max(0, start - 20): start]) and \
                not (not text[:start].strip(" -+•") and _works_with_partners(text[before.end("u"):].strip())) and \
                not DIRECTED_DOER_BEFORE.search(re.split(r"[.;]\s", text[: before.end("u")])[-1]) and \
                not (_other_sentence(text, before.end(), own_subject_ok=True) and
                     len(re.split(r"[.;]", text[before.end():], maxsplit=1)[0].split()) > 3):
            named = text[start: before.end("u")]
            # ("X tăng cường công tác phối hợp …": X's own work, in which "phối hợp" is a noun; X works with nobody)
            out = split_units(_cut(named)) if _cut(named) == named.strip(" ,.-–") else []
    return out


def _last_named(fragment: str) -> int:
    """Where the unit named last before "phối hợp" starts: "Sở Y tế chủ trì, Sở Tài chính" → at "Sở Tài chính"."""
    stops = list(STOP_RE.finditer(" " + fragment))
    if stops:
        at = stops[-1].end() - 1
        at += len(fragment[at:]) - len(fragment[at:].lstrip(" ,.-–"))
        if UNIT_START.match(fragment[at:]):
            return at
        for comma in re.finditer(r",\s*", fragment[at:]):
            # (the clause after the last verb goes on before the unit: "Sau khi Thủ tướng phê duyệt … Quy hoạch … giai
            # đoạn 2006-2020, Bộ Giáo dục và Đào tạo chủ trì …" → the unit after the first comma that opens one)
            if UNIT_START.match(fragment[at + comma.end():]):
                return at + comma.end()
    return 0


# "…, hướng dẫn UBND cấp xã phối hợp các ngành …": the partners of the unit the lead guides
DIRECTED_DOER_BEFORE = re.compile(rf"(?:^|[\s,])(?:chỉ\s*đạo|hướng\s*dẫn|đôn\s*đốc)\s+(?:{_HEADS}|{_GROUP})"
                                  r"[^,;.:]{0,60}$", re.U)
DATED_BACKGROUND = re.compile(r"^(?:Ngày|Vào\s*ngày|Trước\s*đó,?)\s*\d{1,2}\s*[/.-]\s*\d{1,2}", re.U)
REQUEST_CUE = re.compile(r"\b(?:đề\s*nghị|yêu\s*cầu|giao)\b", re.I | re.U)


def _next_duty(text: str, at: int) -> bool:
    """Whether the "phối hợp" at `at` is in a later sentence that opens with the lead's role again: "… . Chủ trì,
    phối hợp với Y hướng dẫn …" (the lead's next duty, with partners of its own)."""
    start = max([0] + [b.end() for b in re.finditer(r"[.!?]\s+(?=[A-ZĐÀ-Ỹ])", text[:at])])
    # (only after a text that named its lead's role: "Chỉ đạo … . Chủ trì, phối hợp với Y …" is one duty)
    return start > 0 and re.match(r"(?:[-+•]\s*)?Chủ\s*trì\b", text[start:]) is not None and \
        LEAD_CUE.search(text[:start]) is not None


def _other_sentence(text: str, at: int, *, own_subject_ok: bool = False) -> bool:
    """Whether the "phối hợp" at `at` belongs to another assignment than the text's own: a later sentence
    with a subject of its own ("… . Sở A, Sở B phối hợp đơn vị tư vấn …"), or a dated background sentence
    before the request ("Ngày 08/4, Văn phòng … giao X phối hợp với Y …. Văn phòng đề nghị X khẩn trương …")."""
    starts = [0] + [b.end() for b in re.finditer(r"[.!?]\s+(?=[\"“]?[A-ZĐÀ-Ỹ])", text)]
    start = max(i for i in starts if i <= at)
    end = next((i for i in starts if i > at), len(text))
    sentence = text[start:end].lstrip("\"“ ")
    if start > 0 and (UNIT_START.match(sentence) or own_subject_ok) and \
            not re.match(r"(?:[Pp]hối\s*hợp|[Cc]ùng)", sentence):
        return True  # ("Sở B phối hợp." after "Giao Sở A chủ trì …": checked by the caller)
    return bool(DATED_BACKGROUND.match(sentence)) and bool(REQUEST_CUE.search(text[end:]))


DIRECTING = re.compile(r"(?:[-+•]\s*)?(?:(?:[Đđ]ồng\s*thời|[Tt]ăng\s*cường|[Tt]iếp\s*tục),?\s+)*"
                       rf"(?:[Cc]hỉ\s*đạo|[Hh]ướng\s*dẫn|[Đđ]ôn\s*đốc)\s+(?:{_HEADS}|{_GROUP}|lực\s*lượng)", re.U)
# (directing only: "X xác định …; đồng thời chỉ đạo Y chịu trách nhiệm …")
DIRECTING_BEFORE = re.compile(r"\b(?:chỉ\s*đạo|hướng\s*dẫn|đôn\s*đốc)\s*$", re.I | re.U)
# (not a report of what was directed: "X đã khẩn trương chỉ đạo Sở Y tế chủ trì …")
REPORTED_BEFORE = re.compile(r"\b(?:đã|vừa)(?:\s+\S+){0,2}\s*$", re.U)
# "Yêu cầu X phối hợp và tổ chức …", "Tăng cường chỉ đạo X phối hợp …": X is asked or directed, not a supporter
DIRECTED_BEFORE = re.compile(r"\b(?:yêu\s*cầu|đề\s*nghị|giao|chỉ\s*đạo|hướng\s*dẫn|đôn\s*đốc)\s*$", re.I | re.U)


# "quý Tổng cục", "đơn vị nêu trên", "các Sở": a pointer back to the addressees, not a name
GENERIC_REFERENCE = re.compile(
    r"^(?:quý\s+)?(?:các\s+)?(?:Tổng\s*cục|Cục|Sở|Bộ|Công\s*ty|đơn\s*vị|cơ\s*quan|địa\s*phương|Ban|UBND|Quý\s*cơ\s*quan)"
    r"(?:\s+(?:nêu\s*trên|trên|này|được\s*kiểm\s*tra|liên\s*quan))?$|"
    # (the kinds a check names its subjects by, only with the pointer: "các doanh nghiệp nêu trên", "nhà thầu trên")
    r"^(?:các\s+|những\s+)?(?:doanh\s*nghiệp|nhà\s*thầu|cơ\s*sở)\s+(?:nêu\s*trên|nói\s*trên|trên|được\s*kiểm\s*tra)$",
    re.I | re.U)


def _all_of_a_kind(units: list[str]) -> bool:
    """"các địa phương", "các đơn vị": every unit of a kind, with no pointer back ("nêu trên", "này")."""
    return all(re.fullmatch(r"các\s+(?:địa\s*phương|đơn\s*vị|cơ\s*quan|sở|Sở)", u.strip()) for u in units)


def is_generic_reference(units: list[str]) -> bool:
    return bool(units) and all(GENERIC_REFERENCE.match(u.strip()) for u in units)


_LEVEL_WORDS = ("tỉnh", "huyện", "xã", "phường", "quận", "thị xã", "thị trấn", "thành phố", "tp.")
_KEEP_CAPITAL = frozenset("đảng chính phủ quốc hội trung ương việt nam nhà nước".split())


def _keeps_capital(low: str, prev: str, nxt: str) -> bool:
    """The words of a proper name inside a unit's: "Đảng", "Chính phủ", "Bộ Chính trị", "Quốc hội", "Trung ương",
    "Việt Nam", "Nhà nước" — their first word only ("Sở Tài chính" names no "Chính phủ"; "xã hội" is no "Quốc
    hội")."""
    if low not in _KEEP_CAPITAL:
        return False
    return {"chính": nxt in ("phủ", "trị"), "phủ": False, "hội": False, "ương": False, "nước": False,
            "nam": prev == "việt", "quốc": nxt == "hội", "trung": nxt == "ương", "nhà": nxt == "nước"}.get(low, True)


def unit_case(name: str) -> str:
    """An upper-case unit name in ordinary case: acronyms stay, the unit's kind and the first word of its
    own name are capitalised, place names after "tỉnh", "huyện" … are capitalised."""
    words = name.split()
    out: list[str] = []
    proper = False  # inside a place name
    for i, w in enumerate(words):
        low = w.lower()
        prev = out[-1].lower() if out else ""
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if re.fullmatch(r"[A-ZĐ&]{2,6}", w) and not re.search(r"[AEIOUY]", w.replace("UBND", "")) or w in (
                "UBND", "HĐND", "MTTQ", "UBMTTQ", "TW", "BCH", "BTV"):
            out.append(w)
        elif i == 0 or proper or _keeps_capital(low, prev, nxt) or (
                prev in ("sở", "bộ", "ban", "phòng", "cục", "vụ", "tổng cục") and i == 1) or (
                # each field a department's name joins: "Sở Giáo dục và Đào tạo", "Sở Lao động - Thương binh và Xã
                # hội", "Bộ Văn hóa, Thể thao và Du lịch"; and "Công Thương", one field written as two words
                out[0].lower() in ("sở", "bộ", "phòng") and i >= 2 and (
                    prev in ("và", "-", "–") or prev.endswith(",") or (prev, low) == ("công", "thương") and i == 2)):
            out.append(low.capitalize())
        else:
            out.append(low)
        if low in ("tỉnh", "huyện", "xã", "phường", "quận", "trấn") and (low, nxt) != ("xã", "hội") or \
                (prev, low) in (("thành", "phố"), ("thị", "xã")):
            proper = True
        elif low in ("ủy", "uỷ") and prev in ("tỉnh", "huyện", "thành", "đảng", "thị"):
            proper = False
    text = " ".join(out)
    return re.sub(r"\b(Tỉnh|Huyện|Thành|Đảng|Thị) (Ủy|Uỷ|ủy|uỷ)\b",
                  lambda m: f"{m.group(1)} {m.group(2).lower()}", text)


# "… yêu cầu đơn vị nêu trên thực hiện …", "đề nghị 4 bộ, ngành nêu trên …": units the text listed earlier
BACK_REFERENCE = re.compile(r"(?:\b(?:các|những)\s+|\b\d+\s+)?\b(?:đơn\s*vị|doanh\s*nghiệp|công\s*ty|cơ\s*sở|"
                            r"nhà\s*thầu|bộ,\s*ngành|bộ|sở|cơ\s*quan|địa\s*phương)\s+(?:được\s+)?(?:nêu|nói)\s*trên\b",
                            re.I | re.U)
# the list they point back to: "… của các đơn vị: Công ty A (…); Tổng công ty B (…) cho thấy …",
# "4 bộ, ngành được nêu tên gồm: Bộ A, Bộ B, Ủy ban C."
LISTED_UNITS = re.compile(r"(?:\bgồm|\b(?:các|những)\s+(?:đơn\s*vị|doanh\s*nghiệp|công\s*ty|nhà\s*thầu|cơ\s*sở|bộ|sở|"
                          r"cơ\s*quan)"
                          r"[^:;.]{0,30}?)\s*:\s*(?P<l>[^:]+?)(?=\s+(?:cho\s*thấy|đã|đều|có)\s|\.(?:\s|$)|$)", re.U)


def units_referred_back(text: str) -> list[str]:
    """The units an earlier list named, when the text later points back at them ("đơn vị nêu trên")."""
    ref = BACK_REFERENCE.search(text)
    if ref is None:
        return []
    before, dropped = text[: ref.start()], 1
    while dropped:  # notes in brackets, nested ones too: "Công ty A (Gói thầu số 13: … (IC14) …)"
        before, dropped = re.subn(r"\s*\([^()]*\)", "", before)
    for m in reversed(list(LISTED_UNITS.finditer(before))):
        parts = [p.strip(" ,;.") for p in re.split(r";\s*|,\s*(?=[A-ZĐÀ-Ỹ])", m.group("l")) if p.strip(" ,;.")]
        names = [name_prefix(p) for p in parts if UNIT_START.match(p)]
        if len(parts) >= 2 and len(names) == len(parts) and all(names):
            return names
    return []



# An addressee line is a unit, a group, an office holder or a person. A scan's noise read after "Kính gửi" ("Kính
# gửi: DA ä .", with the real addressees in the dash list below) names none of them and is no lead.
# (the words as `fold` spells them: "Sở" -> "so", "Ủy ban" -> "uy ban", "Đồng chí" -> "dong chi")
_ADDRESSEE_WORDS = frozenset((
    # heads of units and bodies
    "so", "ban", "bo", "ubnd", "hdnd", "ubmttq", "mttq", "mttqvn", "uy", "hoi", "van", "phong", "vp", "cuc", "vu",
    "vien", "trung", "cong", "mat", "doan", "lien", "tinh", "thanh", "huyen", "quan", "thi", "xa", "phuong", "dang",
    "chi", "cap", "kho", "ngan", "dai", "bao", "toa", "tap", "truong", "benh", "tram", "don", "hat", "doi", "to",
    "nganh", "dia", "co", "ho", "hop", "thon", "ap", "buon", "khu", "lang", "nha", "tong", "bcd", "bql", "bch",
    # groups, office holders and persons
    "cac", "nhung", "moi", "toan", "quy", "ong", "ba", "anh", "dong", "chu", "giam", "lanh", "nguoi", "nhan", "can",
    "thuong", "thu", "bi", "pho", "hieu", "hoc", "gia", "doanh", "chinh", "hiep",
))
_GLUED_HEADS = ("bo", "so", "ubnd", "uyban", "cuc", "phong", "ban", "vanphong", "trungtam", "congan", "cac")


def names_addressee(line: str) -> bool:
    """Whether an addressee line after "Kính gửi" names anyone: one of its words opens a unit, a group, an
    office or a person ("Sở Tài chính", "Các Bộ, cơ quan ngang bộ", "Quý cơ quan", "Ông Nguyễn Văn A").
    A scan's noise ("DA ä", "ee ,") does not."""
    words = fold(line).split()
    # (a copy that glued the head to the name: "Kính gửi: BộGiáo dục và Đào tạo")
    return any(w in _ADDRESSEE_WORDS for w in words) or bool(words) and words[0].startswith(_GLUED_HEADS)
