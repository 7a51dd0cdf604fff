"""Messages of the use cases (services): their refusals and what they report."""

MESSAGES: dict[str, dict[str, str]] = {
    "services.adopt.problem": {
        "vi": "  dòng {row}, cột '{column}': {message}",
        "en": "  row {row}, column '{column}': {message}",
    },
    "services.adopt.refused": {
        "vi": "Không tiếp nhận {file}: {count} lỗi, không hồ sơ nào được mở, hồ sơ không thay đổi. Sửa bảng tính rồi chạy lại:",
        "en": "{file} not adopted: {count} problems, no case opened, nothing changed. Fix the sheet and run again:",
    },
    "services.amend.not_recorded": {
        "vi": "{id} chưa ghi '{kind}' nên không có gì để đính chính; ghi bằng `antt record`.",
        "en": "{id} has no '{kind}' recorded, so there is nothing to correct; record it with `antt record`.",
    },
    "services.amend.nothing": {
        "vi": "Không có gì thay đổi ở '{kind}' của {id}: nêu giá trị mới với --number, --date, --issuer, --signer (kế hoạch năm: --target).",
        "en": "Nothing changes in '{kind}' of {id}: give a new value with --number, --date, --issuer, --signer (annual plan: --target).",
    },
    "services.amend.reason_required": {
        "vi": "Đính chính cần lý do: thêm --reason \"…\".",
        "en": "A correction needs its reason: add --reason \"…\".",
    },
    "services.amend.targets_only_plan": {
        "vi": "--target chỉ dùng khi đính chính {plan}, không dùng cho {kind}.",
        "en": "--target is for correcting a plan ({plan}) only, not {kind}.",
    },
    "services.amend.unknown_target": {
        "vi": "Không có chỉ tiêu '{target}' trong kế hoạch; các chỉ tiêu: {targets}.",
        "en": "The plan has no target '{target}'; its targets: {targets}.",
    },
    "services.amend.year_required": {
        "vi": "Hồ sơ có nhiều văn bản {kind} (năm {years}): hãy chỉ rõ năm bằng --year.",
        "en": "The case has several {kind} documents (years {years}): say which with --year.",
    },
    "services.bad_antt_today": {
        "vi": "Biến môi trường ANTT_TODAY='{value}' không phải ngày hợp lệ: hãy dùng YYYY-MM-DD (ví dụ 2026-06-20) hoặc bỏ biến này.",
        "en": "The environment variable ANTT_TODAY='{value}' is not a valid date: use YYYY-MM-DD (e.g. 2026-06-20) or unset it.",
    },
    "services.bundle.col.date": {
        "vi": "Ngày",
        "en": "Date",
    },
    "services.bundle.col.file": {
        "vi": "Tệp",
        "en": "File",
    },
    "services.bundle.col.issuer": {
        "vi": "Cơ quan ban hành",
        "en": "Issuer",
    },
    "services.bundle.col.no": {
        "vi": "TT",
        "en": "No.",
    },
    "services.bundle.col.note": {
        "vi": "Ghi chú",
        "en": "Note",
    },
    "services.bundle.col.number": {
        "vi": "Số, ký hiệu",
        "en": "Number",
    },
    "services.bundle.col.title": {
        "vi": "Tên văn bản",
        "en": "Title",
    },
    "services.bundle.left_out": {
        "vi": "{mark}: không gửi kèm (dùng --include-classified để gửi)",
        "en": "{mark}: not included (--include-classified includes it)",
    },
    "services.cases.area_required": {"vi": "Cần địa bàn của mô hình (--area).", "en": "The model's area is required (--area)."},
    "services.cases.bad_choice": {
        "vi": "{option} '{value}' không hợp lệ; dùng một trong: {allowed}.",
        "en": "{option} '{value}' is not valid; use one of: {allowed}.",
    },
    "services.cases.duplicate_member": {
        "vi": "Đơn vị thành viên '{unit}' được nêu hai lần.",
        "en": "The member unit '{unit}' is given twice.",
    },
    "services.cases.linked_needs_members": {
        "vi": "Mô hình liên kết cần ít nhất hai đơn vị thành viên (--member-unit … lặp lại cho mỗi đơn vị).",
        "en": "A linked model needs at least two member units (repeat --member-unit … for each).",
    },
    "services.cases.members_need_linked": {
        "vi": "--member-unit chỉ dùng cho mô hình liên kết: thêm --linked.",
        "en": "--member-unit is for linked models only: add --linked.",
    },
    "services.cases.name_required": {"vi": "Cần tên (tên gọi tạm) của mô hình.", "en": "The model's (working) name is required."},
    "services.check.item_missing": {
        "vi": "thiếu {title}: {missing}",
        "en": "missing {title}: {missing}",
    },
    "services.check.no_review": {
        "vi": "{title}: đã hết một năm được xếp loại mà chưa có báo cáo sơ kết (`antt record {id} review`).",
        "en": "{title}: a rated year is over without a review (`antt record {id} review`).",
    },
    "services.check.period.6-month": {"vi": "06 tháng đầu năm", "en": "6-month"},
    "services.check.period.annual": {"vi": "cả năm", "en": "annual"},
    "services.check.shared_record_commit": {
        "vi": "antt: kết quả lần kiểm tra toàn bộ hồ sơ gần nhất (dữ liệu dựng lại được, để bản sao kiểm tra nhanh; "
              "xem `antt help reliability`)",
        "en": "antt: the last whole-dossier check's results (rebuildable data that lets a clone check fast; "
              "see `antt help reliability`)",
    },
    "services.check.shared_commit": {
        "vi": "antt: kết quả kiểm tra {count} tệp hồ sơ và tóm tắt (dữ liệu dựng lại được, để bản sao kiểm tra nhanh; "
              "xem `antt help reliability`)",
        "en": "antt: check results of {count} case files, and digests (rebuildable data that lets a clone check fast; "
              "see `antt help reliability`)",
    },
    "services.sparse_partial": {
        "vi": "Kho git của hồ sơ đang checkout một phần (git sparse-checkout): kết quả này chỉ tính các hồ sơ có trên đĩa, không gồm các hồ sơ nằm ngoài phần đã checkout. Để xem đủ mọi hồ sơ, hãy chạy `git sparse-checkout disable`.",
        "en": "The dossier's git repository is a sparse checkout (git sparse-checkout): this result counts only the cases on disk, not those outside the checked-out part. To see every case, run `git sparse-checkout disable`.",
    },
    "services.committed_shown": {
        "vi": "Một lệnh antt khác đang ghi vào hồ sơ: đây là trạng thái đã commit (HEAD), chưa gồm thay đổi đang ghi dở hay chưa commit.",
        "en": "Another antt command is writing to the dossier: this is the committed state (HEAD), without the changes being written or not yet committed.",
    },
    "services.demo.not_empty": {
        "vi": "{path} đã có nội dung: chọn một thư mục mới hoặc rỗng cho hồ sơ mẫu.",
        "en": "{path} is not empty: choose a new or empty folder for the demo dossier.",
    },
    "services.domain.attachments_not_taken": {
        "vi": "Loại {kind} không nhận tệp đính kèm (--attach).",
        "en": "Kind {kind} takes no attached files (--attach).",
    },
    "services.dossier.already": {
        "vi": "{path} đã là hồ sơ antt (có antt.yaml): không khởi tạo lại.",
        "en": "{path} is already an antt dossier (it has antt.yaml): not initialising again.",
    },
    "services.dossier.bad_code": {
        "vi": "Mã cơ quan '{code}' không hợp lệ (viết liền, không dấu cách hay '/', ví dụ UBND, CAX).",
        "en": "Body code '{code}' is not valid (one word, no spaces or '/', e.g. UBND, CAX).",
    },
    "services.dossier.bad_parent": {
        "vi": "--parent trống: hãy ghi tên cơ quan cấp trên.",
        "en": "--parent is empty: give the name of the parent body.",
    },
    "services.dossier.bad_person": {
        "vi": "{option} '{value}' phải có dạng \"CHỨC DANH: HỌ TÊN\", ví dụ \"Chủ tịch: Trần Thị Hoa\".",
        "en": "{option} '{value}' must read \"TITLE: NAME\", e.g. \"Chủ tịch: Trần Thị Hoa\".",
    },
    "services.dossier.bad_successor": {
        "vi": "Cơ quan cũ '{old}' và cơ quan kế thừa '{new}' phải là hai tên khác nhau, không để trống.",
        "en": "The old body '{old}' and its successor '{new}' must be two different, non-empty names.",
    },
    "services.dossier.bad_unit_kind": {
        "vi": "Loại đơn vị '{value}' không hợp lệ; dùng một trong: {kinds}.",
        "en": "Unit kind '{value}' is not valid; use one of: {kinds}.",
    },
    "services.dossier.body_exists": {
        "vi": "Cơ quan '{name}' đã có trong antt.yaml; sửa trực tiếp trong tệp nếu cần.",
        "en": "The body '{name}' is already in antt.yaml; edit the file to change it.",
    },
    "services.dossier.body_name_required": {
        "vi": "Cần tên cơ quan ban hành.",
        "en": "The body's name is required.",
    },
    "services.dossier.body_unknown": {
        "vi": "Cơ quan '{given}' chưa được khai báo trong antt.yaml (các cơ quan đã khai báo: {bodies}); khai báo bằng `antt bodies add`.",
        "en": "The body '{given}' is not declared in antt.yaml (declared: {bodies}); declare it with `antt bodies add`.",
    },
    "services.dossier.body_unknown_near": {
        "vi": "Cơ quan '{given}' chưa được khai báo trong antt.yaml: có phải '{known}' không? Hãy gõ đúng tên đó.",
        "en": "The body '{given}' is not declared in antt.yaml: did you mean '{known}'? Type that name.",
    },
    "services.dossier.edit_nothing": {
        "vi": "Chưa có gì để sửa cho '{name}': hãy cho ít nhất một trong --code, --head, --deputy, --parent.",
        "en": "Nothing to change for '{name}': give at least one of --code, --head, --deputy, --parent.",
    },
    "services.dossier.edit_same": {
        "vi": "'{name}' đã có đúng các giá trị này; không có gì thay đổi.",
        "en": "'{name}' already has these values; nothing changes.",
    },
    "services.dossier.guideline_issuer_empty": {
        "vi": "--guideline-issuer để trống; hãy ghi tên cơ quan ban hành Hướng dẫn 163, hoặc bỏ tùy chọn để dùng mặc định theo tỉnh.",
        "en": "--guideline-issuer is empty; give the body that issued Guideline 163, or leave the option out for the province's default.",
    },
    "services.dossier.no_identity": {
        "vi": "Không biết ai đang lập hồ sơ: git chưa có tên và email người dùng. Hãy chạy lại với `--officer \"Họ Tên\" --officer-email \"email@example.vn\"`, hoặc trước đó chạy `git config --global user.name \"Họ Tên\"` và `git config --global user.email \"email@example.vn\"`.",
        "en": "Nobody to record as the author: git has no user name and email. Run the command again with `--officer \"Your Name\" --officer-email \"you@example.org\"`, or first run `git config --global user.name \"Your Name\"` and `git config --global user.email \"you@example.org\"`.",
    },
    "services.dossier.not_a_folder": {
        "vi": "{path} là một tệp, không phải thư mục; chọn đường dẫn khác.",
        "en": "{path} is a file, not a folder; choose another path.",
    },
    "services.dossier.own_code_taken": {
        "vi": "Mã '{code}' đã là mã của '{other}', một cơ quan khác của đơn vị, nên hai cơ quan sẽ chung một sổ văn bản; hãy chọn mã khác cho --code.",
        "en": "The code '{code}' is already the code of '{other}', another of the unit's own bodies, so both would share one register; choose another --code.",
    },
    "services.dossier.successor_cycle": {
        "vi": "Ghi '{new}' kế thừa '{old}' sẽ tạo vòng lặp trong chuỗi kế thừa; kiểm tra lại antt.yaml.",
        "en": "Recording '{new}' as successor of '{old}' would make the chain a cycle; check antt.yaml.",
    },
    "services.dossier.successor_exists": {
        "vi": "'{old}' đã có cơ quan kế thừa là '{new}'; sửa antt.yaml nếu cần thay đổi.",
        "en": "'{old}' already has the successor '{new}'; edit antt.yaml to change it.",
    },
    "services.dossier.synced_folder": {
        "vi": "Cảnh báo: hồ sơ nằm trong thư mục đồng bộ OneDrive ({folder}). OneDrive đồng bộ cả thư mục .git (khoá, nhật ký, chỉ mục) từng tệp một và có thể làm hỏng kho khi dùng trên hai máy; nên để hồ sơ ở thư mục thường (ví dụ C:\\HoSo hoặc một USB) và sao lưu bằng `git push` hoặc `git bundle`.",
        "en": "Warning: the dossier is inside a OneDrive folder ({folder}). OneDrive syncs .git too (lock, journal, index) file by file and can break the repository when two PCs use it; keep the dossier in a plain folder (e.g. C:\\HoSo or a USB stick) and back it up with `git push` or `git bundle`.",
    },
    "services.dossier.unit_required": {
        "vi": "Cần tên đơn vị (--unit) và tỉnh (--province).",
        "en": "The unit (--unit) and the province (--province) are required.",
    },
    "services.draft.inside_dossier": {
        "vi": "Bản nháp không được ghi vào trong thư mục hồ sơ ({file}): chọn -o ở ngoài hồ sơ.",
        "en": "A draft may not be written inside the dossier ({file}): choose an -o outside it.",
    },
    "services.draft_write_failed": {
        "vi": "Không ghi được bản nháp vào {file}: {detail}. Hãy chọn đường dẫn tệp khác bằng -o rồi chạy lại.",
        "en": "Could not write the draft to {file}: {detail}. Choose another file path with -o and run the command again.",
    },
    "services.due.before": {"vi": "trước {date}", "en": "before {date}"},
    "services.due.evaluate": {"vi": "Đánh giá kết quả xây dựng điển hình (01 năm từ ngày ban hành kế hoạch)", "en": "Evaluation of the exemplar (one year from its building plan)"},
    "services.due.plan": {"vi": "Kế hoạch hoạt động năm {year}", "en": "Annual plan {year}"},
    "services.due.rate-decide": {"vi": "Quyết định công nhận mức xếp loại năm {year}", "en": "Rating decision {year}"},
    "services.due.rate-propose": {"vi": "Báo cáo kết quả năm {year}, đề xuất xếp loại", "en": "Annual report {year} with the proposed grade"},
    "services.due.rate-submit": {"vi": "Gửi kết quả xếp loại năm {year} về Thường trực Ban Chỉ đạo tỉnh", "en": "Rating {year} sent to the provincial standing office"},
    "services.due.reassess": {"vi": "Đánh giá lại điển hình năm {year}", "en": "Yearly reassessment of the exemplar {year}"},
    "services.due.report-6-month": {"vi": "Báo cáo 06 tháng đầu năm {year}", "en": "6-month report {year}"},
    "services.due.report-annual": {"vi": "Báo cáo kết quả hoạt động năm {year}", "en": "Annual report {year}"},
    "services.due.until": {"vi": "đến hết {date}", "en": "until {date} inclusive"},
    "services.edits.accept_summary": {
        "vi": "Nhận bản sửa tay: {kind}",
        "en": "Accepted hand edits: {kind}",
    },
    "services.edits.edited": {
        "vi": "{file} ({kind} của {id}) đã được sửa tay sau khi antt tạo ra; tạo lại sẽ mất phần đã sửa. Để giữ bản đã sửa làm bản ban hành: `antt accept {id} {cli}{year}`; để tạo lại và bỏ phần sửa: thêm --discard-edits.",
        "en": "{file} ({kind} of {id}) was edited by hand after antt generated it; rendering it again would lose the edits. To keep the edited file as the issued version: `antt accept {id} {cli}{year}`; to render it again and drop the edits: add --discard-edits.",
    },
    "services.edits.no_file": {
        "vi": "{kind} của {id} không có tệp văn bản ({file}); không có gì để nhận.",
        "en": "The {kind} of {id} has no document file ({file}); there is nothing to accept.",
    },
    "services.edits.not_edited": {
        "vi": "{file} ({kind} của {id}) vẫn đúng như antt đã tạo; không có phần sửa tay nào để nhận.",
        "en": "{file} ({kind} of {id}) is as antt generated it; there are no hand edits to accept.",
    },
    "services.edits.reason_required": {
        "vi": "Cần lý do thu hồi: thêm --reason \"…\" (ví dụ \"Ban hành nhầm năm kế hoạch\").",
        "en": "A reason for the withdrawal is required: add --reason \"…\" (e.g. \"Issued for the wrong plan year\").",
    },
    "services.edits.withdraw_summary": {
        "vi": "Thu hồi {kind}",
        "en": "Withdrew {kind}",
    },
    "services.letters.auto_needs_record": {
        "vi": "--number auto chỉ dùng cùng --record (số chỉ được cấp khi văn bản được ghi vào hồ sơ); bỏ --number hoặc thêm --record.",
        "en": "--number auto needs --record (a number is taken only when the letter is recorded); drop --number or add --record.",
    },
    "services.letters.fields_missing": {
        "vi": "Mẫu {template} còn thiếu: {fields}. Hãy thêm các giá trị đó rồi chạy lại.",
        "en": "Template {template} still needs: {fields}. Add those values and run again.",
    },
    "services.national.bad_output": {
        "vi": "Không ghi được tệp zip vào {file}: thư mục chứa nó không có, hoặc đó là một thư mục; sửa -o.",
        "en": "Cannot write the zip to {file}: its folder does not exist, or it is a folder; fix -o.",
    },
    "services.exemplars.area_required": {
        "vi": "Cần địa bàn, lĩnh vực của điển hình (--area).",
        "en": "The exemplar's area or field is required (--area).",
    },
    "services.exemplars.criteria_reason_required": {
        "vi": "Bộ tiêu chí của {id} đã được ghi ('{kind}'): thêm tiêu chí là đính chính văn bản đó, cần lý do --reason \"…\".",
        "en": "The criteria set of {id} is recorded ('{kind}'): adding a criterion amends that document and needs --reason \"…\".",
    },
    "services.exemplars.late_only_evaluation": {
        "vi": "--late chỉ dùng cho lần đánh giá sau 01 năm xây dựng; việc đánh giá lại hằng năm không có hạn 01 năm.",
        "en": "--late is for the evaluation after the building year only; the yearly reassessment has no one-year limit.",
    },
    "services.exemplars.name_required": {
        "vi": "Cần tên của tập thể, cá nhân xây dựng điển hình.",
        "en": "The name of the collective or individual is required.",
    },
    "services.exemplars.not_exemplar": {
        "vi": "{id} không phải điển hình: `antt evaluate` chỉ dùng cho điển hình (DH-…); mô hình được xếp loại bằng `antt rate`.",
        "en": "{id} is not an exemplar: `antt evaluate` is for exemplars (DH-…); a model is rated with `antt rate`.",
    },
    "services.exemplars.reason_not_needed": {
        "vi": "--reason chỉ cần khi bộ tiêu chí của điển hình đã được ghi (văn bản đó được đính chính theo).",
        "en": "--reason is only needed once the exemplar's criteria set is recorded (that document is amended with it).",
    },
    "services.exemplars.reason_without_flag": {
        "vi": "--reason chỉ đi cùng --late hoặc --unfit.",
        "en": "--reason goes with --late or --unfit only.",
    },
    "services.exemplars.unknown_criterion": {
        "vi": "Không có tiêu chí '{key}'; các tiêu chí của điển hình này: {keys}.",
        "en": "There is no criterion '{key}'; this exemplar's criteria: {keys}.",
    },
    "services.history.action.accept": {
        "vi": "Nhận bản đã sửa tay",
        "en": "Accepted the hand edits",
    },
    "services.history.action.amend": {
        "vi": "Đính chính",
        "en": "Amended",
    },
    "services.history.action.bodies_add": {
        "vi": "Thêm cơ quan ban hành",
        "en": "Added an issuing body",
    },
    "services.history.action.bodies_edit": {
        "vi": "Sửa thông tin cơ quan ban hành",
        "en": "Edited an issuing body",
    },
    "services.history.action.bodies_successor": {
        "vi": "Khai báo cơ quan kế thừa",
        "en": "Declared a successor body",
    },
    "services.history.action.close": {
        "vi": "Kết thúc mô hình",
        "en": "Closed the model",
    },
    "services.history.action.criteria_add": {
        "vi": "Thêm tiêu chí cụ thể",
        "en": "Added a case-specific criterion",
    },
    "services.history.action.evaluate": {
        "vi": "Đánh giá",
        "en": "Evaluated",
    },
    "services.history.action.init": {
        "vi": "Khởi tạo hồ sơ",
        "en": "Created the dossier",
    },
    "services.history.action.new_exemplar": {
        "vi": "Mở hồ sơ điển hình",
        "en": "Opened an exemplar",
    },
    "services.history.action.new_model": {
        "vi": "Mở hồ sơ mô hình",
        "en": "Opened a model",
    },
    "services.history.action.plan": {
        "vi": "Lập kế hoạch năm",
        "en": "Annual plan",
    },
    "services.history.action.progress": {
        "vi": "Cập nhật kết quả chỉ tiêu",
        "en": "Progress on a target",
    },
    "services.history.action.rate": {
        "vi": "Đề xuất xếp loại",
        "en": "Proposed a rating",
    },
    "services.history.action.rate_decide": {
        "vi": "Quyết định xếp loại",
        "en": "Decided a rating",
    },
    "services.history.action.record": {
        "vi": "Ghi nhận",
        "en": "Recorded",
    },
    "services.history.action.replicate": {
        "vi": "Nhân rộng mô hình",
        "en": "Replicated the model",
    },
    "services.history.action.withdraw": {
        "vi": "Thu hồi",
        "en": "Withdrew",
    },
    "services.history.bad_timezone": {
        "vi": "antt.yaml: múi giờ `timezone: {value}` không có; ghi tên múi giờ IANA, ví dụ `timezone: {default}`.",
        "en": "antt.yaml: there is no time zone `timezone: {value}`; give an IANA zone name, e.g. `timezone: {default}`.",
    },
    "services.nothing_committed": {
        "vi": "Một lệnh antt khác đang ghi vào hồ sơ và {file} chưa được commit lần nào, nên chưa có gì để hiển thị. Hãy chờ lệnh đó xong rồi chạy lại.",
        "en": "Another antt command is writing to the dossier and {file} has never been committed, so there is nothing to show yet. Wait for that command to finish and run again.",
    },
    "services.numbers.register_clash": {
        "vi": "Số {number} trùng số thứ tự với văn bản {other} mà {issuer} đã ban hành năm {year} (mỗi cơ quan một sổ văn bản một năm, chung mọi loại văn bản); hãy chọn số khác hoặc dùng --number auto.",
        "en": "Number {number} repeats the register number of {other}, issued by {issuer} in {year} (one register per body per year, shared by all types); choose another number or use --number auto.",
    },
    "services.plans.achieved_or_done": {
        "vi": "Cho đúng một trong hai: --achieved SỐ (chỉ tiêu số) hoặc --done (chỉ tiêu có/không).",
        "en": "Give exactly one of --achieved NUMBER (numeric target) or --done (yes/no target).",
    },
    "services.plans.bad_number": {
        "vi": "{option} '{value}' nằm ngoài phạm vi: gõ số không âm, tối đa 10^12, tối đa 4 chữ số thập phân (ví dụ 100 hoặc 12,5).",
        "en": "{option} '{value}' is out of range: type a non-negative number, at most 10^12, at most 4 decimals (e.g. 100 or 12.5).",
    },
    "services.plans.bad_target": {
        "vi": "--target: chỉ tiêu '{spec}' sai dạng (số không âm, tối đa 10^12, tối đa 4 chữ số thập phân): dùng \"NỘI DUNG=SỐ\" (ít nhất), \"NỘI DUNG<=SỐ\" (không quá) hoặc \"NỘI DUNG\" (có/không).",
        "en": "--target: target '{spec}' is malformed (numbers non-negative, at most 10^12, at most 4 decimals): use \"TEXT=NUMBER\" (at least), \"TEXT<=NUMBER\" (at most) or \"TEXT\" (yes/no).",
    },
    "services.plans.bad_year": {
        "vi": "Năm đánh giá {year} không hợp lệ: gõ một năm từ {low} đến {high}.",
        "en": "Evaluation year {year} is not valid: type a year from {low} to {high}.",
    },
    "services.plans.duplicate_target": {
        "vi": "Chỉ tiêu '{text}' được nêu hai lần.",
        "en": "The target '{text}' is given twice.",
    },
    "services.plans.no_plan": {
        "vi": "{id} chưa có kế hoạch hoạt động năm {year}; ghi bằng `antt plan {id} --year {year} --target …`.",
        "en": "{id} has no annual plan for {year}; record it with `antt plan {id} --year {year} --target …`.",
    },
    "services.plans.no_targets": {
        "vi": "Kế hoạch năm {year} không có chỉ tiêu nào nên không thể xếp loại theo tỷ lệ hoàn thành chỉ tiêu.",
        "en": "The {year} plan has no targets, so it cannot be rated on completion.",
    },
    "services.plans.number_ambiguous": {
        "vi": "{option} '{value}' không rõ nghĩa: dấu chấm hoặc dấu phẩy đứng trước đúng ba chữ số có thể là dấu phân cách hàng nghìn. Gõ {whole} nếu là số nguyên (không dùng dấu phân cách hàng nghìn), hoặc {decimal} nếu là số thập phân.",
        "en": "{option} '{value}' is ambiguous: a point or comma followed by exactly three digits may be a thousands separator. Type {whole} for a whole number (no thousands separator), or {decimal} for a decimal.",
    },
    "services.plans.number_form": {
        "vi": "{option} '{value}' không phải số: chỉ gõ chữ số, phần thập phân sau dấu phẩy hoặc dấu chấm, ví dụ 100 hoặc 12,5 (không dùng dạng 1e2, inf, nan).",
        "en": "{option} '{value}' is not a number: type digits only, decimals after a comma or a point, e.g. 100 or 12.5 (not 1e2, inf, nan).",
    },
    "services.plans.number_needs_achieved": {
        "vi": "Chỉ tiêu '{text}' là chỉ tiêu số: dùng --achieved SỐ, không dùng --done.",
        "en": "The target '{text}' is numeric: use --achieved NUMBER, not --done.",
    },
    "services.plans.plan_kind_count": {
        "vi": "`antt plan` cần đúng một loại văn bản có `command: plan` và `year: plan` trong các tệp mô tả loại (antt_cli/kinds, ANTT_KINDS); đang có {count}: {kinds}.",
        "en": "`antt plan` needs exactly one kind with `command: plan` and `year: plan` among the kind specs (antt_cli/kinds, ANTT_KINDS); there are {count}: {kinds}.",
    },
    "services.plans.progress_before_plan": {
        "vi": "Ngày cập nhật {date} sớm hơn ngày kế hoạch ({plan_date}); sửa --date.",
        "en": "The update date {date} is before the plan's date ({plan_date}); fix --date.",
    },
    "services.plans.unknown_target": {
        "vi": "Kế hoạch năm {year} không có chỉ tiêu '{target}'; các chỉ tiêu: {targets}.",
        "en": "The {year} plan has no target '{target}'; its targets: {targets}.",
    },
    "services.plans.yes_no_needs_done": {
        "vi": "Chỉ tiêu '{text}' là loại có/không: dùng --done, không dùng --achieved.",
        "en": "The target '{text}' is yes/no: use --done, not --achieved.",
    },
    "services.reference.missing": {
        "vi": "Không đọc được tài liệu của chủ đề '{topic}' ({file}: {detail}). Hãy cài lại antt.",
        "en": "The document of topic '{topic}' cannot be read ({file}: {detail}). Reinstall antt.",
    },
    "services.reference.unknown_topic": {
        "vi": "Không có chủ đề '{topic}'. Các chủ đề: {topics}.",
        "en": "There is no topic '{topic}'. The topics: {topics}.",
    },
    "services.reference.unknown_topic_near": {
        "vi": "Không có chủ đề '{topic}' — có phải '{near}' không? Các chủ đề: {topics}.",
        "en": "There is no topic '{topic}' — did you mean '{near}'? The topics: {topics}.",
    },
    "services.rating.already_decided": {
        "vi": "{id} đã có quyết định xếp loại năm {year} (mức {grade}); quyết định lại cần --force kèm --reason (quyết định cũ vẫn được lưu).",
        "en": "{id} already has a rating decision for {year} (grade {grade}); deciding again needs --force with --reason (the earlier decision is kept).",
    },
    "services.rating.already_proposed": {
        "vi": "{id} đã có đề nghị xếp loại năm {year} (mức {grade}); đề nghị lại cần --force (đề nghị cũ vẫn được lưu).",
        "en": "{id} already has a rating proposal for {year} (grade {grade}); proposing again needs --force (the earlier proposal is kept).",
    },
    "services.rating.bad_criterion": {
        "vi": "'{pair}' không đúng dạng KHÓA=yes|no (ví dụ --criterion resources=yes).",
        "en": "'{pair}' is not KEY=yes|no (e.g. --criterion resources=yes).",
    },
    "services.rating.bad_criterion_grade": {
        "vi": "Mức '{grade}' không hợp lệ cho tiêu chí của mô hình; chọn một trong: {grades}.",
        "en": "Grade '{grade}' is not valid for a model's criterion; choose one of: {grades}.",
    },
    "services.rating.bad_key": {
        "vi": "Khóa tiêu chí '{key}' chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối (ví dụ no-fire).",
        "en": "Criterion key '{key}' may hold only lower-case ASCII letters, digits and hyphens (e.g. no-fire).",
    },
    "services.rating.criterion_summary": {
        "vi": "Thêm tiêu chí cụ thể '{key}': {text}",
        "en": "Case-specific criterion '{key}' added: {text}",
    },
    "services.rating.criterion_text_required": {
        "vi": "Tiêu chí '{key}' cần nội dung (CHỮ).",
        "en": "Criterion '{key}' needs its text (TEXT).",
    },
    "services.rating.force_needs_reason": {
        "vi": "Quyết định lại xếp loại năm {year} của {id} cần lý do: thêm --reason.",
        "en": "Deciding the {year} rating of {id} again needs a reason: add --reason.",
    },
    "services.rating.forced_default": {
        "vi": "đề nghị xếp loại năm {year} được lập lại",
        "en": "the {year} rating proposal made again",
    },
    "services.rating.grade_for_model_only": {
        "vi": "--grade chỉ dùng cho tiêu chí của mô hình; {id} không phải mô hình.",
        "en": "--grade is for a model's criteria only; {id} is not a model.",
    },
    "services.rating.no_proposal": {
        "vi": "{id} chưa có đề nghị xếp loại năm {year}: chạy `antt rate {id} --year {year}` trước.",
        "en": "{id} has no rating proposal for {year}: run `antt rate {id} --year {year}` first.",
    },
    "services.rating.override_needs_reason": {
        "vi": "Quyết định mức {grade} khác với mức đề nghị {proposed}: cần --reason.",
        "en": "Deciding grade {grade} instead of the proposed {proposed} needs --reason.",
    },
    "services.rating.unknown_criterion": {
        "vi": "Không có tiêu chí '{key}'; các khóa: {keys}.",
        "en": "There is no criterion '{key}'; the keys are: {keys}.",
    },
    "services.rating.wrong_issuer": {
        "vi": "{issuer} không phải cấp đã quyết định thành lập mô hình ({authority}) hay cơ quan kế thừa của cấp đó; quyết định xếp loại do {authority} ban hành (hoặc khai báo cơ quan kế thừa: `antt bodies successor`).",
        "en": "{issuer} is neither the body that established the model ({authority}) nor its successor; the rating is decided by {authority} (or declare a successor: `antt bodies successor`).",
    },
    "services.record.approval_not_taken": {
        "vi": "{kind} không cần phê duyệt: bỏ --approved-by / --approved-date (chỉ dùng cho {kinds}).",
        "en": "{kind} takes no approval: drop --approved-by / --approved-date (they apply to {kinds} only).",
    },
    "services.record.attach_missing": {
        "vi": "--attach {file}: không có tệp đính kèm đó.",
        "en": "--attach {file}: the attachment does not exist.",
    },
    "services.record.attach_not_regular": {
        "vi": "--attach {file}: không phải tệp thường (là thiết bị, ống dẫn, thư mục hoặc tệp của /proc, /sys); hãy chỉ đến tệp bản chụp cần đính kèm.",
        "en": "--attach {file}: not a regular file (a device, a pipe, a folder or a file of /proc or /sys); give the scanned file to attach.",
    },
    "services.record.attach_same_name": {
        "vi": "--attach {first} và {second}: hai tệp chỉ khác nhau ở chữ hoa, chữ thường sẽ thành một tệp trên Windows; hãy đổi tên một tệp rồi chạy lại.",
        "en": "--attach {first} and {second}: two names that differ only in case would be one file on Windows; rename one of them and run the command again.",
    },
    "services.record.attach_too_big": {
        "vi": "Tệp {file} nặng {mb:.1f} MB, quá giới hạn {max} MB (rules.attach_max_mb trong antt.yaml).",
        "en": "The file {file} is {mb:.1f} MB, over the {max} MB limit (rules.attach_max_mb in antt.yaml).",
    },
    "services.record.auto_not_own": {
        "vi": "--number auto chỉ cấp số cho cơ quan của đơn vị (khai bằng `antt bodies add … --own`); '{issuer}' không phải: ghi số bằng tay.",
        "en": "--number auto allocates only for the unit's own bodies (`antt bodies add … --own`); '{issuer}' is not one: give the number by hand.",
    },
    "services.record.bad_set": {
        "vi": "--set '{pair}' phải có dạng KHÓA=GIÁ_TRỊ.",
        "en": "--set '{pair}' must read KEY=VALUE.",
    },
    "services.record.bad_year": {
        "vi": "Năm '{value}' không hợp lệ: gõ một năm từ {low} đến {high} (ví dụ 2026).",
        "en": "Year '{value}' is not valid: type a year from {low} to {high} (e.g. 2026).",
    },
    "services.record.issuer_required": {
        "vi": "Chưa biết cơ quan ban hành '{kind}': thêm --issuer \"TÊN CƠ QUAN\".",
        "en": "The issuing body of '{kind}' is not known: add --issuer \"BODY NAME\".",
    },
    "services.record.members_not_taken": {
        "vi": "{kind} không kèm danh sách thành viên: bỏ --members (dùng cho {kinds}).",
        "en": "{kind} carries no member list: drop --members (it is for {kinds}).",
    },
    "services.record.no_libreoffice": {
        "vi": "--pdf cần LibreOffice (soffice) mà không tìm thấy trên máy này (PATH, thư mục cài đặt thường dùng); cài LibreOffice, hoặc chỉ đường dẫn tới soffice bằng biến ANTT_SOFFICE, hoặc bỏ --pdf.",
        "en": "--pdf needs LibreOffice (soffice), which was not found (PATH, the usual install folders); install it, point ANTT_SOFFICE at soffice, or drop --pdf.",
    },
    "services.record.number_not_taken": {
        "vi": "{title} ({kind}) không mang số văn bản: hãy bỏ --number.",
        "en": "{title} ({kind}) carries no document number: leave out --number.",
    },
    "services.record.number_required": {
        "vi": "'{kind}' là văn bản có số: thêm --number (ví dụ 05/QĐ-UBND) hoặc --number auto cho cơ quan của đơn vị.",
        "en": "'{kind}' is a numbered document: add --number (e.g. 05/QĐ-UBND) or --number auto for the unit's own body.",
    },
    "services.record.pdf_failed": {
        "vi": "LibreOffice không chuyển được {file} sang PDF; thử lại không có --pdf.",
        "en": "LibreOffice could not convert {file} to PDF; try again without --pdf.",
    },
    "services.record.signer_required": {
        "vi": "Chưa biết người ký '{kind}' của {issuer}: thêm --signer \"HỌ TÊN\" --signer-title \"CHỨC DANH\" hoặc khai người đứng đầu bằng `antt bodies add … --head \"Chức danh: Họ tên\"`.",
        "en": "The signer of '{kind}' for {issuer} is not known: add --signer \"NAME\" --signer-title \"TITLE\" or declare the head with `antt bodies add … --head \"Title: Name\"`.",
    },
    "services.record.signer_title_required": {
        "vi": "Cần chức danh của người ký {name}: thêm --signer-title \"CHỨC DANH\".",
        "en": "The title of the signer {name} is needed: add --signer-title \"TITLE\".",
    },
    "services.record.unknown_field": {
        "vi": "'{kind}' không nhận trường --set {key}; các trường dùng được: {allowed}.",
        "en": "'{kind}' takes no --set {key}; the keys it takes: {allowed}.",
    },
    "services.summary.bad_level": {
        "vi": "Cấp '{level}' không hợp lệ: chỉ có {levels}. Hãy gõ lại --level.",
        "en": "Level '{level}' is not valid: only {levels}. Type --level again.",
    },
    "services.summary.bad_output": {
        "vi": "Tệp kết quả {file} phải có đuôi .xlsx (bảng tính) hoặc .docx (báo cáo). Hãy gõ lại -o.",
        "en": "The output file {file} must end in .xlsx (workbook) or .docx (report). Type -o again.",
    },
    "services.summary.inside_dossier": {
        "vi": "Không ghi tổng hợp vào trong hồ sơ ({file}): mọi tệp trong hồ sơ đều được lưu vết. Hãy chọn -o ở thư mục khác.",
        "en": "The summary is not written inside the dossier ({file}): every file there is recorded. Choose -o in another folder.",
    },
    "services.summary.no_area": {
        "vi": "Không có mô hình nào ở địa bàn '{area}'. Các địa bàn có mô hình: {areas}.",
        "en": "No model is in area '{area}'. The areas with models: {areas}.",
    },
    "services.summary.no_exemplars": {
        "vi": "Năm {year} không có điển hình tiên tiến nào được công nhận, đánh giá lại hay kết thúc.",
        "en": "In {year} no exemplar was recognized, reassessed or ended.",
    },
    "services.summary.no_models": {
        "vi": "Năm đánh giá {year} (từ {start} đến {end}) chưa có mô hình nào được mở hồ sơ hoặc còn hoạt động, nên không có mô hình để xếp loại.",
        "en": "In evaluation year {year} ({start} to {end}) no model had been opened or was still running, so there is no model to rate.",
    },
    "services.summary.no_models_in": {
        "vi": "Không có mô hình nào thuộc '{which}' trong năm đánh giá {year} (từ {start} đến {end}).",
        "en": "No model of '{which}' in evaluation year {year} ({start} to {end}).",
    },
    "services.summary.none_rated": {
        "vi": "Năm {year} chưa có mô hình nào được quyết định xếp loại; {count} mô hình, lý do: {reasons}.",
        "en": "In {year} no model has a rating decision yet; {count} models, why: {reasons}.",
    },
    "services.summary.write_failed": {
        "vi": "Không ghi được {file}: {detail}. Hãy kiểm tra thư mục và quyền ghi rồi chạy lại.",
        "en": "Could not write {file}: {detail}. Check the folder and its permissions and run again.",
    },
    "services.templates.already_own": {
        "vi": "Hồ sơ đã có mẫu riêng {file} cho {name}: sửa tệp đó (hoặc xóa nó bằng git rm rồi xuất lại).",
        "en": "The dossier already has its own {file} for {name}: edit that file (or remove it with git rm and export again).",
    },
    "services.templates.export_summary": {
        "vi": "Xuất mẫu {name} để sửa",
        "en": "Export template {name} for editing",
    },
}
