"""Messages of the domain rules (refusals with their reasons)."""

MESSAGES: dict[str, dict[str, str]] = {
    "domain.unknown_kind": {
        "vi": "Loại văn bản '{kind}' không có; dùng một trong: {kinds}.",
        "en": "There is no document kind '{kind}'; use one of: {kinds}.",
    },
    "domain.case_closed": {
        "vi": "{id} đã kết thúc (closed): không nhận thêm thay đổi nào.",
        "en": "{id} is closed: it accepts no further change.",
    },
    "domain.linked_only": {
        "vi": "{id} không phải mô hình liên kết: không ghi được '{kind}' ({title}), loại này chỉ dành cho mô hình liên kết.",
        "en": "{id} is not a linked model: '{kind}' ({title}) is for linked models only.",
    },
    "domain.already_recorded": {
        "vi": "{id} đã ghi '{kind}' ({title}); để sửa số, ngày, cơ quan ban hành hay người ký, dùng `antt amend {id} {kind} --reason …`.",
        "en": "{id} already has '{kind}' ({title}); to correct its number, date, issuer or signer use `antt amend {id} {kind} --reason …`.",
    },
    "domain.missing_prerequisites": {
        "vi": "Chưa ghi được '{kind}' cho {id}: còn thiếu {missing}.",
        "en": "Cannot record '{kind}' for {id} yet: first record {missing}.",
    },
    "domain.date_required": {
        "vi": "Văn bản '{kind}' cần ngày ban hành (--date).",
        "en": "The '{kind}' document needs its date (--date).",
    },
    "domain.date_in_future": {
        "vi": "Ngày {date} ở sau hôm nay ({today}): chỉ ghi văn bản đã ban hành; sửa --date.",
        "en": "The date {date} is after today ({today}): only issued documents are recorded; fix --date.",
    },
    "domain.date_before_prerequisite": {
        "vi": "Ngày của '{kind}' ({date}) sớm hơn ngày của '{prior}' ({prior_date}) mà nó phải theo sau; sửa --date.",
        "en": "The date of '{kind}' ({date}) is earlier than that of '{prior}' ({prior_date}), which it must follow; fix --date.",
    },
    "domain.survey_plan_unapproved": {
        "vi": "Kế hoạch khảo sát của {id} chỉ được ghi khi đã được phê duyệt (HD 163 §III.1.a): thêm --approved-by và --approved-date; bản chưa duyệt là bản nháp (`antt draft`).",
        "en": "The survey plan of {id} is recorded only once approved (HD 163 §III.1.a): add --approved-by and --approved-date; an unapproved plan is a draft (`antt draft`).",
    },
    "domain.approval_before_plan": {
        "vi": "Ngày phê duyệt ({approved}) sớm hơn ngày của kế hoạch khảo sát ({date}); sửa --approved-date hoặc --date.",
        "en": "The approval date ({approved}) is earlier than the survey plan's date ({date}); fix --approved-date or --date.",
    },
    "domain.report_before_approval": {
        "vi": "Báo cáo kết quả khảo sát ({date}) không được sớm hơn ngày phê duyệt kế hoạch khảo sát ({approved}); sửa --date.",
        "en": "The survey report ({date}) may not be earlier than the survey plan's approval ({approved}); fix --date.",
    },
    "domain.issuer_not_authority": {
        "vi": "'{kind}' phải do cùng cấp có thẩm quyền ban hành các quyết định bước 4 ({authority}), không phải '{issuer}' (HD 163 §III.1.d); sửa --issuer.",
        "en": "'{kind}' must be issued by the same authority as the step-4 decisions ({authority}), not '{issuer}' (HD 163 §III.1.d); fix --issuer.",
    },
    "domain.members_required": {
        "vi": "'{kind}' cần danh sách thành viên: thêm --members FILE.csv (cột name, role, unit, phone).",
        "en": "'{kind}' needs its member list: add --members FILE.csv (columns name, role, unit, phone).",
    },
    "domain.lead_unit_required": {
        "vi": "{id} là mô hình liên kết: biên bản lấy ý kiến phải nêu đơn vị được đề cử làm Trưởng mô hình (--set lead_unit=…, thứ tự luân phiên --set lead_units=A,B).",
        "en": "{id} is a linked model: the consultation must name the nominated lead unit (--set lead_unit=…, rotation order --set lead_units=A,B).",
    },
    "domain.lead_unit_not_member": {
        "vi": "'{unit}' không phải đơn vị thành viên của mô hình liên kết (thành viên: {members}).",
        "en": "'{unit}' is not a member unit of the linked model (members: {members}).",
    },
    "domain.no_rotation_order": {
        "vi": "{id} không có thứ tự luân phiên Trưởng mô hình (ghi khi lấy ý kiến, --set lead_units=A,B): không ghi được luân phiên.",
        "en": "{id} has no rotation order of the lead unit (set at consultation, --set lead_units=A,B): no rotation can be recorded.",
    },
    "domain.rotation_authority_required": {
        "vi": "Luân phiên Trưởng mô hình của {id} cần cấp có thẩm quyền quản lý đơn vị mới: thêm --set authority=….",
        "en": "The lead rotation of {id} needs the authority over the new lead unit: add --set authority=….",
    },
    "domain.bad_period": {
        "vi": "Kỳ báo cáo '{period}' không hợp lệ; dùng --period (hoặc --set period=) với một trong: {periods}.",
        "en": "Report period '{period}' is not valid; use --period (or --set period=) with one of: {periods}.",
    },
    "domain.plan_year_required": {
        "vi": "Kế hoạch hoạt động năm cần năm đánh giá: dùng `antt plan ID --year NĂM --target …`.",
        "en": "An annual plan needs its evaluation year: use `antt plan ID --year YEAR --target …`.",
    },
    "domain.plan_exists": {
        "vi": "{id} đã có kế hoạch hoạt động năm {year}; để sửa, dùng `antt amend {id} annual-plan --reason …`.",
        "en": "{id} already has the annual plan of {year}; to correct it use `antt amend {id} annual-plan --reason …`.",
    },
    "domain.huyen_abolished": {
        "vi": "Từ {date} không còn cấp huyện: mô hình mở từ ngày đó chọn --level xa hoặc tinh (chỉ mô hình mở trước đó mới giữ cấp huyện lịch sử).",
        "en": "Since {date} there is no district level: a model opened since then takes --level xa or tinh (only models opened before keep the historical district level).",
    },
}
