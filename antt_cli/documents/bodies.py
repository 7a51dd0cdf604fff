"""The body of each kind's template, from the words of HD 163/HD-BCĐ §III.1 (what each
document must say) and the usual wording of published decisions, plans and minutes.

An item is a string with a marker — `# ` heading, `## ` centred bold, `@ Điều 1.|text`
article, `~ ` italic, `{%p … %}` a docxtpl paragraph tag, anything else a body paragraph —
or a dict describing a table (see builder.data_table). `SUMMARY` and `NOTE` mark where the
record's free-text `summary` and `note` go. Jinja variables: see context.document_context.
"""
from __future__ import annotations

SUMMARY = "SUMMARY"
NOTE = "NOTE"


def with_free_text(items: list) -> list:
    """Replace the SUMMARY / NOTE markers by their conditional paragraphs (summary after the
    opening paragraph, note before the closing one when a body does not place them)."""
    if SUMMARY not in items:
        items = items[:1] + [SUMMARY] + items[1:]
    if NOTE not in items:
        items = items[:-1] + [NOTE] + items[-1:]
    out: list = []
    for item in items:
        if item == SUMMARY:
            out += ["{%p if summary %}", "{{ summary }}", "{%p endif %}"]
        elif item == NOTE:
            out += ["{%p if note %}", "~ {{ note }}", "{%p endif %}"]
        else:
            out.append(item)
    return out


MEMBERS_TABLE = {
    "loop": "m in members",
    "columns": ["TT", "Họ và tên", "Chức vụ, nhiệm vụ", "Đơn vị, địa chỉ"],
    "cells": ["{{ m.index }}", "{{ m.name }}", "{{ m.role }}", "{{ m.unit }}"],
    "widths": [1.2, 5.0, 4.8, 5.5],
    "if": "members",
}
TARGETS_TABLE = {
    "loop": "t in targets",
    "columns": ["TT", "Chỉ tiêu", "Mức phấn đấu"],
    "cells": ["{{ t.index }}", "{{ t.text }}", "{{ t.planned }}"],
    "widths": [1.2, 10.8, 4.5],
    "align": ["center", "left", "center"],
    "if": "targets",
}
RESULTS_TABLE = {
    "loop": "t in targets",
    "columns": ["TT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Đánh giá"],
    "cells": ["{{ t.index }}", "{{ t.text }}", "{{ t.planned }}", "{{ t.achieved }}", "{{ t.result }}"],
    "widths": [1.2, 7.3, 3.0, 2.5, 2.5],
    "align": ["center", "left", "center", "center", "center"],
    "if": "targets",
}
ATTACHMENTS_TABLE = {
    "loop": "a in attachments",
    "columns": ["TT", "Tên tài liệu, tệp đính kèm", "Ghi chú"],
    "cells": ["{{ a.index }}", "{{ a.name }}", "{{ a.note }}"],
    "widths": [1.2, 11.3, 4.0],
    "align": ["center", "left", "left"],
}
LEDGER_TABLE = {
    "loop": "e in ledger_rows",
    "columns": ["TT", "Ngày", "Nội dung thu, chi", "Thu (đồng)", "Chi (đồng)", "Tồn (đồng)"],
    "cells": ["{{ e.index }}", "{{ e.date }}", "{{ e.text }}", "{{ e.income }}", "{{ e.expense }}",
              "{{ e.balance }}"],
    "widths": [1.0, 2.3, 5.5, 2.6, 2.5, 2.6],
    "align": ["center", "center", "left", "right", "right", "right"],
}

# Closing article of the chairman's decisions.
EXECUTION = ("@ Điều 3.|Quyết định này có hiệu lực kể từ ngày ký. Thủ trưởng các cơ quan, đơn vị có "
             "liên quan, {{ proposer_head }}, {{ execution_extra }} chịu trách nhiệm thi hành "
             "Quyết định này./.")

LINKED_UNITS = ("{%p if linked %}",
                "Mô hình liên kết gồm các đơn vị thành viên: {{ member_units_text }}; đơn vị "
                "Trưởng mô hình: {{ lead_unit }}{% if rotation_text %}, luân phiên làm Trưởng mô "
                "hình theo thứ tự: {{ rotation_text }}{% endif %}.",
                "{%p endif %}")

MEETING_OPENING = [
    "Hôm nay, vào hồi {{ meeting.start }}, tại {{ meeting.location }}, {{ meeting_opening }}.",
    "# I. THÀNH PHẦN THAM DỰ",
    "- Chủ trì: {{ chair_text }}.",
    "- Thư ký: {{ secretary_text }}.",
    "- Thành phần: {{ meeting.attendees }}.",
]
MEETING_CLOSING = ("{{ meeting_closing }} vào hồi {{ meeting.end }} cùng ngày. Biên bản đã được "
                   "đọc lại cho những người tham dự cùng nghe, nhất trí thông qua và được lập "
                   "thành 03 bản có giá trị như nhau./.")

BODIES: dict[str, dict] = {
    # ------------------------------------------------------------ Bước 1
    "survey-plan": {
        "approval": True,
        "body": [
            "Thực hiện {{ guideline_ref }}; {{ issuer }} xây dựng Kế hoạch khảo sát, đánh giá tình "
            "hình {{ area }} phục vụ xây dựng mô hình {{ name_q }}, cụ thể như sau:",
            SUMMARY,
            "# I. MỤC ĐÍCH, YÊU CẦU",
            "1. Nắm chắc tình hình địa bàn, lĩnh vực dự kiến xây dựng mô hình; làm cơ sở xác định "
            "sự cần thiết phải xây dựng mô hình, mục tiêu cần đạt được, lựa chọn và đặt tên cho mô "
            "hình để báo cáo, đề xuất cấp ủy, chính quyền xem xét, quyết định.",
            "2. Việc khảo sát bảo đảm khách quan, toàn diện, sát thực tế; giữ bí mật theo quy định; "
            "không gây phiền hà cho Nhân dân; kết quả được tổng hợp, báo cáo đúng thời gian.",
            "# II. NỘI DUNG KHẢO SÁT, ĐÁNH GIÁ",
            "1. Tình hình chung có liên quan: vị trí địa lý, dân cư, tình hình kinh tế - xã hội "
            "của {{ area }}{{ field_clause }}.",
            "2. Tình hình an ninh, trật tự: tội phạm, tệ nạn xã hội, vi phạm pháp luật, các vụ "
            "việc phức tạp và những địa bàn, lĩnh vực trọng điểm.",
            "3. Tình hình Nhân dân: tư tưởng, tâm trạng, đời sống, nhận thức và ý thức chấp hành "
            "pháp luật, nguyện vọng của Nhân dân.",
            "4. Tình hình hoạt động của hệ thống chính trị: cấp ủy, chính quyền, Mặt trận Tổ quốc "
            "và các đoàn thể, lực lượng bảo vệ an ninh, trật tự ở cơ sở.",
            "5. Tình hình thực hiện Phong trào Toàn dân bảo vệ an ninh Tổ quốc; các mô hình đang "
            "hoạt động trên địa bàn.",
            "6. Những sơ hở, thiếu sót trong thực hiện chủ trương, đường lối, chính sách mà các "
            "thế lực thù địch và tội phạm có thể lợi dụng.",
            "# III. PHƯƠNG PHÁP, THỜI GIAN, LỰC LƯỢNG",
            "1. Phương pháp: nghiên cứu hồ sơ, số liệu thống kê; làm việc với cấp ủy, chính quyền, "
            "Mặt trận Tổ quốc, các đoàn thể; gặp gỡ, trao đổi với Nhân dân, cán bộ, công nhân viên.",
            "2. Thời gian: {{ time_text }}.",
            "3. Lực lượng: {{ forces_text }}.",
            "# IV. TỔ CHỨC THỰC HIỆN",
            "{{ issuer }} chủ trì, phân công cán bộ thực hiện khảo sát theo Kế hoạch; tổng hợp kết "
            "quả, xây dựng Báo cáo kết quả khảo sát, đánh giá tình hình và báo cáo, đề xuất xây "
            "dựng mô hình với {{ addressees }}.",
            NOTE,
            "Quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời báo cáo để được chỉ đạo, "
            "hướng dẫn./.",
        ],
    },
    "survey-report": {
        "body": [
            "Thực hiện {{ refs.survey_plan }}{% if plan_approved_by %} đã được {{ plan_approved_by }} "
            "phê duyệt{% endif %}, {{ issuer }} đã tiến hành khảo sát, đánh giá tình hình "
            "{{ area }}{{ field_clause }}. Kết quả như sau:",
            SUMMARY,
            "# I. TÌNH HÌNH CHUNG CÓ LIÊN QUAN",
            "{{ sections.general }}",
            "# II. TÌNH HÌNH AN NINH, TRẬT TỰ",
            "{{ sections.security }}",
            "# III. TÌNH HÌNH NHÂN DÂN",
            "{{ sections.people }}",
            "# IV. TÌNH HÌNH HOẠT ĐỘNG CỦA HỆ THỐNG CHÍNH TRỊ",
            "{{ sections.political }}",
            "# V. TÌNH HÌNH THỰC HIỆN PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC",
            "{{ sections.movement }}",
            "# VI. NHỮNG SƠ HỞ, THIẾU SÓT MÀ CÁC THẾ LỰC THÙ ĐỊCH VÀ TỘI PHẠM CÓ THỂ LỢI DỤNG",
            "{{ sections.loopholes }}",
            "# VII. ĐÁNH GIÁ CHUNG VÀ ĐỀ XUẤT",
            "{{ sections.conclusion }}",
            NOTE,
            "Trên đây là báo cáo kết quả khảo sát, đánh giá tình hình phục vụ xây dựng mô hình "
            "{{ name_q }} của {{ issuer }}./.",
        ],
    },
    "member-agreement": {
        "body": MEETING_OPENING + [
            "- Đại diện các đơn vị thành viên: {{ member_units_text }}.",
            "# II. NỘI DUNG",
            "Trên cơ sở {{ refs.survey_report }}, đại diện các đơn vị thành viên đã thảo luận và "
            "thống nhất các nội dung sau:",
            SUMMARY,
            "1. Thống nhất đề xuất xây dựng mô hình liên kết bảo đảm an ninh, trật tự {{ name_q }} "
            "trên địa bàn {{ area }}{{ field_clause }}.",
            "2. Phạm vi hoạt động, thành viên tham gia và nội dung phối hợp: {{ sections.agreement }}",
            "3. Dự kiến đơn vị Trưởng mô hình: {{ lead_unit }}{% if rotation_text %}; luân phiên làm "
            "Trưởng mô hình theo thứ tự: {{ rotation_text }}{% endif %}.",
            "4. Giao {{ proposer }} tổng hợp, báo cáo, đề xuất cấp có thẩm quyền về việc xây dựng "
            "mô hình.",
            NOTE,
            MEETING_CLOSING,
        ],
    },
    "proposal": {
        "body": [
            "Căn cứ {{ refs.survey_report }}, {{ issuer }} báo cáo, đề xuất {{ addressees }} về "
            "việc xây dựng mô hình {{ name_q }} như sau:",
            SUMMARY,
            "# I. SỰ CẦN THIẾT XÂY DỰNG MÔ HÌNH",
            "{{ sections.necessity }}",
            "# II. MỤC TIÊU",
            "{{ sections.goals }}",
            "# III. TÊN GỌI, PHẠM VI, THÀNH VIÊN CỦA MÔ HÌNH",
            "1. Tên mô hình: {{ name_q }}.",
            "2. Phạm vi hoạt động: {{ area }}{{ field_clause }}.",
            "3. Thành viên tham gia: {{ membership_text }}",
            "{%p if linked %}",
            "4. Đơn vị thành viên: {{ member_units_text }}; đơn vị đề cử làm Trưởng mô hình: "
            "{{ lead_unit }}{% if rotation_text %}, luân phiên theo thứ tự: {{ rotation_text }}{% endif %}.",
            "{%p endif %}",
            "# IV. ĐỀ XUẤT",
            NOTE,
            "{{ issuer }} kính đề nghị {{ addressees }} xem xét, ban hành chủ trương xây dựng mô "
            "hình {{ name_q }} và chỉ đạo triển khai thực hiện theo {{ guideline_short }}./.",
        ],
    },
    # ------------------------------------------------------------ Bước 2
    "party-policy": {
        "body": [
            "Căn cứ {{ refs.proposal }}; {{ issuer }} "
            "đã thảo luận và thống nhất{% if party %},{% else %} chủ trương như sau:{% endif %}",
            SUMMARY,
            "{%p if party %}",
            "## QUYẾT NGHỊ:",
            "{%p endif %}",
            "1. Thống nhất chủ trương xây dựng mô hình {{ name_q }} trên địa bàn {{ area }}"
            "{{ field_clause }}, nhằm phát huy sức mạnh tổng hợp của cả hệ thống chính trị và "
            "Nhân dân trong bảo đảm an ninh, trật tự ở cơ sở theo hướng tự phòng, tự quản, tự bảo "
            "vệ, tự hòa giải.",
            "2. Giao {{ authority_head }} ban hành văn bản triển khai thực hiện; quyết định thành "
            "lập mô hình, thành lập Ban Chỉ đạo mô hình, công nhận danh sách thành viên tham gia mô "
            "hình và kế hoạch ra mắt mô hình theo {{ guideline_short }}.",
            "3. {{ proposer }} làm nòng cốt tham mưu, hướng dẫn chuyên môn, nghiệp vụ cho mô hình. "
            "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tuyên "
            "truyền, vận động Nhân dân tham gia mô hình.",
            "{%p if party %}",
            "4. Các chi bộ, cán bộ, đảng viên gương mẫu thực hiện và vận động gia đình, Nhân dân "
            "tích cực tham gia mô hình.",
            "{%p endif %}",
            NOTE,
            "{% if party %}Nghị quyết{% else %}Thông báo{% endif %} này có hiệu lực kể từ ngày ký./.",
        ],
    },
    "implementation": {
        "body": [
            "Thực hiện {{ party_doc }}; {{ issuer }} ban hành Kế hoạch triển khai thực hiện xây "
            "dựng mô hình {{ name_q }}, như sau:",
            SUMMARY,
            "# I. MỤC ĐÍCH, YÊU CẦU",
            "1. Cụ thể hóa chủ trương của cấp ủy về xây dựng mô hình; phân công trách nhiệm cụ thể "
            "cho các cơ quan, đơn vị, bảo đảm mô hình được xây dựng đúng quy trình, hoạt động thực "
            "chất, hiệu quả.",
            "2. Phát huy vai trò tham mưu nòng cốt của lực lượng Công an, sự phối hợp của Mặt trận "
            "Tổ quốc, các đoàn thể và quyền làm chủ của Nhân dân.",
            "# II. NỘI DUNG, TRÌNH TỰ THỰC HIỆN",
            "1. Tuyên truyền công khai, rộng rãi về mục đích, ý nghĩa, yêu cầu, nhiệm vụ, phương "
            "pháp hoạt động của mô hình, hình thức động viên, khen thưởng; lấy ý kiến Nhân dân, cán "
            "bộ, công nhân viên và các đơn vị liên quan về tổ chức và cử thành viên tham gia mô hình.",
            "2. Ban hành các quyết định: thành lập mô hình; thành lập Ban Chỉ đạo mô hình; công "
            "nhận danh sách thành viên tham gia mô hình; kế hoạch ra mắt mô hình.",
            "3. Ban Chỉ đạo mô hình ban hành Quy chế hoạt động của Ban Chỉ đạo, Quy chế hoạt động "
            "của mô hình{% if linked %}, Quy chế phối hợp{% endif %} và Kế hoạch hoạt động năm; "
            "quán triệt, bồi dưỡng nghiệp vụ, pháp luật cho thành viên tham gia mô hình.",
            "4. Tổ chức ra mắt mô hình và đưa mô hình đi vào hoạt động{{ time_clause }}.",
            "# III. TỔ CHỨC THỰC HIỆN",
            "1. {{ proposer }}: chủ trì, tham mưu triển khai các nội dung của Kế hoạch; hướng dẫn "
            "chuyên môn, nghiệp vụ; định kỳ báo cáo kết quả thực hiện.",
            "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội phối "
            "hợp tuyên truyền, vận động Nhân dân, hội viên, đoàn viên tham gia mô hình.",
            "3. Bộ phận tài chính: tham mưu bố trí kinh phí, phương tiện bảo đảm cho hoạt động của "
            "mô hình theo quy định.",
            NOTE,
            "Quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo về "
            "{{ issuer }} (qua {{ proposer }}) để được chỉ đạo, giải quyết./.",
        ],
    },
    # ------------------------------------------------------------ Bước 3
    "consultation": {
        "body": MEETING_OPENING + [
            "{%p if linked %}",
            "- Đại diện các đơn vị thành viên: {{ member_units_text }}.",
            "{%p endif %}",
            "# II. NỘI DUNG TUYÊN TRUYỀN",
            "Đại diện {{ proposer }} quán triệt {{ party_doc }} và {{ refs.implementation }}; tuyên "
            "truyền về mục đích, ý nghĩa, yêu cầu, nhiệm vụ, phương pháp hoạt động của mô hình "
            "{{ name_q }} và hình thức động viên, khen thưởng.",
            SUMMARY,
            "# III. Ý KIẾN THAM GIA",
            "{{ sections.opinions }}",
            "# IV. KẾT QUẢ",
            "{%p if limited %}",
            "Hội nghị thống nhất tổ chức mô hình và cử các ông (bà) có tên sau tham gia mô hình:",
            "{%p else %}",
            "Hội nghị thống nhất vận động, khuyến khích đông đảo Nhân dân tự nguyện tham gia mô "
            "hình; {% if members %}những người đăng ký tham gia gồm:{% else %}việc đăng ký tham gia "
            "được tổ chức thường xuyên tại {{ proposer }}.{% endif %}",
            "{%p endif %}",
            MEMBERS_TABLE,
            "{%p if linked %}",
            "Các đơn vị thành viên thống nhất về phạm vi hoạt động, thành viên tham gia, quy chế "
            "phối hợp và đề cử {{ lead_unit }} làm đơn vị Trưởng mô hình{% if rotation_text %}; thứ "
            "tự luân phiên làm Trưởng mô hình: {{ rotation_text }}{% endif %}.",
            "{%p endif %}",
            NOTE,
            MEETING_CLOSING,
        ],
    },
    # ------------------------------------------------------------ Bước 4
    "establishment-decision": {
        "decision": True,
        "body": [
            "@ Điều 1.|Thành lập mô hình {{ name_q }} trên địa bàn {{ area }}{{ field_clause }}.",
            *LINKED_UNITS,
            SUMMARY,
            "@ Điều 2.|Chức năng, nhiệm vụ của mô hình",
            "Mô hình {{ name_q }} hoạt động trên tinh thần tự nguyện, tự giác, theo hướng tự "
            "phòng, tự quản, tự bảo vệ, tự hòa giải ở cơ sở; có chức năng tập hợp, tổ chức Nhân "
            "dân tham gia bảo đảm an ninh, trật tự trên địa bàn, có nhiệm vụ:",
            "1. Tuyên truyền, vận động Nhân dân chấp hành chủ trương, đường lối của Đảng, chính "
            "sách, pháp luật của Nhà nước; tích cực tham gia Phong trào Toàn dân bảo vệ an ninh "
            "Tổ quốc.",
            "2. Nắm tình hình, phát hiện và cung cấp kịp thời cho lực lượng Công an, chính quyền "
            "thông tin về an ninh, trật tự; tham gia phòng ngừa, phát hiện, tố giác tội phạm, tệ "
            "nạn xã hội và vi phạm pháp luật.",
            "3. Phối hợp với lực lượng Công an và các lực lượng liên quan tuần tra, canh gác, hòa "
            "giải mâu thuẫn, tranh chấp ở cơ sở, giữ gìn an ninh, trật tự, an toàn xã hội.",
            "4. Hoạt động theo Quy chế hoạt động và kế hoạch hoạt động hằng năm do Ban Chỉ đạo mô "
            "hình ban hành; định kỳ báo cáo kết quả hoạt động theo quy định.",
            "Ban Chỉ đạo mô hình chỉ đạo, điều hành hoạt động của mô hình; {{ proposer }} là lực "
            "lượng tham mưu nòng cốt, thường xuyên hướng dẫn chuyên môn, nghiệp vụ, kiểm tra, đôn "
            "đốc hoạt động của mô hình.",
            NOTE,
            EXECUTION,
        ],
    },
    "steering-committee-decision": {
        "decision": True,
        "body": [
            "@ Điều 1.|Thành lập Ban Chỉ đạo mô hình {{ name_q }} trên địa bàn {{ area }}, gồm các "
            "ông (bà) có tên sau:",
            MEMBERS_TABLE,
            SUMMARY,
            "@ Điều 2.|Ban Chỉ đạo có nhiệm vụ lãnh đạo, chỉ đạo, điều hành, kiểm tra, đôn đốc hoạt "
            "động của mô hình; ban hành Quy chế hoạt động của Ban Chỉ đạo, Quy chế hoạt động của mô "
            "hình{% if linked %}, Quy chế phối hợp{% endif %} và kế hoạch hoạt động hằng năm của mô "
            "hình; định kỳ sơ kết, tổng kết, báo cáo kết quả hoạt động và đề xuất đánh giá, xếp loại "
            "mô hình với cấp có thẩm quyền.",
            "Trưởng ban phân công nhiệm vụ cụ thể cho các thành viên. Thành viên Ban Chỉ đạo làm "
            "việc theo chế độ kiêm nhiệm; {{ proposer }} là cơ quan thường trực của Ban Chỉ đạo.",
            NOTE,
            EXECUTION,
        ],
    },
    "member-list-decision": {
        "decision": True,
        "body": [
            "@ Điều 1.|Công nhận {{ member_count }} thành viên tham gia mô hình {{ name_q }} trên "
            "địa bàn {{ area }}, gồm các ông (bà) có tên sau:",
            MEMBERS_TABLE,
            SUMMARY,
            "@ Điều 2.|Các thành viên có tên tại Điều 1 thực hiện nhiệm vụ theo Quy chế hoạt động "
            "của mô hình, chịu sự chỉ đạo, điều hành của Ban Chỉ đạo mô hình; được hưởng chế độ, "
            "chính sách, hình thức động viên, khen thưởng theo quy chế và quy định của pháp luật.",
            NOTE,
            EXECUTION,
        ],
    },
    "launch-plan": {
        "body": [
            "Căn cứ {{ refs.establishment_decision }}; {{ issuer }} ban hành Kế hoạch tổ chức ra "
            "mắt mô hình {{ name_q }}, như sau:",
            SUMMARY,
            "# I. MỤC ĐÍCH, YÊU CẦU",
            "1. Công bố các quyết định thành lập mô hình, thành lập Ban Chỉ đạo và công nhận danh "
            "sách thành viên; gắn trách nhiệm, nghĩa vụ của các thành viên tham gia mô hình; phát "
            "động Nhân dân tích cực hưởng ứng tham gia mô hình.",
            "2. Lễ ra mắt được tổ chức trang trọng, thiết thực, tiết kiệm, đúng thành phần.",
            "# II. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN",
            "1. Thời gian: {{ meeting.start }}.",
            "2. Địa điểm: {{ meeting.location }}.",
            "3. Thành phần: {{ meeting.attendees }}.",
            "# III. CHƯƠNG TRÌNH",
            "1. Tuyên bố lý do, giới thiệu đại biểu.",
            "2. Công bố Quyết định thành lập mô hình, Quyết định thành lập Ban Chỉ đạo mô hình và "
            "Quyết định công nhận danh sách thành viên tham gia mô hình.",
            "3. Thông qua Quy chế hoạt động và Kế hoạch hoạt động của mô hình.",
            "4. Đại diện thành viên mô hình phát biểu hưởng ứng, hứa quyết tâm.",
            "5. Lãnh đạo cấp ủy, chính quyền phát biểu chỉ đạo, phát động Nhân dân tham gia mô hình.",
            "6. Bế mạc.",
            "# IV. TỔ CHỨC THỰC HIỆN",
            "1. {{ proposer }}: chủ trì chuẩn bị nội dung, chương trình, tài liệu; mời đại biểu; "
            "bảo đảm an ninh, trật tự buổi lễ.",
            "2. Bộ phận văn phòng, tài chính: chuẩn bị hội trường, cơ sở vật chất và kinh phí tổ "
            "chức theo quy định.",
            "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội vận động "
            "hội viên, đoàn viên và Nhân dân tham dự.",
            NOTE,
            "Yêu cầu các cơ quan, đơn vị có liên quan triển khai thực hiện nghiêm túc Kế hoạch này./.",
        ],
    },
    "steering-regulation": {
        "body": [
            "## Chương I",
            "## QUY ĐỊNH CHUNG",
            "@ Điều 1.|Phạm vi điều chỉnh, đối tượng áp dụng",
            "Quy chế này quy định nguyên tắc, nhiệm vụ, quyền hạn, chế độ làm việc và mối quan hệ "
            "công tác của Ban Chỉ đạo mô hình {{ name_q }}; áp dụng đối với Trưởng ban, các Phó "
            "Trưởng ban và các thành viên Ban Chỉ đạo.",
            SUMMARY,
            "@ Điều 2.|Nguyên tắc làm việc",
            "Ban Chỉ đạo làm việc theo nguyên tắc tập trung dân chủ, đề cao trách nhiệm cá nhân; "
            "chịu sự lãnh đạo của cấp ủy, sự quản lý của {{ authority }}. Thành viên Ban Chỉ đạo "
            "làm việc theo chế độ kiêm nhiệm.",
            "## Chương II",
            "## NHIỆM VỤ, QUYỀN HẠN",
            "@ Điều 3.|Nhiệm vụ, quyền hạn của Ban Chỉ đạo",
            "1. Lãnh đạo, chỉ đạo, điều hành, kiểm tra, đôn đốc hoạt động của mô hình.",
            "2. Ban hành Quy chế hoạt động của mô hình{% if linked %}, Quy chế phối hợp{% endif %} và "
            "kế hoạch hoạt động hằng năm của mô hình.",
            "3. Sơ kết, tổng kết; báo cáo kết quả hoạt động; đề xuất đánh giá, xếp loại mô hình và "
            "khen thưởng tập thể, cá nhân có thành tích.",
            "4. Đề xuất kiện toàn Ban Chỉ đạo, bổ sung thành viên, sửa đổi quy chế khi cần thiết.",
            "@ Điều 4.|Trưởng ban",
            "Chịu trách nhiệm toàn diện về hoạt động của Ban Chỉ đạo; phân công nhiệm vụ cho các "
            "thành viên; chủ trì các cuộc họp; ký các văn bản của Ban Chỉ đạo.",
            "@ Điều 5.|Phó Trưởng ban",
            "Giúp Trưởng ban chỉ đạo các lĩnh vực được phân công; thay mặt Trưởng ban điều hành "
            "khi được ủy quyền. Phó Trưởng ban thường trực là lãnh đạo {{ proposer }}.",
            "@ Điều 6.|Thành viên Ban Chỉ đạo",
            "Thực hiện nhiệm vụ được Trưởng ban phân công; theo dõi, hướng dẫn hoạt động của mô "
            "hình trong lĩnh vực, địa bàn phụ trách; tham dự đầy đủ các cuộc họp của Ban Chỉ đạo.",
            "## Chương III",
            "## CHẾ ĐỘ LÀM VIỆC",
            "@ Điều 7.|Chế độ họp",
            "Ban Chỉ đạo họp định kỳ 06 tháng, 01 năm và họp đột xuất khi cần thiết do Trưởng ban "
            "triệu tập.",
            "@ Điều 8.|Chế độ thông tin, báo cáo",
            "Ban Chỉ đạo báo cáo {{ authority }} kết quả hoạt động của mô hình định kỳ 06 tháng "
            "(trước ngày 05/5), 01 năm (trước ngày 05/11) và đột xuất theo yêu cầu.",
            "@ Điều 9.|Kinh phí",
            "Kinh phí hoạt động của Ban Chỉ đạo được bố trí trong dự toán của {{ authority }} và "
            "các nguồn hợp pháp khác theo quy định.",
            "## Chương IV",
            "## ĐIỀU KHOẢN THI HÀNH",
            "@ Điều 10.|Tổ chức thực hiện",
            NOTE,
            "Các thành viên Ban Chỉ đạo có trách nhiệm thực hiện Quy chế này. Trong quá trình thực "
            "hiện, nếu có vướng mắc, Ban Chỉ đạo xem xét, sửa đổi, bổ sung cho phù hợp./.",
        ],
    },
    "operating-regulation": {
        "body": [
            "## Chương I",
            "## QUY ĐỊNH CHUNG",
            "@ Điều 1.|Phạm vi điều chỉnh, đối tượng áp dụng",
            "Quy chế này quy định chức năng, nhiệm vụ, phạm vi, thẩm quyền; phương thức hoạt động; "
            "tiêu chuẩn thành viên; mối quan hệ công tác; kinh phí, chế độ, khen thưởng, xử lý vi "
            "phạm; chế độ thông tin, báo cáo, hội họp của mô hình {{ name_q }}; áp dụng đối với các "
            "thành viên tham gia mô hình.",
            SUMMARY,
            "## Chương II",
            "## CHỨC NĂNG, NHIỆM VỤ, PHẠM VI, THẨM QUYỀN",
            "@ Điều 2.|Chức năng",
            "Mô hình {{ name_q }} là hình thức tập hợp, tổ chức Nhân dân tham gia bảo đảm an ninh, "
            "trật tự trên tinh thần tự nguyện, tự giác, tự phòng, tự quản, tự bảo vệ, tự hòa giải "
            "ở cơ sở.",
            "@ Điều 3.|Nhiệm vụ",
            "1. Tuyên truyền, vận động Nhân dân chấp hành pháp luật, tham gia Phong trào Toàn dân "
            "bảo vệ an ninh Tổ quốc.",
            "2. Nắm tình hình, cung cấp thông tin, tố giác tội phạm, tệ nạn xã hội, vi phạm pháp "
            "luật cho lực lượng Công an.",
            "3. Tham gia tuần tra, canh gác, hòa giải mâu thuẫn, tranh chấp; giúp đỡ người lầm lỗi "
            "tái hòa nhập cộng đồng.",
            "@ Điều 4.|Phạm vi hoạt động",
            "Mô hình hoạt động trên địa bàn {{ area }}{{ field_clause }}.",
            "@ Điều 5.|Thẩm quyền",
            "Thành viên mô hình hoạt động trong phạm vi nhiệm vụ được giao; không được làm thay "
            "nhiệm vụ của cơ quan nhà nước có thẩm quyền; khi phát hiện vi phạm phải kịp thời báo "
            "cho lực lượng Công an hoặc chính quyền để giải quyết.",
            "## Chương III",
            "## PHƯƠNG THỨC HOẠT ĐỘNG",
            "@ Điều 6.|Phương thức hoạt động",
            "Mô hình hoạt động theo kế hoạch hằng năm do Ban Chỉ đạo ban hành; phân công thành viên "
            "theo địa bàn, nhóm, tổ; kết hợp hoạt động thường xuyên với các đợt cao điểm theo yêu "
            "cầu bảo đảm an ninh, trật tự.",
            "## Chương IV",
            "## TIÊU CHUẨN THÀNH VIÊN",
            "@ Điều 7.|Tiêu chuẩn",
            "Công dân Việt Nam đủ 18 tuổi trở lên, có lý lịch rõ ràng, phẩm chất đạo đức tốt, có "
            "sức khỏe, tự nguyện tham gia và được Nhân dân tín nhiệm{% if limited %}, được cơ quan, "
            "đoàn thể, khu dân cư giới thiệu{% endif %}.",
            "@ Điều 8.|Quyền và nghĩa vụ của thành viên",
            "Thành viên chấp hành Quy chế, thực hiện nhiệm vụ được phân công; được bồi dưỡng nghiệp "
            "vụ, pháp luật và hưởng chế độ, chính sách, khen thưởng theo quy định.",
            "## Chương V",
            "## MỐI QUAN HỆ CÔNG TÁC",
            "@ Điều 9.|Mối quan hệ công tác",
            "Mô hình chịu sự lãnh đạo của cấp ủy, quản lý của {{ authority }}, chỉ đạo trực tiếp "
            "của Ban Chỉ đạo mô hình và hướng dẫn chuyên môn, nghiệp vụ của {{ proposer }}; phối hợp "
            "với Mặt trận Tổ quốc, các đoàn thể{% if linked %} và thực hiện Quy chế phối hợp giữa "
            "các đơn vị thành viên{% endif %}.",
            "## Chương VI",
            "## KINH PHÍ, CHẾ ĐỘ, KHEN THƯỞNG, XỬ LÝ VI PHẠM",
            "@ Điều 10.|Nguồn kinh phí",
            "Kinh phí hoạt động từ ngân sách được bố trí theo quy định, nguồn xã hội hóa, đóng góp "
            "tự nguyện của tổ chức, cá nhân; thu, chi được ghi sổ theo dõi và công khai.",
            "@ Điều 11.|Chế độ, chính sách, khen thưởng",
            "Thành viên được hưởng chế độ, chính sách theo quy định; tập thể, cá nhân có thành tích "
            "được xem xét khen thưởng theo quy định về thi đua, khen thưởng.",
            "@ Điều 12.|Xử lý vi phạm",
            "Thành viên vi phạm Quy chế, lợi dụng danh nghĩa mô hình để vi phạm pháp luật thì tùy "
            "mức độ bị nhắc nhở, đưa ra khỏi danh sách thành viên hoặc xử lý theo quy định.",
            "## Chương VII",
            "## CHẾ ĐỘ THÔNG TIN, BÁO CÁO, HỘI HỌP",
            "@ Điều 13.|Thông tin, báo cáo",
            "Thành viên báo cáo kịp thời tình hình, vụ việc với Trưởng mô hình và lực lượng Công an; "
            "Ban Chỉ đạo báo cáo định kỳ 06 tháng, 01 năm và đột xuất.",
            "@ Điều 14.|Hội họp",
            "Mô hình họp định kỳ hằng tháng hoặc hằng quý để đánh giá tình hình, rút kinh nghiệm và "
            "triển khai nhiệm vụ; họp đột xuất khi cần thiết.",
            "## Chương VIII",
            "## ĐIỀU KHOẢN THI HÀNH",
            "@ Điều 15.|Tổ chức thực hiện",
            NOTE,
            "Ban Chỉ đạo, các thành viên mô hình có trách nhiệm thực hiện Quy chế này. Quá trình "
            "thực hiện, nếu có vướng mắc, Ban Chỉ đạo xem xét, sửa đổi, bổ sung cho phù hợp./.",
        ],
    },
    "coordination-regulation": {
        "body": [
            "## Chương I",
            "## QUY ĐỊNH CHUNG",
            "@ Điều 1.|Phạm vi điều chỉnh, đối tượng áp dụng",
            "Quy chế này quy định nguyên tắc, nội dung, hình thức và trách nhiệm phối hợp giữa các "
            "đơn vị thành viên mô hình liên kết {{ name_q }}, gồm: {{ member_units_text }}.",
            SUMMARY,
            "@ Điều 2.|Nguyên tắc phối hợp",
            "Phối hợp trên cơ sở chức năng, nhiệm vụ của mỗi đơn vị; chủ động, thường xuyên, kịp "
            "thời; giữ bí mật thông tin; không làm ảnh hưởng đến hoạt động bình thường của các đơn vị.",
            "## Chương II",
            "## NỘI DUNG, HÌNH THỨC PHỐI HỢP",
            "@ Điều 3.|Nội dung phối hợp",
            "1. Trao đổi thông tin về tình hình an ninh, trật tự trong phạm vi hoạt động của mô hình.",
            "2. Phối hợp tuần tra, kiểm soát, giải quyết vụ việc phát sinh; hỗ trợ nhau khi có yêu cầu.",
            "3. Phối hợp tuyên truyền, vận động cán bộ, công nhân viên và Nhân dân tham gia mô hình.",
            "@ Điều 4.|Hình thức phối hợp",
            "Giao ban định kỳ; trao đổi trực tiếp, bằng văn bản hoặc qua điện thoại; tổ chức lực "
            "lượng liên ngành khi cần thiết.",
            "@ Điều 5.|Trưởng mô hình và luân phiên",
            "Đơn vị Trưởng mô hình là {{ lead_unit }}, có trách nhiệm chủ trì, điều phối hoạt động "
            "chung và báo cáo cấp có thẩm quyền.{% if rotation_text %} Các đơn vị thành viên luân "
            "phiên làm Trưởng mô hình theo thứ tự: {{ rotation_text }}.{% endif %}",
            "## Chương III",
            "## ĐIỀU KHOẢN THI HÀNH",
            "@ Điều 6.|Tổ chức thực hiện",
            NOTE,
            "Thủ trưởng các đơn vị thành viên có trách nhiệm thực hiện Quy chế này. Quá trình thực "
            "hiện, nếu có vướng mắc, các đơn vị thống nhất đề xuất Ban Chỉ đạo sửa đổi, bổ sung./.",
        ],
    },
    "annual-plan": {
        "body": [
            "Căn cứ {{ refs.establishment_decision }} và Quy chế hoạt động của mô hình; {{ issuer }} "
            "xây dựng Kế hoạch hoạt động năm {{ year }} (từ ngày {{ period_start }} đến ngày "
            "{{ period_end }}) của mô hình {{ name_q }}, như sau:",
            SUMMARY,
            "# I. MỤC TIÊU, CHỈ TIÊU PHẤN ĐẤU",
            "1. Mục tiêu: duy trì hoạt động thường xuyên, hiệu quả của mô hình; góp phần kéo giảm "
            "tội phạm, tệ nạn xã hội, giữ vững an ninh, trật tự trên địa bàn {{ area }}.",
            "2. Chỉ tiêu phấn đấu{% if targets %}:{% else %}: theo chỉ tiêu Ban Chỉ đạo giao.{% endif %}",
            TARGETS_TABLE,
            "# II. NỘI DUNG, NHIỆM VỤ",
            "1. Tuyên truyền, vận động Nhân dân chấp hành pháp luật, tham gia Phong trào Toàn dân "
            "bảo vệ an ninh Tổ quốc.",
            "2. Nắm tình hình, cung cấp thông tin; tuần tra, canh gác; hòa giải mâu thuẫn, tranh "
            "chấp ở cơ sở.",
            "3. Bồi dưỡng nghiệp vụ, pháp luật cho thành viên; sơ kết 06 tháng, tổng kết năm.",
            "# III. BIỆN PHÁP, GIẢI PHÁP",
            "Phân công thành viên theo địa bàn, nhóm; gắn hoạt động của mô hình với phong trào thi "
            "đua ở cơ sở; kịp thời biểu dương tập thể, cá nhân có thành tích.",
            "# IV. ĐIỀU KIỆN, NGUỒN LỰC",
            "{{ sections.resources }}",
            "# V. THỜI GIAN, TỔ CHỨC THỰC HIỆN",
            NOTE,
            "Kế hoạch được thực hiện từ ngày {{ period_start }} đến ngày {{ period_end }}. Các thành "
            "viên Ban Chỉ đạo theo chức năng, nhiệm vụ được phân công triển khai thực hiện; định kỳ "
            "báo cáo kết quả về Ban Chỉ đạo (qua {{ proposer }})./.",
        ],
    },
    # ------------------------------------------------------------ Bước 5
    "launch": {
        "body": MEETING_OPENING + [
            "# II. NỘI DUNG",
            "1. Công bố {{ refs.establishment_decision }}; {{ refs.steering_committee_decision }}; "
            "{{ refs.member_list_decision }}.",
            "2. Thông qua Quy chế hoạt động của mô hình và Kế hoạch hoạt động năm {{ year }} của mô "
            "hình.",
            "3. Đại diện thành viên mô hình phát biểu hưởng ứng, hứa quyết tâm thực hiện tốt nhiệm "
            "vụ được giao.",
            "4. Lãnh đạo cấp ủy, chính quyền phát biểu chỉ đạo, phát động Nhân dân tích cực tham gia "
            "mô hình. Mô hình {{ name_q }} chính thức đi vào hoạt động kể từ ngày {{ date_short }}.",
            SUMMARY,
            "{{ sections.opinions }}",
            NOTE,
            MEETING_CLOSING,
        ],
    },
    "pilot": {
        "body": [
            "Căn cứ {{ refs.launch_plan }}; để rút kinh nghiệm trước khi triển khai rộng, {{ issuer }} "
            "ban hành Kế hoạch tổ chức làm điểm mô hình {{ name_q }}, như sau:",
            SUMMARY,
            "# I. MỤC ĐÍCH, YÊU CẦU",
            "Tổ chức làm điểm để rút kinh nghiệm về cách thức ra mắt, tổ chức hoạt động của mô hình; "
            "làm điểm phải thực chất, có sơ kết, đánh giá trước khi nhân rộng.",
            "# II. ĐỊA ĐIỂM, THỜI GIAN",
            "1. Địa điểm làm điểm: {{ pilot_area }}.",
            "2. Thời gian: {{ time_text }}.",
            "# III. NỘI DUNG",
            "Tổ chức ra mắt, vận hành mô hình tại địa điểm làm điểm theo Quy chế và Kế hoạch hoạt "
            "động; theo dõi, đánh giá kết quả, rút kinh nghiệm về tổ chức, phương thức hoạt động.",
            "# IV. TỔ CHỨC THỰC HIỆN",
            NOTE,
            "{{ proposer }} chủ trì, phối hợp với các đơn vị liên quan triển khai Kế hoạch; kết thúc "
            "làm điểm, tổ chức sơ kết, báo cáo {{ issuer }} kết quả và đề xuất nhân rộng./.",
        ],
    },
    # ------------------------------------------------------------ while active
    "periodic-report": {
        "body": [
            "{{ issuer }} báo cáo tình hình, kết quả hoạt động của mô hình {{ name_q }} "
            "{{ period_text }}, như sau:",
            SUMMARY,
            "# I. TÌNH HÌNH CHUNG",
            "{{ sections.situation }}",
            "# II. KẾT QUẢ HOẠT ĐỘNG",
            "{{ sections.results }}",
            "{%p if targets %}",
            "Kết quả thực hiện các chỉ tiêu của Kế hoạch hoạt động năm {{ year }}:",
            "{%p endif %}",
            RESULTS_TABLE,
            "# III. ĐÁNH GIÁ",
            "{{ sections.assessment }}",
            "# IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
            "{{ sections.direction }}",
            "# V. ĐỀ XUẤT, KIẾN NGHỊ",
            NOTE,
            "{{ sections.proposals }}",
        ],
    },
    "evidence": {
        "body": [
            "{{ issuer }} lập danh mục tài liệu chứng minh hiệu quả hoạt động của mô hình "
            "{{ name_q }}{% if year %} năm {{ year }}{% endif %}, gồm:",
            SUMMARY,
            ATTACHMENTS_TABLE,
            NOTE,
            "Các tài liệu trên được lưu trong hồ sơ mô hình./.",
        ],
    },
    "fund-ledger": {
        "body": [
            "Sổ theo dõi thu, chi quỹ của mô hình {{ name_q }}{% if year %} năm {{ year }}{% endif %}; "
            "người giữ sổ: {{ keeper }}.",
            SUMMARY,
            LEDGER_TABLE,
            NOTE,
            "Sổ được công khai với các thành viên mô hình và được Ban Chỉ đạo kiểm tra định kỳ./.",
        ],
    },
    "consolidation": {
        "decision": True,
        "body": [
            "@ Điều 1.|{{ consolidation_text }}",
            MEMBERS_TABLE,
            SUMMARY,
            "@ Điều 2.|Các nội dung khác tại {{ refs.steering_committee_decision }} và "
            "{{ refs.member_list_decision }} không trái với Quyết định này giữ nguyên hiệu lực.",
            NOTE,
            EXECUTION,
        ],
    },
    "review": {
        "body": [
            "{{ issuer }} báo cáo {{ stage }} hoạt động của mô hình {{ name_q }}{{ stage_period }}, "
            "như sau:",
            SUMMARY,
            "# I. KẾT QUẢ TRIỂN KHAI THỰC HIỆN",
            "{{ sections.results }}",
            "# II. ĐÁNH GIÁ CHUNG",
            "{{ sections.assessment }}",
            "# III. BÀI HỌC KINH NGHIỆM",
            "{{ sections.lessons }}",
            "# IV. PHƯƠNG HƯỚNG, NHIỆM VỤ",
            "{{ sections.direction }}",
            "# V. ĐỀ XUẤT, KIẾN NGHỊ",
            NOTE,
            "{{ sections.proposals }}",
        ],
    },
    "commendation": {
        "decision": True,
        "body": [
            "@ Điều 1.|Khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong xây dựng, duy "
            "trì hoạt động của mô hình {{ name_q }}{% if year %} năm {{ year }}{% endif %}, gồm:",
            MEMBERS_TABLE,
            SUMMARY,
            "@ Điều 2.|Mức thưởng và nguồn kinh phí khen thưởng thực hiện theo quy định của pháp "
            "luật về thi đua, khen thưởng.",
            NOTE,
            EXECUTION,
        ],
    },
    "lead-rotation": {
        "body": MEETING_OPENING + [
            "- Đại diện các đơn vị thành viên: {{ member_units_text }}.",
            "# II. NỘI DUNG",
            "Thực hiện {{ refs.coordination_regulation }}, các đơn vị thành viên mô hình liên kết "
            "{{ name_q }} tổ chức bàn giao nhiệm vụ Trưởng mô hình.",
            SUMMARY,
            "1. {{ previous_lead }} bàn giao nhiệm vụ Trưởng mô hình, hồ sơ, tài liệu và tình hình "
            "hoạt động của mô hình cho {{ lead_unit }}.",
            "2. Kể từ ngày {{ date_short }}, {{ lead_unit }} là đơn vị Trưởng mô hình, chủ trì điều "
            "phối hoạt động chung và báo cáo cấp có thẩm quyền theo Quy chế phối hợp.",
            "{{ sections.opinions }}",
            NOTE,
            MEETING_CLOSING,
        ],
    },
}
