"""Messages of the guideline's rules (domain/): refusals with their reasons, document numbers."""

MESSAGES: dict[str, dict[str, str]] = {
    "domain.adoption.bad_choice": {
        "vi": "'{value}' không có trong danh sách; dùng một trong: {allowed}.",
        "en": "'{value}' is not in the list; use one of: {allowed}.",
    },
    "domain.adoption.bad_date": {
        "vi": "'{value}' không phải một ngày có thật; viết dd/mm/yyyy (ví dụ 05/03/2019) hoặc YYYY-MM-DD.",
        "en": "'{value}' is not a real date; write dd/mm/yyyy (e.g. 05/03/2019) or YYYY-MM-DD.",
    },
    "domain.adoption.bad_year": {
        "vi": "'{value}' không phải năm đánh giá; viết bốn chữ số, ví dụ 2024.",
        "en": "'{value}' is not an evaluation year; write four digits, e.g. 2024.",
    },
    "domain.adoption.blank": {
        "vi": "ô trống: cột '{column}' phải có giá trị trên mọi dòng.",
        "en": "blank cell: column '{column}' needs a value on every row.",
    },
    "domain.adoption.case_needs": {
        "vi": "hồ sơ {ref} chưa có giá trị ở cột '{column}' trên dòng nào; ghi ít nhất ở dòng đầu của hồ sơ.",
        "en": "case {ref} has no value in column '{column}' on any row; give it at least on the case's first row.",
    },
    "domain.adoption.conflict": {
        "vi": "'{value}' khác với '{first}' ở dòng {first_row} của cùng hồ sơ {ref}; các dòng của một hồ sơ ghi giống nhau (hoặc để trống).",
        "en": "'{value}' differs from '{first}' on row {first_row} of the same case {ref}; the rows of one case agree (or leave it blank).",
    },
    "domain.adoption.date_ahead": {
        "vi": "ngày {date} sau ngày tiếp nhận {day}; một văn bản đã ban hành không thể mang ngày sau đó — sửa ngày, hoặc tiếp nhận với --date muộn hơn.",
        "en": "date {date} is after the adoption day {day}; an issued document cannot be dated later — fix the date, or adopt with a later --date.",
    },
    "domain.adoption.date_order": {
        "vi": "{kind} ngày {date} sớm hơn {prior} ngày {prior_date} (dòng {prior_row}) mà nó phải theo sau; sửa một trong hai ngày.",
        "en": "{kind} dated {date} is earlier than {prior} dated {prior_date} (row {prior_row}), which it must follow; fix one of the two dates.",
    },
    "domain.adoption.exemplar_needs": {
        "vi": "điển hình {ref} cần giá trị ở cột này: {allowed}.",
        "en": "exemplar {ref} needs a value in this column: {allowed}.",
    },
    "domain.adoption.exemplar_only": {
        "vi": "cột này chỉ dành cho điển hình; hồ sơ {ref} là mô hình — để trống ô này.",
        "en": "this column is for exemplars only; case {ref} is a model — leave the cell blank.",
    },
    "domain.adoption.grade_not_taken": {
        "vi": "{kind} không có mức xếp loại; chỉ điền cột này cho văn bản đề nghị hoặc quyết định xếp loại.",
        "en": "{kind} carries no grade; fill this column only for a rating proposal or decision.",
    },
    "domain.adoption.grade_required": {
        "vi": "{kind} cần mức xếp loại đã quyết định: {allowed}.",
        "en": "{kind} needs the grade decided: {allowed}.",
    },
    "domain.adoption.issuer_near_miss": {
        "vi": "'{given}' gần giống cơ quan đã khai báo '{known}': viết đúng '{known}', hoặc khai báo cơ quan khác bằng `antt bodies add`.",
        "en": "'{given}' is a near miss of the declared body '{known}': write '{known}', or declare another body with `antt bodies add`.",
    },
    "domain.adoption.linked_only": {
        "vi": "{kind} chỉ có ở mô hình liên kết; hồ sơ {ref} không liên kết — ghi 'có' ở cột Liên kết, hoặc bỏ dòng này.",
        "en": "{kind} belongs to linked models only; case {ref} is not linked — write 'yes' in the linked column, or drop this row.",
    },
    "domain.adoption.missing_column": {
        "vi": "thiếu cột '{column}' (hoặc '{vi}') ở dòng tiêu đề.",
        "en": "the header row has no column '{column}' (or '{vi}').",
    },
    "domain.adoption.no_rows": {
        "vi": "bảng tính chỉ có dòng tiêu đề; thêm mỗi văn bản một dòng.",
        "en": "the sheet has only its header row; add one row per document.",
    },
    "domain.adoption.not_authority": {
        "vi": "{kind} phải do cấp có thẩm quyền của mô hình ({authority}) hoặc cơ quan kế thừa ban hành, không phải '{issuer}'; sửa cơ quan ban hành, hoặc khai báo cơ quan kế thừa bằng `antt bodies successor`.",
        "en": "{kind} must be issued by the model's authority ({authority}) or its successor, not '{issuer}'; fix the issuer, or map the successor with `antt bodies successor`.",
    },
    "domain.adoption.number_held": {
        "vi": "số {number} của {issuer} năm {year} đã có trong hồ sơ ({other}, {other_id}); mỗi cơ quan chỉ cấp một số một lần trong năm — sửa số (hồ sơ này đã được tiếp nhận?).",
        "en": "number {number} of {issuer} in {year} is already in the dossier ({other}, {other_id}); a body gives a number once a year — fix the number (was this case adopted already?).",
    },
    "domain.adoption.number_twice": {
        "vi": "số {number} của {issuer} năm {year} đã dùng ở dòng {other_row}; mỗi cơ quan chỉ cấp một số một lần trong năm — sửa một trong hai số.",
        "en": "number {number} of {issuer} in {year} is already used on row {other_row}; a body gives a number once a year — fix one of the two.",
    },
    "domain.adoption.scan_missing": {
        "vi": "không có tệp '{file}'; đường dẫn tính từ thư mục của bảng tính — sửa đường dẫn, hoặc để trống ô nếu không có bản quét.",
        "en": "no file '{file}'; the path is relative to the sheet's folder — fix it, or leave the cell blank when there is no scan.",
    },
    "domain.adoption.step4_issuer": {
        "vi": "{kind} do '{issuer}' ban hành, nhưng {first} (dòng {first_row}) do '{authority}'; các quyết định bước 4 cùng một cơ quan ban hành — sửa cho đúng '{authority}'.",
        "en": "{kind} is issued by '{issuer}', but {first} (row {first_row}) by '{authority}'; the step-4 decisions share one issuer — write '{authority}'.",
    },
    "domain.adoption.twice": {
        "vi": "{kind} đã có ở dòng {other_row} (năm {year}); một hồ sơ chỉ có một văn bản loại này (mỗi năm) — bỏ một trong hai dòng.",
        "en": "{kind} is already on row {other_row} (year {year}); a case has one document of this kind (a year) — drop one of the two rows.",
    },
    "domain.adoption.unknown_column": {
        "vi": "cột không có trong mẫu; các cột: {columns}.",
        "en": "not a column of the sheet; the columns: {columns}.",
    },
    "domain.adoption.year_not_taken": {
        "vi": "{kind} không thuộc một năm đánh giá; để trống cột này.",
        "en": "{kind} belongs to no evaluation year; leave this column blank.",
    },
    "domain.adoption.year_required": {
        "vi": "{kind} cần năm đánh giá ở cột này, ví dụ 2024.",
        "en": "{kind} needs its evaluation year in this column, e.g. 2024.",
    },
    "domain.already_recorded": {
        "vi": "{id} đã ghi '{kind}' ({title}); để sửa số, ngày, cơ quan ban hành hay người ký, dùng `antt amend {id} {kind} --reason …`.",
        "en": "{id} already has '{kind}' ({title}); to correct its number, date, issuer or signer use `antt amend {id} {kind} --reason …`.",
    },
    "domain.approval_before_plan": {
        "vi": "Ngày phê duyệt ({approved}) sớm hơn ngày của {kind} ({date}); sửa --approved-date hoặc --date.",
        "en": "The approval date ({approved}) is earlier than the date of the {kind} ({date}); fix --approved-date or --date.",
    },
    "domain.approval_required": {
        "vi": "{kind} của {id} chỉ được ghi khi đã được phê duyệt (HD 163 §III.1.a): thêm --approved-by và --approved-date; bản chưa duyệt là bản nháp (`antt draft`).",
        "en": "The {kind} of {id} is recorded only once approved (HD 163 §III.1.a): add --approved-by and --approved-date; an unapproved one is a draft (`antt draft`).",
    },
    "domain.approval_required_after": {
        "vi": "Ngày {date} của {kind} sớm hơn ngày phê duyệt {prior} ({approved}). Hãy dùng ngày từ {approved} trở đi.",
        "en": "The date {date} of {kind} is before the approval of {prior} ({approved}). Use a date on or after {approved}.",
    },
    "domain.attachments_required": {
        "vi": "Loại {kind} cần tệp đính kèm: hãy thêm --attach TỆP (bản chụp tài liệu chứng minh).",
        "en": "Kind {kind} needs attached files: add --attach FILE (scans of the evidence).",
    },
    "domain.body_ambiguous": {
        "vi": "Cơ quan ban hành '{given}' viết không dấu có thể là nhiều cơ quan trong antt.yaml: {bodies}; hãy gõ tên có dấu.",
        "en": "The issuing body '{given}', written without diacritics, could be several bodies in antt.yaml: {bodies}; type the name with its diacritics.",
    },
    "domain.case_closed": {
        "vi": "{id} đã kết thúc (closed): không nhận thêm thay đổi nào.",
        "en": "{id} is closed: it accepts no further change.",
    },
    "domain.case_closed_by": {
        "vi": "{id} đã kết thúc theo Quyết định kết thúc mô hình số {number} ngày {date} của {issuer}: không nhận thêm thay đổi nào.",
        "en": "{id} was closed by the closure decision no. {number} of {date} ({issuer}): it accepts no further change.",
    },
    "domain.checklist.replicate": {
        "vi": "Nhân rộng mô hình sang địa bàn, lĩnh vực khác (mô hình xếp loại Tốt)",
        "en": "Replicate the model to another area or field (a model graded Good)",
    },
    "domain.clock_required": {
        "vi": "{option} '{value}' không phải giờ hợp lệ: gõ giờ:phút theo 24 giờ, ví dụ 08:00 hoặc 14:30.",
        "en": "{option} '{value}' is not a valid time: type hours:minutes on the 24-hour clock, e.g. 08:00 or 14:30.",
    },
    "domain.closing_refuses": {
        "vi": "{id} đang trong trình tự kết thúc mô hình: không ghi thêm {title} ({kind}); chỉ ghi tiếp các bước kết thúc và báo cáo, minh chứng, sổ quỹ, khen thưởng về hoạt động đã có.",
        "en": "{id} is being closed: no further {title} ({kind}) is recorded; only the remaining closure steps and reports, evidence, fund ledger and commendations of what it has done.",
    },
    "domain.closure_models_only": {
        "vi": "{id} không phải mô hình: chỉ mô hình mới kết thúc theo §III.3.",
        "en": "{id} is not a model: only models are closed under §III.3.",
    },
    "domain.closure_no_grade": {
        "vi": "{id} chưa có quyết định công nhận mức xếp loại nào: chỉ kết thúc sau một năm xếp loại Yếu, hoặc dùng --unfit nếu mô hình không còn phù hợp với thực tiễn (§III.3).",
        "en": "{id} has no rating decision yet: a model is closed only after a Yếu year, or with --unfit when it no longer fits practice (§III.3).",
    },
    "domain.closure_not_active": {
        "vi": "{id} chưa ra mắt (chưa hoạt động): chưa thể kết thúc mô hình.",
        "en": "{id} has not been launched (not active): it cannot be closed yet.",
    },
    "domain.closure_not_weak": {
        "vi": "{id} có mức xếp loại được quyết định gần nhất là {grade}, không phải Yếu: chỉ kết thúc khi mô hình hoạt động Yếu, hoặc dùng --unfit nếu mô hình không còn phù hợp với thực tiễn (§III.3).",
        "en": "The latest decided grade of {id} is {grade}, not Yếu: a model is closed only after a Yếu year, or with --unfit when it no longer fits practice (§III.3).",
    },
    "domain.closure_reason_required": {
        "vi": "Cần nêu nguyên nhân, lý do kết thúc mô hình (--reason).",
        "en": "Give the causes and reasons for closing the model (--reason).",
    },
    "domain.closure_started": {
        "vi": "{id} đã bắt đầu kết thúc (trạng thái {status}); ghi tiếp các bước bằng `antt record {id} …`.",
        "en": "{id} is already being closed (status {status}); record the next steps with `antt record {id} …`.",
    },
    "domain.consistency.date_order": {
        "vi": "{kind} ngày {date} sớm hơn {other} mà nó dựa vào (ngày {other_date}); sửa ngày bằng `antt amend`.",
        "en": "{kind} dated {date} is earlier than the {other} it rests on (dated {other_date}); correct the date with `antt amend`.",
    },
    "domain.consistency.file_edited": {
        "vi": "Tệp {file} đã bị sửa tay (không khớp mã băm đã lưu); nếu đó là bản đã ban hành, ghi nhận bằng `antt accept {id} {cli}{year}`.",
        "en": "File {file} was edited by hand (it no longer matches its stored hash); if that is the issued version, record it with `antt accept {id} {cli}{year}`.",
    },
    "domain.consistency.file_missing": {
        "vi": "Thiếu tệp {file} của {kind}; khôi phục tệp (git checkout -- {file}) hoặc ghi lại văn bản.",
        "en": "File {file} of the {kind} is missing; restore it (git checkout -- {file}) or record the document again.",
    },
    "domain.consistency.historical_authority": {
        "vi": "cấp có thẩm quyền '{authority}' là cơ quan cấp huyện đã không còn, chưa có cơ quan kế thừa: khai báo bằng `antt bodies successor \"{authority}\" \"<cơ quan kế thừa>\"` để xếp loại và kết thúc mô hình.",
        "en": "the authority '{authority}' is a district body that no longer exists, with no successor mapped: map one with `antt bodies successor \"{authority}\" \"<successor>\"` so the model can be rated and closed.",
    },
    "domain.consistency.issuer_not_authority": {
        "vi": "{kind} do {issuer} ban hành, không phải cấp có thẩm quyền của mô hình ({authority}) hay cơ quan kế thừa; sửa bằng `antt amend --issuer` hoặc khai `antt bodies successor`.",
        "en": "{kind} was issued by {issuer}, not the model's authority ({authority}) or its successor; correct it with `antt amend --issuer` or declare `antt bodies successor`.",
    },
    "domain.consistency.number_twice": {
        "vi": "Số {number} đã dùng cho {other} ({other_id} {other_kind}) của cùng cơ quan năm {year}; mỗi cơ quan một sổ văn bản mỗi năm: sửa số bằng `antt amend --number`.",
        "en": "Number {number} was already used as {other} ({other_id} {other_kind}) by the same body in {year}; one register per body per year: correct it with `antt amend --number`.",
    },
    "domain.count_required": {
        "vi": "Cần số thành viên '{key}' là một số nguyên không âm (--set {key}=N), không phải '{value}'.",
        "en": "'{key}' must be a whole number of members (--set {key}=N), not '{value}'.",
    },
    "domain.date_before_opening": {
        "vi": "Ngày {date} sớm hơn ngày mở hồ sơ {id} ({opened}). Hãy kiểm tra lại --date.",
        "en": "The date {date} is before case {id} was opened ({opened}). Check --date.",
    },
    "domain.date_before_prerequisite": {
        "vi": "Ngày của '{kind}' ({date}) sớm hơn ngày của '{prior}' ({prior_date}) mà nó phải theo sau; sửa --date.",
        "en": "The date of '{kind}' ({date}) is earlier than that of '{prior}' ({prior_date}), which it must follow; fix --date.",
    },
    "domain.date_in_future": {
        "vi": "Ngày {date} ở sau hôm nay ({today}): chỉ ghi văn bản đã ban hành; sửa --date.",
        "en": "The date {date} is after today ({today}): only issued documents are recorded; fix --date.",
    },
    "domain.date_required": {
        "vi": "Văn bản '{kind}' cần ngày ban hành (--date).",
        "en": "The '{kind}' document needs its date (--date).",
    },
    "domain.dependent_before": {
        "vi": "Không thể đổi ngày {kind} thành {date}: {later} đã ghi ngày {later_date}, sớm hơn. Hãy đính chính {later} trước.",
        "en": "Cannot move {kind} to {date}: {later} is dated {later_date}, earlier. Amend {later} first.",
    },
    "domain.exemplar.criteria_after_evaluation": {
        "vi": "{id} đã được đánh giá theo bộ tiêu chí hiện có: không thêm tiêu chí sau khi đánh giá.",
        "en": "{id} has been judged on its present criteria: no criterion is added after an evaluation.",
    },
    "domain.exemplar.ending_not_proposed": {
        "vi": "{id} đã được công nhận: quyết định kết thúc cần một lần đánh giá lại đề xuất kết thúc (`antt evaluate {id}`: dưới 70% tiêu chí, hoặc --unfit --reason \"…\").",
        "en": "{id} is recognized: ending it needs a reassessment that proposes it (`antt evaluate {id}`: under 70 % of the criteria, or --unfit --reason \"…\").",
    },
    "domain.exemplar.evaluation_late": {
        "vi": "Đánh giá ngày {date} đã quá hạn 01 năm kể từ kế hoạch xây dựng điển hình (hạn cuối {last}): nếu vẫn đánh giá, thêm --late --reason \"…\" (lý do được lưu trong hồ sơ và commit).",
        "en": "An evaluation on {date} is past the one year from the building plan (last good day {last}): to evaluate anyway add --late --reason \"…\" (the reason is kept in the case and the commit).",
    },
    "domain.exemplar.general_key": {
        "vi": "'{key}' là một tiêu chí chung của điển hình (§IV.1): chọn khóa khác cho tiêu chí riêng.",
        "en": "'{key}' is one of the exemplar's general criteria (§IV.1): choose another key for the specific one.",
    },
    "domain.exemplar.late_needs_reason": {
        "vi": "--late và --unfit cần lý do: thêm --reason \"…\".",
        "en": "--late and --unfit need their reason: add --reason \"…\".",
    },
    "domain.exemplar.not_building": {
        "vi": "{id} đang ở trạng thái '{status}': chỉ điển hình đang xây dựng (building) mới được công nhận hoặc kết thúc theo kết quả đánh giá.",
        "en": "{id} is '{status}': only an exemplar being built (building) is recognized or ended on its evaluation.",
    },
    "domain.exemplar.not_late": {
        "vi": "Đánh giá ngày {date} vẫn trong hạn 01 năm (hạn cuối {last}): bỏ --late.",
        "en": "An evaluation on {date} is within the one year (last good day {last}): drop --late.",
    },
    "domain.exemplar.not_recognized": {
        "vi": "{id} đang ở trạng thái '{status}': chỉ điển hình đã được công nhận (recognized) mới được đánh giá lại hằng năm.",
        "en": "{id} is '{status}': only a recognized exemplar is reassessed each year.",
    },
    "domain.exemplar.reassess_too_early": {
        "vi": "{id} được công nhận trong năm đánh giá {year}: việc đánh giá lại hằng năm bắt đầu từ năm {first}.",
        "en": "{id} was recognized in evaluation year {year}: the yearly reassessment starts with {first}.",
    },
    "domain.exemplar.reassessed": {
        "vi": "{id} đã được đánh giá lại năm {year}; mỗi năm một lần (đính chính bằng `antt amend {id} reassessment --year {year}`).",
        "en": "{id} was already reassessed for {year}; once a year (correct it with `antt amend {id} reassessment --year {year}`).",
    },
    "domain.exemplar.recognition_not_proposed": {
        "vi": "Báo cáo đánh giá của {id} không đề xuất công nhận (tiêu chí không đạt: {missed}): chỉ ghi quyết định công nhận sau một đánh giá đề xuất công nhận; nếu kết thúc, ghi `ending`.",
        "en": "The evaluation of {id} does not propose recognition (criteria missed: {missed}): record a recognition only after an evaluation that proposes it; to end it, record `ending`.",
    },
    "domain.field_choice": {
        "vi": "Giá trị '{value}' của {key} không hợp lệ; chọn một trong: {choices}.",
        "en": "'{value}' is not a valid {key}; choose one of: {choices}.",
    },
    "domain.field_required": {
        "vi": "Loại {kind} cần trường {key} ({help}): hãy thêm --set {key}=…{choices}.",
        "en": "Kind {kind} needs the field {key} ({help}): add --set {key}=…{choices}.",
    },
    "domain.huyen_abolished": {
        "vi": "Từ {date} không còn cấp huyện: mô hình mở từ ngày đó chọn --level xa hoặc tinh (chỉ mô hình mở trước đó mới giữ cấp huyện lịch sử).",
        "en": "Since {date} there is no district level: a model opened since then takes --level xa or tinh (only models opened before keep the historical district level).",
    },
    "domain.issuer_not_authority": {
        "vi": "'{kind}' phải do cùng cấp có thẩm quyền ban hành các quyết định bước 4 ({authority}), không phải '{issuer}' (HD 163 §III.1.d); sửa --issuer.",
        "en": "'{kind}' must be issued by the same authority as the step-4 decisions ({authority}), not '{issuer}' (HD 163 §III.1.d); fix --issuer.",
    },
    "domain.kind_ambiguous": {
        "vi": "'{kind}' có thể là nhiều loại văn bản: {kinds}; gõ thêm cho rõ.",
        "en": "'{kind}' could be several document kinds: {kinds}; type more of the name.",
    },
    "domain.kind_did_you_mean": {
        "vi": "Loại văn bản '{kind}' không có — có phải {cli} ({title}) không?",
        "en": "There is no document kind '{kind}' — did you mean {cli} ({title})?",
    },
    "domain.launch_needs_plan": {
        "vi": "Chưa có kế hoạch hoạt động năm {year} hoặc năm {next} (năm đánh giá chứa ngày ra mắt hoặc năm sau; hiện có: {have}). Hãy ghi kế hoạch bằng `antt plan … --year {year}` hoặc `--year {next}` trước khi ra mắt.",
        "en": "There is no annual plan for evaluation year {year} or {next} (the year of the launch date or the next one; recorded: {have}). Record one with `antt plan … --year {year}` or `--year {next}` before the launch.",
    },
    "domain.lead_unit_not_member": {
        "vi": "'{unit}' không phải đơn vị thành viên của mô hình liên kết (thành viên: {members}).",
        "en": "'{unit}' is not a member unit of the linked model (members: {members}).",
    },
    "domain.lead_unit_required": {
        "vi": "{id} là mô hình liên kết: biên bản lấy ý kiến phải nêu đơn vị được đề cử làm Trưởng mô hình (--set lead_unit=…, thứ tự luân phiên --set lead_units=A,B).",
        "en": "{id} is a linked model: the consultation must name the nominated lead unit (--set lead_unit=…, rotation order --set lead_units=A,B).",
    },
    "domain.linked_only": {
        "vi": "{id} không phải mô hình liên kết: không ghi được '{kind}' ({title}), loại này chỉ dành cho mô hình liên kết.",
        "en": "{id} is not a linked model: '{kind}' ({title}) is for linked models only.",
    },
    "domain.members_required": {
        "vi": "'{kind}' cần danh sách thành viên: thêm --members FILE.csv (cột name, role, unit, phone).",
        "en": "'{kind}' needs its member list: add --members FILE.csv (columns name, role, unit, phone).",
    },
    "domain.missing_prerequisites": {
        "vi": "Chưa ghi được '{kind}' cho {id}: còn thiếu {missing}.",
        "en": "Cannot record '{kind}' for {id} yet: first record {missing}.",
    },
    "domain.national_no_replica": {
        "vi": "{id} chưa được nhân rộng (`antt replicate {id} --area …`): chỉ đề xuất mô hình “Tốt” đã nhân rộng, hoặc dùng --innovative --reason ….",
        "en": "{id} has not been replicated (`antt replicate {id} --area …`): only a replicated Tốt model is proposed, or use --innovative --reason ….",
    },
    "domain.national_not_active": {
        "vi": "{id} đang ở trạng thái {status}: chỉ đề xuất mô hình đã ra mắt, đang hoạt động.",
        "en": "{id} is {status}: only a launched, active model is proposed.",
    },
    "domain.national_not_good": {
        "vi": "{id} có mức xếp loại được công nhận gần nhất là {grade}: chỉ đề xuất nhân rộng toàn quốc mô hình hoạt động “Tốt” đã được nhân rộng, hoặc mô hình có cách làm hay, sáng tạo (--innovative --reason …).",
        "en": "The latest decided grade of {id} is {grade}: only a Tốt model that has been replicated is proposed to the nation, or an innovative one (--innovative --reason …).",
    },
    "domain.national_reason_required": {
        "vi": "Cần nêu cách làm hay, sáng tạo của mô hình (--reason) khi đề xuất theo --innovative.",
        "en": "Say what is innovative about the model (--reason) with --innovative.",
    },
    "domain.national_replicas_weak": {
        "vi": "Chưa có mô hình nhân rộng nào của {id} được công nhận Khá trở lên ({replicas}): mô hình phải tiếp tục phát huy hiệu quả tại địa bàn nhân rộng (§III.3).",
        "en": "No replica of {id} has a decided grade of Khá or better ({replicas}): the model must keep working well where it was replicated (§III.3).",
    },
    "domain.model_only": {
        "vi": "{id} là điển hình: `antt {command}` chỉ dùng cho mô hình (MH-…); điển hình được đánh giá bằng `antt evaluate {id}`.",
        "en": "{id} is an exemplar: `antt {command}` is for models (MH-…); an exemplar is evaluated with `antt evaluate {id}`.",
    },
    "domain.no_rotation_order": {
        "vi": "{id} không có thứ tự luân phiên Trưởng mô hình (ghi khi lấy ý kiến, --set lead_units=A,B): không ghi được luân phiên.",
        "en": "{id} has no rotation order of the lead unit (set at consultation, --set lead_units=A,B): no rotation can be recorded.",
    },
    "domain.not_the_authority": {
        "vi": "'{kind}' phải do cấp có thẩm quyền của mô hình ban hành ({authority}), không phải {issuer}; sửa --issuer (nếu cơ quan đã thay đổi: `antt bodies successor`).",
        "en": "'{kind}' must be issued by the model's authority ({authority}), not {issuer}; fix --issuer (a body that changed: `antt bodies successor`).",
    },
    "domain.numbers.bad_body_code": {
        "vi": "Số văn bản '{number}' mang mã cơ quan '{code}' trong khi cơ quan ban hành có mã '{expected}' (antt.yaml); hãy sửa --number, ví dụ {example}.",
        "en": "Document number '{number}' has the body code '{code}' where the issuing body's code is '{expected}' (antt.yaml); fix --number, e.g. {example}.",
    },
    "domain.numbers.bad_form": {
        "vi": "Số văn bản '{number}' sai thể thức (NĐ 30/2020); hãy viết như {example}, số từ 01.",
        "en": "Document number '{number}' is not in the official form (NĐ 30/2020); write it like {example}, from 01.",
    },
    "domain.numbers.bad_type": {
        "vi": "Số văn bản '{number}' mang mã loại '{type}' trong khi loại văn bản này dùng mã {accepted}; hãy sửa --number, ví dụ {example}.",
        "en": "Document number '{number}' has the type code '{type}' where this kind takes {accepted}; fix --number, e.g. {example}.",
    },
    "domain.numbers.body_without_code": {
        "vi": "Cơ quan '{issuer}' chưa có mã (code) trong antt.yaml nên không cấp số tự động được; hãy thêm `code:` cho cơ quan đó trong antt.yaml và commit, hoặc ghi số bằng tay.",
        "en": "The body '{issuer}' has no code in antt.yaml, so no number can be allocated; add its `code:` in antt.yaml and commit it, or give the number by hand.",
    },
    "domain.numbers.too_long": {
        "vi": "Số văn bản '{number}' dài quá {max} ký tự; hãy ghi đúng số và ký hiệu của văn bản, ví dụ {example}.",
        "en": "Document number '{number}' is longer than {max} characters; give the document's number and codes only, e.g. {example}.",
    },
    "domain.numbers.too_many_digits": {
        "vi": "Phần số của '{number}' có quá {max} chữ số; hãy ghi lại số thứ tự trong sổ văn bản, ví dụ {example}.",
        "en": "The numeric part of '{number}' has more than {max} digits; give the number from the register, e.g. {example}.",
    },
    "domain.plan_before_opening": {
        "vi": "Không thể lập kế hoạch năm {year}: hồ sơ mở ngày {opened}, sau năm đánh giá đó. Hãy chọn năm đánh giá từ khi mở hồ sơ.",
        "en": "Cannot plan year {year}: the case was opened on {opened}, after that evaluation year. Choose an evaluation year from the opening on.",
    },
    "domain.plan_exists": {
        "vi": "{id} đã có {title} năm {year}; để sửa, dùng `antt amend {id} {kind} --reason …`.",
        "en": "{id} already has the {title} of {year}; to correct it use `antt amend {id} {kind} --reason …`.",
    },
    "domain.plan_year_ended": {
        "vi": "Năm đánh giá {year} đã kết thúc (31/10/{year}) trước ngày của kế hoạch ({date}): hãy lập kế hoạch cho năm đánh giá hiện tại hoặc năm sau.",
        "en": "Evaluation year {year} ended (31/10/{year}) before the plan's date ({date}): plan the current or the next evaluation year.",
    },
    "domain.plan_year_required": {
        "vi": "Kế hoạch hoạt động năm cần năm đánh giá: dùng `antt plan ID --year NĂM --target …`.",
        "en": "An annual plan needs its evaluation year: use `antt plan ID --year YEAR --target …`.",
    },
    "domain.rating.bad_grade": {
        "vi": "Mức xếp loại '{grade}' không hợp lệ; chọn một trong: {grades}.",
        "en": "Grade '{grade}' is not valid; choose one of: {grades}.",
    },
    "domain.rating.before_period": {
        "vi": "Đề nghị xếp loại năm {year} ghi ngày {date}, trước khi năm đánh giá bắt đầu ({start}); sửa --date hoặc --year.",
        "en": "The rating proposal of {year} is dated {date}, before its evaluation year begins ({start}); fix --date or --year.",
    },
    "domain.rating.closing": {
        "vi": "{id} đang kết thúc hoặc đã kết thúc ({status}): mô hình không còn được xếp loại.",
        "en": "{id} is being closed or is closed ({status}): it is no longer rated.",
    },
    "domain.rating.criterion_exists": {
        "vi": "Tiêu chí '{key}' đã có (trong bảng tiêu chí của Hướng dẫn hoặc của {id}); hãy chọn một khóa khác.",
        "en": "Criterion '{key}' already exists (in the guideline's table or in {id}); choose another key.",
    },
    "domain.rating.no_establishment": {
        "vi": "{id} chưa có quyết định thành lập mô hình nên chưa được xếp loại (§III.2.a); ghi establishment-decision trước.",
        "en": "{id} has no establishment decision, so it cannot be rated (§III.2.a); record establishment-decision first.",
    },
    "domain.rating.no_plan": {
        "vi": "{id} chưa có kế hoạch hoạt động năm {year}: không tính được tỷ lệ hoàn thành chỉ tiêu; ghi nó bằng `antt plan {id} --year {year}`.",
        "en": "{id} has no annual plan for {year}: its completion cannot be computed; record it with `antt plan {id} --year {year}`.",
    },
    "domain.rating.no_targets": {
        "vi": "Kế hoạch năm {year} của {id} không có chỉ tiêu nào: không xếp loại được theo tỷ lệ hoàn thành; bổ sung chỉ tiêu bằng `antt amend {id} annual-plan --year {year} --target …`.",
        "en": "The {year} plan of {id} has no targets: it cannot be rated on completion; add targets with `antt amend {id} annual-plan --year {year} --target …`.",
    },
    "domain.rating.step_done": {
        "vi": "{id} đã có '{kind}' của năm {year}; mỗi năm một lần.",
        "en": "{id} already has '{kind}' for {year}; one per year.",
    },
    "domain.rating.too_early": {
        "vi": "{id} chưa đủ {months} tháng hoạt động tính từ quyết định thành lập ({date}) đến 31/10/{year}, nên chưa được xếp loại năm {year}; năm đầu tiên được xếp loại: {first}.",
        "en": "{id} has not run {months} full months from its establishment decision ({date}) by 31/10/{year}, so it cannot be rated for {year}; the first year it can be rated: {first}.",
    },
    "domain.rating.year_not_decided": {
        "vi": "{id} chưa có '{kind}' của năm {year}: gửi kết quả xếp loại sau khi có quyết định công nhận (`antt rate {id} --year {year} --decide …`).",
        "en": "{id} has no '{kind}' for {year}: send the rating result after the decision (`antt rate {id} --year {year} --decide …`).",
    },
    "domain.replicate_models_only": {
        "vi": "{id} không phải mô hình: chỉ nhân rộng mô hình.",
        "en": "{id} is not a model: only models are replicated.",
    },
    "domain.replicate_no_decision": {
        "vi": "{id} chưa có quyết định công nhận mức xếp loại: chỉ nhân rộng mô hình được cấp có thẩm quyền công nhận “Tốt” (đề xuất của Ban Chỉ đạo chưa đủ; `antt rate {id} --decide …`).",
        "en": "{id} has no rating decision: only a model the authority has rated Tốt is replicated (the steering committee's proposal is not enough; `antt rate {id} --decide …`).",
    },
    "domain.replicate_not_active": {
        "vi": "{id} đang ở trạng thái {status}: chỉ nhân rộng mô hình đang hoạt động.",
        "en": "{id} is {status}: only an active model is replicated.",
    },
    "domain.replicate_not_good": {
        "vi": "{id} có mức xếp loại được công nhận gần nhất là {grade}: chỉ nhân rộng mô hình hoạt động “Tốt” (§III.3).",
        "en": "The latest decided grade of {id} is {grade}: only a model rated Tốt is replicated (§III.3).",
    },
    "domain.replicate_same_place": {
        "vi": "Mô hình {id} đã hoạt động trên địa bàn {area}: nhân rộng sang địa bàn (--area) hoặc lĩnh vực (--field) khác.",
        "en": "Model {id} already runs in {area}: replicate it to another area (--area) or field (--field).",
    },
    "domain.replicate_where": {
        "vi": "Cần địa bàn (--area) hoặc lĩnh vực (--field) nhân rộng mô hình.",
        "en": "Give the area (--area) or field (--field) to replicate the model to.",
    },
    "domain.rotation_authority_required": {
        "vi": "Luân phiên Trưởng mô hình của {id} cần cấp có thẩm quyền quản lý đơn vị mới: thêm --set authority=….",
        "en": "The lead rotation of {id} needs the authority over the new lead unit: add --set authority=….",
    },
    "domain.unknown_kind": {
        "vi": "Loại văn bản '{kind}' không có; dùng một trong: {kinds}.",
        "en": "There is no document kind '{kind}'; use one of: {kinds}.",
    },
    "domain.use_command": {
        "vi": "Loại {kind} được ghi bằng lệnh `antt {command}` (xem `antt {command} --help`).",
        "en": "Kind {kind} is recorded with `antt {command}` (see `antt {command} --help`).",
    },
    "domain.withdraw_before_record": {
        "vi": "Ngày thu hồi ({date}) sớm hơn ngày của văn bản ({recorded}); sửa --date.",
        "en": "The withdrawal date ({date}) is earlier than the document's date ({recorded}); fix --date.",
    },
    "domain.withdraw_has_effects": {
        "vi": "Không thể thu hồi {kind}: việc ghi văn bản này đã đổi trạng thái hồ sơ; dùng `antt amend` để đính chính.",
        "en": "The {kind} cannot be withdrawn: recording it changed the case's state; use `antt amend` to correct it.",
    },
    "domain.withdraw_rested_on": {
        "vi": "Không thể thu hồi {kind}: văn bản ghi sau dựa trên nó: {later}. Thu hồi các văn bản đó trước.",
        "en": "The {kind} cannot be withdrawn: a later record rests on it: {later}. Withdraw those first.",
    },
}
