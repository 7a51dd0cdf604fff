"""Messages of the documents layer: templates, kind specs' `document:` blocks, rendering."""

MESSAGES: dict[str, dict[str, str]] = {
    "documents.bad_secrecy": {
        "vi": "Độ mật '{value}' của văn bản {kind} không hợp lệ: chỉ có {allowed}. Hãy sửa mục secrecy "
              "của văn bản trong case.yaml rồi chạy lại.",
        "en": "Secrecy level '{value}' of the {kind} document is not valid: only {allowed}. Fix the "
              "document's secrecy in case.yaml and run again.",
    },
    "documents.check.refused": {
        "vi": "{file}: thẻ {tag} bị antt cấm (đọc nội bộ đối tượng hoặc tệp khác); hãy xóa thẻ đó.",
        "en": "{file}: the tag {tag} is forbidden by antt (it reaches object internals or other files); remove it.",
    },
    "documents.check.split_tag": {
        "vi": "{file}: thẻ {tag} bị Word tách thành nhiều đoạn định dạng; hãy xóa cả thẻ rồi gõ lại liền một lần (không đổi định dạng giữa thẻ).",
        "en": "{file}: the tag {tag} is split across Word runs; delete the whole tag and type it again in one go (no formatting change inside it).",
    },
    "documents.check.syntax": {
        "vi": "{file}: lỗi cú pháp ở thẻ {tag} ({detail}); hãy sửa thẻ cho đủ {{{{ … }}}} hoặc {{% … %}} và các thẻ đóng (endif, endfor).",
        "en": "{file}: syntax error at the tag {tag} ({detail}); complete the tag as {{{{ … }}}} or {{% … %}} with its closing tags (endif, endfor).",
    },
    "documents.check.unknown_filter": {
        "vi": "{file}: thẻ {tag} dùng bộ lọc '{name}' không có; hãy bỏ bộ lọc đó hoặc dùng bộ lọc có sẵn (upper, lower, first_upper…).",
        "en": "{file}: the tag {tag} uses the filter '{name}', which does not exist; remove it or use an existing one (upper, lower, first_upper…).",
    },
    "documents.check.unknown_name": {
        "vi": "{file}: thẻ {tag} dùng tên '{name}' mà dữ liệu không có; hãy dùng một trường trong `antt templates list` hoặc `antt help templates`.",
        "en": "{file}: the tag {tag} uses the name '{name}', which the data does not provide; use a field listed by `antt templates list` or `antt help templates`.",
    },
    "documents.check.unknown_test": {
        "vi": "{file}: thẻ {tag} dùng phép thử '{name}' không có; hãy bỏ phép thử đó.",
        "en": "{file}: the tag {tag} uses the test '{name}', which does not exist; remove it.",
    },
    "documents.check.unreadable": {
        "vi": "{file}: không đọc được tệp DOCX ({detail}); hãy lưu lại bằng Word dưới dạng .docx.",
        "en": "{file}: not a readable DOCX ({detail}); save it again from Word as .docx.",
    },
    "documents.render_failed": {
        "vi": "Không tạo được văn bản {kind} từ mẫu {template}: {detail}. Hãy sửa mẫu (hoặc xóa mẫu "
              "ghi đè trong hồ sơ để dùng mẫu mặc định) rồi chạy lại.",
        "en": "Could not generate the {kind} document from template {template}: {detail}. Fix the "
              "template (or remove the dossier's override to use the shipped one) and run again.",
    },
    "documents.spec_failed": {
        "vi": "Mục {key} trong đặc tả loại văn bản {kind} (antt_cli/kinds/{kind}.yaml hoặc thư mục "
              "ANTT_KINDS) không dùng được: {detail}. Hãy sửa đặc tả rồi chạy lại.",
        "en": "{key} in the spec of document kind {kind} (antt_cli/kinds/{kind}.yaml or the "
              "ANTT_KINDS folder) cannot be used: {detail}. Fix the spec and run again.",
    },
    "documents.spec_refused": {
        "vi": "Mục {key} trong đặc tả loại văn bản {kind} dùng thẻ {tag}, thẻ antt không cho phép (đọc "
              "nội bộ đối tượng hoặc tệp khác); không có gì được ghi. Hãy bỏ thẻ đó khỏi đặc tả rồi chạy lại.",
        "en": "{key} in the spec of document kind {kind} uses the tag {tag}, which antt does not allow "
              "(it reaches object internals or other files); nothing was written. Remove that tag from the "
              "spec and run again.",
    },
    "documents.summary.axis.count": {"vi": "Số mô hình", "en": "Models"},
    "documents.summary.col.area": {"vi": "Địa bàn", "en": "Area"},
    "documents.summary.col.completion": {"vi": "Hoàn thành chỉ tiêu (%)", "en": "Targets met (%)"},
    "documents.summary.col.date": {"vi": "Ngày", "en": "Date"},
    "documents.summary.col.decision": {"vi": "Quyết định số", "en": "Decision no."},
    "documents.summary.col.decision_date": {"vi": "Ngày quyết định", "en": "Decision date"},
    "documents.summary.col.event": {"vi": "Nội dung", "en": "Event"},
    "documents.summary.col.first_year": {"vi": "Năm được xếp loại đầu tiên", "en": "First year it may be rated"},
    "documents.summary.col.grade": {"vi": "Xếp loại", "en": "Grade"},
    "documents.summary.col.group": {"vi": "Địa bàn", "en": "Area"},
    "documents.summary.col.id": {"vi": "Mã hồ sơ", "en": "ID"},
    "documents.summary.col.issuer": {"vi": "Cơ quan quyết định", "en": "Decided by"},
    "documents.summary.col.kind": {"vi": "Phân loại", "en": "Kind"},
    "documents.summary.col.level": {"vi": "Cấp", "en": "Level"},
    "documents.summary.col.level_group": {"vi": "Cấp", "en": "Level"},
    "documents.summary.col.name": {"vi": "Tên", "en": "Name"},
    "documents.summary.col.no": {"vi": "TT", "en": "No."},
    "documents.summary.col.note": {"vi": "Ghi chú", "en": "Note"},
    "documents.summary.col.number": {"vi": "Số văn bản", "en": "Document no."},
    "documents.summary.col.proposed": {"vi": "Đề xuất", "en": "Proposed"},
    "documents.summary.col.share": {"vi": "Tỷ lệ Tốt, Khá (%)", "en": "Tốt and Khá (%)"},
    "documents.summary.col.total": {"vi": "Cộng", "en": "Total"},
    "documents.summary.col.why": {"vi": "Lý do chưa xếp loại", "en": "Why not rated"},
    "documents.summary.event.closed": {"vi": "Kết thúc mô hình", "en": "Closed"},
    "documents.summary.event.ended": {"vi": "Kết thúc xây dựng điển hình", "en": "Ended"},
    "documents.summary.event.launched": {"vi": "Ra mắt, đi vào hoạt động", "en": "Launched"},
    "documents.summary.event.opened": {"vi": "Bắt đầu xây dựng", "en": "Opened"},
    "documents.summary.event.reassessed": {"vi": "Đánh giá lại hằng năm", "en": "Reassessed"},
    "documents.summary.event.recognized": {"vi": "Công nhận điển hình tiên tiến", "en": "Recognized"},
    "documents.summary.event.replicated": {
        "vi": "Nhân rộng từ mô hình {source}",
        "en": "Replicated from model {source}",
    },
    "documents.summary.level.huyen": {"vi": "Cấp huyện (trước 01/7/2025)", "en": "District (before 01/07/2025)"},
    "documents.summary.level.tinh": {"vi": "Cấp tỉnh", "en": "Province"},
    "documents.summary.level.xa": {"vi": "Cấp xã", "en": "Commune"},
    "documents.summary.outcome.end": {"vi": "đề xuất kết thúc", "en": "ending proposed"},
    "documents.summary.outcome.recognize": {"vi": "tiếp tục công nhận", "en": "kept"},
    "documents.summary.report.closing": {
        "vi": "Trên đây là báo cáo kết quả xếp loại mô hình, điển hình tiên tiến năm {year} của {unit}./.",
        "en": "This is the {year} rating report of {unit}.",
    },
    "documents.summary.report.intro": {
        "vi": "Thực hiện {guideline}, {unit} báo cáo kết quả xếp loại mô hình, điển hình tiên tiến năm {year} (từ ngày {start} đến ngày {end}) như sau:",
        "en": "Under {guideline}, {unit} reports the rating of models and exemplars for {year} ({start} to {end}):",
    },
    "documents.summary.report.none": {"vi": "Không có.", "en": "None."},
    "documents.summary.report.part1": {"vi": "I. KẾT QUẢ XẾP LOẠI MÔ HÌNH", "en": "I. RATINGS OF THE MODELS"},
    "documents.summary.report.part2": {"vi": "II. MÔ HÌNH CHƯA ĐƯỢC XẾP LOẠI", "en": "II. MODELS NOT RATED"},
    "documents.summary.report.part3": {
        "vi": "III. MÔ HÌNH XÂY DỰNG, NHÂN RỘNG, KẾT THÚC",
        "en": "III. MODELS OPENED, REPLICATED, CLOSED IN THE YEAR",
    },
    "documents.summary.report.part4": {"vi": "IV. ĐIỂN HÌNH TIÊN TIẾN", "en": "IV. EXEMPLARS"},
    "documents.summary.report.recipient": {
        "vi": "Thường trực Ban Chỉ đạo tỉnh (qua Phòng Xây dựng Phong trào bảo vệ an ninh Tổ quốc)",
        "en": "The provincial standing office (via the movement-building office)",
    },
    "documents.summary.report.subject": {
        "vi": "Kết quả xếp loại mô hình, điển hình tiên tiến trong Phong trào Toàn dân bảo vệ an ninh Tổ quốc năm {year}",
        "en": "Results of the rating of models and exemplars of the movement, {year}",
    },
    "documents.summary.report.type": {"vi": "BÁO CÁO", "en": "REPORT"},
    "documents.summary.sheet.by_area": {"vi": "Theo địa bàn", "en": "By area"},
    "documents.summary.sheet.by_level": {"vi": "Theo cấp", "en": "By level"},
    "documents.summary.sheet.events": {"vi": "Mô hình trong năm", "en": "Models in the year"},
    "documents.summary.sheet.exemplars": {"vi": "Điển hình tiên tiến", "en": "Exemplars"},
    "documents.summary.sheet.models": {"vi": "Xếp loại mô hình", "en": "Ratings"},
    "documents.summary.sheet.not_rated": {"vi": "Chưa xếp loại", "en": "Not rated"},
    "documents.summary.sheet.notes": {"vi": "Ghi chú", "en": "Notes"},
    "documents.summary.title.by_area": {
        "vi": "Số lượng mô hình theo mức xếp loại và địa bàn",
        "en": "Models by grade and area",
    },
    "documents.summary.title.by_level": {
        "vi": "Số lượng mô hình theo mức xếp loại và cấp",
        "en": "Models by grade and level",
    },
    "documents.summary.title.chart": {
        "vi": "Số mô hình theo mức xếp loại và địa bàn, năm {year}",
        "en": "Models by grade and area, {year}",
    },
    "documents.summary.title.events": {
        "vi": "Mô hình bắt đầu xây dựng, ra mắt, nhân rộng, kết thúc trong năm",
        "en": "Models opened, launched, replicated, closed in the year",
    },
    "documents.summary.title.exemplars": {
        "vi": "Điển hình tiên tiến được công nhận, đánh giá lại, kết thúc trong năm",
        "en": "Exemplars recognized, reassessed, ended in the year",
    },
    "documents.summary.title.models": {"vi": "Mô hình được xếp loại năm {year}", "en": "Models rated for {year}"},
    "documents.summary.title.not_rated": {
        "vi": "Mô hình chưa được xếp loại năm {year}",
        "en": "Models not rated for {year}",
    },
    "documents.summary.total": {
        "vi": "Tổng số {total} mô hình được xếp loại: {tot} Tốt, {kha} Khá, {tb} Trung bình, {yeu} Yếu; tỷ lệ Tốt, Khá: {share}.",
        "en": "{total} models rated: {tot} Tốt, {kha} Khá, {tb} Trung bình, {yeu} Yếu; Tốt and Khá: {share}.",
    },
    "documents.summary.total_none": {
        "vi": "Chưa có mô hình nào được quyết định xếp loại.",
        "en": "No model has a rating decision yet.",
    },
    "documents.summary.why.closed": {"vi": "đang kết thúc hoặc đã kết thúc", "en": "being closed or closed"},
    "documents.summary.why.decision-late": {"vi": "quá hạn quyết định xếp loại", "en": "the rating decision is late"},
    "documents.summary.why.decision-missing": {
        "vi": "chưa có quyết định xếp loại (còn hạn)",
        "en": "no rating decision yet (still in time)",
    },
    "documents.summary.why.not-eligible": {
        "vi": "chưa đủ thời gian hoạt động để xếp loại",
        "en": "not yet running long enough to be rated",
    },
    "documents.summary.why.not-established": {
        "vi": "chưa có quyết định thành lập",
        "en": "no establishment decision yet",
    },
    "documents.summary.why.proposal-late": {
        "vi": "quá hạn báo cáo đề xuất xếp loại",
        "en": "the rating proposal is late",
    },
    "documents.summary.why.proposal-missing": {
        "vi": "chưa có báo cáo đề xuất xếp loại (còn hạn)",
        "en": "no rating proposal yet (still in time)",
    },
    "documents.template_check_failed": {
        "vi": "Không dùng mẫu riêng {template} của hồ sơ vì mẫu có lỗi: {problems} Sửa mẫu rồi chạy `antt templates check`, hoặc xóa mẫu để dùng mẫu mặc định; không có gì được ghi.",
        "en": "The dossier's own template {template} is not used because it has problems: {problems} Fix it and run `antt templates check`, or remove it to use the shipped one; nothing was written.",
    },
    "documents.template_refused": {
        "vi": "Mẫu {template} (văn bản {kind}) dùng thẻ {tag}, thẻ antt không cho phép (đọc nội bộ đối "
              "tượng hoặc tệp khác); không có gì được ghi. Hãy bỏ thẻ đó khỏi mẫu (hoặc xóa mẫu ghi đè "
              "trong hồ sơ) rồi chạy lại.",
        "en": "Template {template} ({kind} document) uses the tag {tag}, which antt does not allow (it "
              "reaches object internals or other files); nothing was written. Remove that tag from the "
              "template (or the dossier's override) and run again.",
    },
}
