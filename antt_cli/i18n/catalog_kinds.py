"""Messages of the kind specs, the typed pipeline and its rules (issue: second pass)."""

MESSAGES: dict[str, dict[str, str]] = {
    "store.bad_kind_spec": {
        "vi": "Tệp đặc tả loại văn bản {file} không hợp lệ: {detail}. Hãy sửa tệp (xem docs/kinds.md).",
        "en": "The document kind spec {file} is invalid: {detail}. Fix the file (see docs/kinds.md).",
    },
    "domain.plan_year_ended": {
        "vi": "Năm đánh giá {year} đã kết thúc (31/10/{year}) trước ngày của kế hoạch ({date}): hãy lập kế hoạch cho năm đánh giá hiện tại hoặc năm sau.",
        "en": "Evaluation year {year} ended (31/10/{year}) before the plan's date ({date}): plan the current or the next evaluation year.",
    },
    "domain.plan_before_opening": {
        "vi": "Không thể lập kế hoạch năm {year}: hồ sơ mở ngày {opened}, sau năm đánh giá đó. Hãy chọn năm đánh giá từ khi mở hồ sơ.",
        "en": "Cannot plan year {year}: the case was opened on {opened}, after that evaluation year. Choose an evaluation year from the opening on.",
    },
    "domain.launch_needs_plan": {
        "vi": "Chưa có kế hoạch hoạt động năm {year} hoặc năm {next} (năm đánh giá chứa ngày ra mắt hoặc năm sau; hiện có: {have}). Hãy ghi kế hoạch bằng `antt plan … --year {year}` hoặc `--year {next}` trước khi ra mắt.",
        "en": "There is no annual plan for evaluation year {year} or {next} (the year of the launch date or the next one; recorded: {have}). Record one with `antt plan … --year {year}` or `--year {next}` before the launch.",
    },
    "domain.date_before_opening": {
        "vi": "Ngày {date} sớm hơn ngày mở hồ sơ {id} ({opened}). Hãy kiểm tra lại --date.",
        "en": "The date {date} is before case {id} was opened ({opened}). Check --date.",
    },
    "domain.field_required": {
        "vi": "Loại {kind} cần trường {key} ({help}): hãy thêm --set {key}=…{choices}.",
        "en": "Kind {kind} needs the field {key} ({help}): add --set {key}=…{choices}.",
    },
    "domain.field_choice": {
        "vi": "Giá trị '{value}' của {key} không hợp lệ; chọn một trong: {choices}.",
        "en": "'{value}' is not a valid {key}; choose one of: {choices}.",
    },
    "domain.attachments_required": {
        "vi": "Loại {kind} cần tệp đính kèm: hãy thêm --attach TỆP (bản chụp tài liệu chứng minh).",
        "en": "Kind {kind} needs attached files: add --attach FILE (scans of the evidence).",
    },
    "domain.attachments_not_taken": {
        "vi": "Loại {kind} không nhận tệp đính kèm (--attach).",
        "en": "Kind {kind} takes no attached files (--attach).",
    },
    "domain.approval_required_after": {
        "vi": "Ngày {date} của {kind} sớm hơn ngày phê duyệt {prior} ({approved}). Hãy dùng ngày từ {approved} trở đi.",
        "en": "The date {date} of {kind} is before the approval of {prior} ({approved}). Use a date on or after {approved}.",
    },
    "domain.dependent_before": {
        "vi": "Không thể đổi ngày {kind} thành {date}: {later} đã ghi ngày {later_date}, sớm hơn. Hãy đính chính {later} trước.",
        "en": "Cannot move {kind} to {date}: {later} is dated {later_date}, earlier. Amend {later} first.",
    },
    "domain.use_command": {
        "vi": "Loại {kind} được ghi bằng lệnh `antt {command}` (xem `antt {command} --help`).",
        "en": "Kind {kind} is recorded with `antt {command}` (see `antt {command} --help`).",
    },
}

MESSAGES.update({
    "amend.unknown_target": {
        "vi": "Không có chỉ tiêu '{target}' trong kế hoạch; các chỉ tiêu: {targets}.",
        "en": "The plan has no target '{target}'; its targets: {targets}.",
    },
    "amend.year_required": {
        "vi": "Hồ sơ có nhiều văn bản {kind} (năm {years}): hãy chỉ rõ năm bằng --year.",
        "en": "The case has several {kind} documents (years {years}): say which with --year.",
    },
    "audit.rests_on_dirty": {
        "vi": "Tệp {file} có chỉnh sửa chưa commit, văn bản sẽ dựa trên dữ liệu chưa lưu vết. Hãy commit chỉnh sửa (`git add {file} && git commit -m \"Sửa {file}\"`) hoặc hoàn tác (`git checkout -- {file}`), rồi chạy lại.",
        "en": "{file} has uncommitted edits; the document would rest on data the audit trail lacks. Commit the edit (`git add {file} && git commit -m \"Edit {file}\"`) or undo it (`git checkout -- {file}`), then run the command again.",
    },
})

MESSAGES.update({
    "services.bad_antt_today": {
        "vi": "Biến môi trường ANTT_TODAY='{value}' không phải ngày hợp lệ: hãy dùng YYYY-MM-DD (ví dụ 2026-06-20) hoặc bỏ biến này.",
        "en": "The environment variable ANTT_TODAY='{value}' is not a valid date: use YYYY-MM-DD (e.g. 2026-06-20) or unset it.",
    },
})

MESSAGES.update({
    "record.number_not_taken": {
        "vi": "{title} ({kind}) không mang số văn bản: hãy bỏ --number.",
        "en": "{title} ({kind}) carries no document number: leave out --number.",
    },
})
