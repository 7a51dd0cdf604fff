"""Messages of the use cases (services)."""

MESSAGES: dict[str, dict[str, str]] = {
    "dossier.unit_required": {
        "vi": "Cần tên đơn vị (--unit) và tỉnh (--province).",
        "en": "The unit (--unit) and the province (--province) are required.",
    },
    "dossier.bad_unit_kind": {
        "vi": "Loại đơn vị '{value}' không hợp lệ; dùng một trong: {kinds}.",
        "en": "Unit kind '{value}' is not valid; use one of: {kinds}.",
    },
    "dossier.already": {
        "vi": "{path} đã là hồ sơ antt (có antt.yaml): không khởi tạo lại.",
        "en": "{path} is already an antt dossier (it has antt.yaml): not initialising again.",
    },
    "dossier.not_a_folder": {
        "vi": "{path} là một tệp, không phải thư mục; chọn đường dẫn khác.",
        "en": "{path} is a file, not a folder; choose another path.",
    },
    "dossier.bad_person": {
        "vi": "{option} '{value}' phải có dạng \"CHỨC DANH: HỌ TÊN\", ví dụ \"Chủ tịch: Trần Thị Hoa\".",
        "en": "{option} '{value}' must read \"TITLE: NAME\", e.g. \"Chủ tịch: Trần Thị Hoa\".",
    },
    "dossier.body_name_required": {
        "vi": "Cần tên cơ quan ban hành.",
        "en": "The body's name is required.",
    },
    "dossier.bad_code": {
        "vi": "Mã cơ quan '{code}' không hợp lệ (viết liền, không dấu cách hay '/', ví dụ UBND, CAX).",
        "en": "Body code '{code}' is not valid (one word, no spaces or '/', e.g. UBND, CAX).",
    },
    "dossier.body_exists": {
        "vi": "Cơ quan '{name}' đã có trong antt.yaml; sửa trực tiếp trong tệp nếu cần.",
        "en": "The body '{name}' is already in antt.yaml; edit the file to change it.",
    },
    "dossier.bad_successor": {
        "vi": "Cơ quan cũ '{old}' và cơ quan kế thừa '{new}' phải là hai tên khác nhau, không để trống.",
        "en": "The old body '{old}' and its successor '{new}' must be two different, non-empty names.",
    },
    "dossier.successor_exists": {
        "vi": "'{old}' đã có cơ quan kế thừa là '{new}'; sửa antt.yaml nếu cần thay đổi.",
        "en": "'{old}' already has the successor '{new}'; edit antt.yaml to change it.",
    },
    "dossier.successor_cycle": {
        "vi": "Ghi '{new}' kế thừa '{old}' sẽ tạo vòng lặp trong chuỗi kế thừa; kiểm tra lại antt.yaml.",
        "en": "Recording '{new}' as successor of '{old}' would make the chain a cycle; check antt.yaml.",
    },
}

MESSAGES.update({
    "cases.name_required": {"vi": "Cần tên (tên gọi tạm) của mô hình.", "en": "The model's (working) name is required."},
    "cases.area_required": {"vi": "Cần địa bàn của mô hình (--area).", "en": "The model's area is required (--area)."},
    "cases.bad_choice": {
        "vi": "{option} '{value}' không hợp lệ; dùng một trong: {allowed}.",
        "en": "{option} '{value}' is not valid; use one of: {allowed}.",
    },
    "cases.linked_needs_members": {
        "vi": "Mô hình liên kết cần ít nhất hai đơn vị thành viên (--member-unit … lặp lại cho mỗi đơn vị).",
        "en": "A linked model needs at least two member units (repeat --member-unit … for each).",
    },
    "cases.members_need_linked": {
        "vi": "--member-unit chỉ dùng cho mô hình liên kết: thêm --linked.",
        "en": "--member-unit is for linked models only: add --linked.",
    },
    "cases.duplicate_member": {
        "vi": "Đơn vị thành viên '{unit}' được nêu hai lần.",
        "en": "The member unit '{unit}' is given twice.",
    },
})

MESSAGES.update({
    "record.bad_set": {
        "vi": "--set '{pair}' phải có dạng KHÓA=GIÁ_TRỊ.",
        "en": "--set '{pair}' must read KEY=VALUE.",
    },
    "record.unknown_field": {
        "vi": "'{kind}' không nhận trường --set {key}; các trường dùng được: {allowed}.",
        "en": "'{kind}' takes no --set {key}; the keys it takes: {allowed}.",
    },
    "record.approval_only_survey_plan": {
        "vi": "--approved-by / --approved-date chỉ dùng cho kế hoạch khảo sát (survey-plan).",
        "en": "--approved-by / --approved-date apply to the survey plan (survey-plan) only.",
    },
    "record.members_not_taken": {
        "vi": "'{kind}' không kèm danh sách thành viên: bỏ --members (dùng cho consultation, steering-committee-decision, member-list-decision, consolidation).",
        "en": "'{kind}' carries no member list: drop --members (it is for consultation, steering-committee-decision, member-list-decision, consolidation).",
    },
    "record.issuer_required": {
        "vi": "Chưa biết cơ quan ban hành '{kind}': thêm --issuer \"TÊN CƠ QUAN\".",
        "en": "The issuing body of '{kind}' is not known: add --issuer \"BODY NAME\".",
    },
    "record.signer_required": {
        "vi": "Chưa biết người ký '{kind}' của {issuer}: thêm --signer \"HỌ TÊN\" --signer-title \"CHỨC DANH\" hoặc khai người đứng đầu bằng `antt bodies add … --head \"Chức danh: Họ tên\"`.",
        "en": "The signer of '{kind}' for {issuer} is not known: add --signer \"NAME\" --signer-title \"TITLE\" or declare the head with `antt bodies add … --head \"Title: Name\"`.",
    },
    "record.signer_title_required": {
        "vi": "Cần chức danh của người ký {name}: thêm --signer-title \"CHỨC DANH\".",
        "en": "The title of the signer {name} is needed: add --signer-title \"TITLE\".",
    },
    "record.number_required": {
        "vi": "'{kind}' là văn bản có số: thêm --number (ví dụ 05/QĐ-UBND) hoặc --number auto cho cơ quan của đơn vị.",
        "en": "'{kind}' is a numbered document: add --number (e.g. 05/QĐ-UBND) or --number auto for the unit's own body.",
    },
    "record.auto_not_own": {
        "vi": "--number auto chỉ cấp số cho cơ quan của đơn vị (khai bằng `antt bodies add … --own`); '{issuer}' không phải: ghi số bằng tay.",
        "en": "--number auto allocates only for the unit's own bodies (`antt bodies add … --own`); '{issuer}' is not one: give the number by hand.",
    },
    "record.bad_number": {
        "vi": "Số văn bản '{number}' sai thể thức (NĐ 30/2020): viết như {example}, số từ 01.",
        "en": "Document number '{number}' is not in the official form (NĐ 30/2020): write it like {example}, from 01.",
    },
    "record.number_used": {
        "vi": "Số {number} của {issuer} năm {year} đã được dùng cho văn bản khác; kiểm tra lại --number.",
        "en": "Number {number} of {issuer} in {year} is already used by another document; check --number.",
    },
    "record.bad_year": {
        "vi": "Năm '{value}' không hợp lệ (ví dụ 2026).",
        "en": "Year '{value}' is not valid (e.g. 2026).",
    },
    "record.model_only": {
        "vi": "{id} không phải mô hình: `antt record` ở đây chỉ ghi văn bản của mô hình.",
        "en": "{id} is not a model: `antt record` here records model documents only.",
    },
    "record.use_plan": {
        "vi": "Kế hoạch hoạt động năm ghi bằng `antt plan {id} --year NĂM --target …` (kèm chỉ tiêu).",
        "en": "The annual plan is recorded with `antt plan {id} --year YEAR --target …` (with its targets).",
    },
    "record.no_libreoffice": {
        "vi": "--pdf cần LibreOffice (soffice) mà máy này chưa cài; cài LibreOffice hoặc bỏ --pdf.",
        "en": "--pdf needs LibreOffice (soffice), which is not installed; install it or drop --pdf.",
    },
    "record.pdf_failed": {
        "vi": "LibreOffice không chuyển được {file} sang PDF; thử lại không có --pdf.",
        "en": "LibreOffice could not convert {file} to PDF; try again without --pdf.",
    },
    "record.attach_missing": {
        "vi": "Không có tệp đính kèm {file}.",
        "en": "The attachment {file} does not exist.",
    },
    "record.attach_too_big": {
        "vi": "Tệp {file} nặng {mb} MB, quá giới hạn {max} MB (rules.attach_max_mb trong antt.yaml).",
        "en": "The file {file} is {mb} MB, over the {max} MB limit (rules.attach_max_mb in antt.yaml).",
    },
})

MESSAGES.update({
    "plans.bad_target": {
        "vi": "Chỉ tiêu '{spec}' sai dạng: dùng \"NỘI DUNG=SỐ\" (ít nhất), \"NỘI DUNG<=SỐ\" (không quá) hoặc \"NỘI DUNG\" (có/không).",
        "en": "Target '{spec}' is malformed: use \"TEXT=NUMBER\" (at least), \"TEXT<=NUMBER\" (at most) or \"TEXT\" (yes/no).",
    },
    "plans.duplicate_target": {
        "vi": "Chỉ tiêu '{text}' được nêu hai lần.",
        "en": "The target '{text}' is given twice.",
    },
    "plans.bad_year": {
        "vi": "Năm đánh giá {year} không hợp lệ (2000–2100).",
        "en": "Evaluation year {year} is not valid (2000–2100).",
    },
    "plans.no_targets": {
        "vi": "Kế hoạch năm {year} không có chỉ tiêu nào nên không thể xếp loại theo tỷ lệ hoàn thành chỉ tiêu.",
        "en": "The {year} plan has no targets, so it cannot be rated on completion.",
    },
    "plans.no_plan": {
        "vi": "{id} chưa có kế hoạch hoạt động năm {year}; ghi bằng `antt plan {id} --year {year} --target …`.",
        "en": "{id} has no annual plan for {year}; record it with `antt plan {id} --year {year} --target …`.",
    },
    "plans.unknown_target": {
        "vi": "Kế hoạch năm {year} không có chỉ tiêu '{target}'; các chỉ tiêu: {targets}.",
        "en": "The {year} plan has no target '{target}'; its targets: {targets}.",
    },
    "plans.achieved_or_done": {
        "vi": "Cho đúng một trong hai: --achieved SỐ (chỉ tiêu số) hoặc --done (chỉ tiêu có/không).",
        "en": "Give exactly one of --achieved NUMBER (numeric target) or --done (yes/no target).",
    },
    "plans.yes_no_needs_done": {
        "vi": "Chỉ tiêu '{text}' là loại có/không: dùng --done, không dùng --achieved.",
        "en": "The target '{text}' is yes/no: use --done, not --achieved.",
    },
    "plans.number_needs_achieved": {
        "vi": "Chỉ tiêu '{text}' là chỉ tiêu số: dùng --achieved SỐ, không dùng --done.",
        "en": "The target '{text}' is numeric: use --achieved NUMBER, not --done.",
    },
    "plans.bad_number": {
        "vi": "'{value}' không phải số hợp lệ (số không âm, có thể có phần thập phân).",
        "en": "'{value}' is not a valid number (non-negative, decimals allowed).",
    },
    "plans.progress_before_plan": {
        "vi": "Ngày cập nhật {date} sớm hơn ngày kế hoạch ({plan_date}); sửa --date.",
        "en": "The update date {date} is before the plan's date ({plan_date}); fix --date.",
    },
})

MESSAGES.update({
    "amend.reason_required": {
        "vi": "Đính chính cần lý do: thêm --reason \"…\".",
        "en": "A correction needs its reason: add --reason \"…\".",
    },
    "amend.not_recorded": {
        "vi": "{id} chưa ghi '{kind}' nên không có gì để đính chính; ghi bằng `antt record`.",
        "en": "{id} has no '{kind}' recorded, so there is nothing to correct; record it with `antt record`.",
    },
    "amend.nothing": {
        "vi": "Không có gì thay đổi ở '{kind}' của {id}: nêu giá trị mới với --number, --date, --issuer, --signer (kế hoạch năm: --target).",
        "en": "Nothing changes in '{kind}' of {id}: give a new value with --number, --date, --issuer, --signer (annual plan: --target).",
    },
    "amend.targets_only_plan": {
        "vi": "--target chỉ dùng khi đính chính kế hoạch hoạt động năm (annual-plan), không dùng cho '{kind}'.",
        "en": "--target is for correcting an annual plan (annual-plan) only, not '{kind}'.",
    },
    "amend.after_dependent": {
        "vi": "Ngày mới của '{kind}' ({date}) muộn hơn '{later}' ({later_date}) vốn phải theo sau nó; sửa --date.",
        "en": "The new date of '{kind}' ({date}) is later than '{later}' ({later_date}), which must follow it; fix --date.",
    },
})

MESSAGES.update({
    "draft.inside_dossier": {
        "vi": "Bản nháp không được ghi vào trong thư mục hồ sơ ({file}): chọn -o ở ngoài hồ sơ.",
        "en": "A draft may not be written inside the dossier ({file}): choose an -o outside it.",
    },
})

MESSAGES.update({
    "demo.not_empty": {
        "vi": "{path} đã có nội dung: chọn một thư mục mới hoặc rỗng cho hồ sơ mẫu.",
        "en": "{path} is not empty: choose a new or empty folder for the demo dossier.",
    },
    "demo.done": {"vi": "Hồ sơ mẫu: {path}", "en": "Demo dossier: {path}"},
    "demo.step_failed": {
        "vi": "Bước demo thất bại: {command} — {detail}",
        "en": "A demo step failed: {command} — {detail}",
    },
})
