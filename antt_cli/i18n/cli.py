"""Messages of the command line: its own refusals, notices, table columns and status words."""

MESSAGES: dict[str, dict[str, str]] = {
    "cli.accept.done": {
        "vi": "Đã nhận bản sửa tay của {kind} ({id}) làm bản ban hành: {file}",
        "en": "Accepted the hand-edited {kind} ({id}) as the issued version: {file}",
    },
    "cli.accept.help": {
        "vi": "Nhận văn bản đã sửa tay (trong Word) làm bản ban hành: cập nhật mã băm, một commit.",
        "en": "Record a document edited by hand (in Word) as the issued version: its hash updated, one commit.",
    },
    "cli.amend.done": {"vi": "Đã đính chính {kind} của {id}", "en": "Corrected {kind} of {id}"},
    "cli.amend.help": {"vi": "Đính chính văn bản đã ghi (giữ giá trị cũ và lý do).",
                       "en": "Correct a recorded document (old values and reason kept)."},
    "cli.bad_date": {
        "vi": "'{value}' không phải ngày hợp lệ (dạng YYYY-MM-DD hoặc DD/MM/YYYY, năm 2000–2099)",
        "en": "'{value}' is not a valid date (YYYY-MM-DD or DD/MM/YYYY, a year 2000–2099)",
    },
    "cli.bad_input": {
        "vi": "Giá trị của {option} ('{value}') chứa {problem}. Hãy gõ lại giá trị đó bằng chữ thường (UTF-8, không có ký tự điều khiển).",
        "en": "The value of {option} ('{value}') contains {problem}. Type that value again as plain text (UTF-8, no control characters).",
    },
    "cli.bodies.add.done": {"vi": "Đã thêm cơ quan {name}", "en": "Added body {name}"},
    "cli.bodies.add.help": {"vi": "Khai cơ quan ban hành (mã số văn bản, người ký).",
                            "en": "Record an issuing body (its number code, who signs)."},
    "cli.bodies.help": {"vi": "Cơ quan ban hành văn bản và cơ quan kế thừa.", "en": "Issuing bodies and successors."},
    "cli.bodies.successor.done": {"vi": "Đã ghi: {new} kế thừa {old}", "en": "Recorded: {new} succeeds {old}"},
    "cli.bodies.successor.help": {"vi": "Ghi cơ quan NEW kế thừa cơ quan OLD (cơ quan đã sáp nhập, đổi tên).",
                                  "en": "Record that body NEW succeeds body OLD (a body merged or renamed)."},
    "cli.check.case": {"vi": "Hồ sơ {id}", "en": "Case {id}"},
    "cli.check.help": {
        "vi": "Kiểm tra hồ sơ (§V HD 163): từng thành phần hồ sơ (có, thiếu, chưa đến hạn, không áp dụng) và tính nhất quán (ngày, cơ quan ban hành, tệp văn bản, số văn bản). Không ghi gì; thoát mã 1 khi thiếu thành phần hoặc có lỗi.",
        "en": "Check the dossier (§V of HD 163): each dossier item (present, missing, not due, n/a) and consistency (dates, issuers, document files, numbers). Writes nothing; exit 1 when an item is missing or there is an error.",
    },
    "cli.check.level.error": {"vi": "LỖI", "en": "ERROR"},
    "cli.check.level.warning": {"vi": "CẢNH BÁO", "en": "WARNING"},
    "cli.check.progress": {"vi": "Đang kiểm tra", "en": "Checking"},
    "cli.check.summary": {
        "vi": "{cases} hồ sơ: {ok} đạt, {failed} chưa đạt; {errors} lỗi, {warnings} cảnh báo.",
        "en": "{cases} case(s): {ok} pass, {failed} fail; {errors} error(s), {warnings} warning(s).",
    },
    "cli.close.done": {
        "vi": "Đã ghi báo cáo đề xuất kết thúc {id}: {file}. Mô hình đang kết thúc (closing); bước tiếp theo: `antt record {id} closure-consultation --set agree=N --set disagree=N`.",
        "en": "Closure report of {id} recorded: {file}. The model is closing; next: `antt record {id} closure-consultation --set agree=N --set disagree=N`.",
    },
    "cli.close.help": {
        "vi": "Bắt đầu kết thúc mô hình (§III.3): ghi báo cáo đánh giá toàn diện, đề xuất kết thúc; các bước sau ghi bằng `antt record` (closure-consultation, closure-decision, closure-announcement).",
        "en": "Start closing a model (§III.3): records the closure report; the next steps are recorded with `antt record` (closure-consultation, closure-decision, closure-announcement).",
    },
    "cli.col.achieved": {"vi": "Đạt", "en": "Achieved"},
    "cli.col.action": {"vi": "Thao tác", "en": "Action"},
    "cli.col.check_no": {"vi": "TT", "en": "No."},
    "cli.col.criterion": {
        "vi": "Tiêu chí",
        "en": "Criterion",
    },
    "cli.col.date": {"vi": "Ngày", "en": "Date"},
    "cli.col.deadline": {
        "vi": "Theo hướng dẫn",
        "en": "Guideline",
    },
    "cli.col.document": {"vi": "Văn bản", "en": "Document"},
    "cli.col.dossier_item": {"vi": "Thành phần hồ sơ", "en": "Dossier item"},
    "cli.col.due": {"vi": "Hạn kế tiếp", "en": "Next due"},
    "cli.col.grade": {"vi": "Xếp loại", "en": "Grade"},
    "cli.col.id": {"vi": "Mã", "en": "ID"},
    "cli.col.issuer": {"vi": "Cơ quan ban hành", "en": "Issuer"},
    "cli.col.kind": {"vi": "Loại", "en": "Kind"},
    "cli.col.last_day": {
        "vi": "Ngày cuối",
        "en": "Last day",
    },
    "cli.col.left": {
        "vi": "Còn",
        "en": "Left",
    },
    "cli.col.met": {"vi": "Hoàn thành", "en": "Met"},
    "cli.col.name": {"vi": "Tên", "en": "Name"},
    "cli.col.number": {"vi": "Số", "en": "Number"},
    "cli.col.officer": {"vi": "Cán bộ", "en": "Officer"},
    "cli.col.planned": {"vi": "Kế hoạch", "en": "Planned"},
    "cli.col.state": {"vi": "Tình trạng", "en": "State"},
    "cli.col.status": {"vi": "Trạng thái", "en": "Status"},
    "cli.col.step": {"vi": "Bước", "en": "Step"},
    "cli.col.summary": {"vi": "Nội dung", "en": "Summary"},
    "cli.col.target": {"vi": "Chỉ tiêu", "en": "Target"},
    "cli.col.what": {
        "vi": "Việc phải làm",
        "en": "What",
    },
    "cli.col.text": {
        "vi": "Nội dung",
        "en": "Text",
    },
    "cli.criteria.add.help": {
        "vi": "Thêm một tiêu chí cụ thể của hồ sơ (mô hình: mức xếp loại thấp nhất cần tiêu chí đó; điển hình: tiêu chí riêng, không có mức).",
        "en": "Add a case-specific criterion (model: the lowest grade it is required for; exemplar: a specific criterion, no grade).",
    },
    "cli.criteria.added": {
        "vi": "Đã thêm tiêu chí '{key}' cho {id} (áp dụng từ mức {grade}).",
        "en": "Added criterion '{key}' to {id} (required from grade {grade}).",
    },
    "cli.criteria.added_exemplar": {
        "vi": "Đã thêm tiêu chí riêng '{key}' cho điển hình {id}.",
        "en": "Added specific criterion '{key}' to exemplar {id}.",
    },
    "cli.criteria.help": {
        "vi": "Tiêu chí cụ thể của một hồ sơ (§III.2.b Lưu ý; điển hình: §IV.1).",
        "en": "A case's own criteria (§III.2.b note; exemplars: §IV.1).",
    },
    "cli.demo.done": {"vi": "Hồ sơ mẫu: {path}", "en": "Demo dossier: {path}"},
    "cli.demo.help": {"vi": "Dựng một hồ sơ mẫu bằng chính các lệnh của antt rồi in trạng thái và git log.",
                      "en": "Build a sample dossier with antt's own commands, then print status and git log."},
    "cli.demo.step_failed": {
        "vi": "Bước demo thất bại: {command} — {detail}",
        "en": "A demo step failed: {command} — {detail}",
    },
    "cli.detail.area": {"vi": "Địa bàn", "en": "Area"},
    "cli.detail.authority": {"vi": "Cấp có thẩm quyền", "en": "Authority"},
    "cli.detail.clock": {
        "vi": "Thời hạn xây dựng: từ {start}, đánh giá chậm nhất ngày {last}",
        "en": "Building year: from {start}, evaluation by {last} at the latest",
    },
    "cli.detail.days_left": {
        "vi": "(còn {days} ngày)",
        "en": "({days} days left)",
    },
    "cli.detail.items": {
        "vi": "Hồ sơ (§V.2)",
        "en": "Dossier (§V.2)",
    },
    "cli.detail.late_steps": {
        "vi": "(muộn: {steps})",
        "en": "(late: {steps})",
    },
    "cli.detail.lead": {"vi": "Trưởng mô hình", "en": "Lead unit"},
    "cli.detail.members": {"vi": "Đơn vị thành viên", "en": "Member units"},
    "cli.detail.next": {"vi": "Có thể ghi tiếp", "en": "May be recorded next"},
    "cli.detail.no_targets": {"vi": "không có chỉ tiêu", "en": "no targets"},
    "cli.detail.overdue": {"vi": "quá hạn", "en": "overdue"},
    "cli.detail.plan": {"vi": "Kế hoạch năm {year}: hoàn thành {rate} chỉ tiêu", "en": "Plan {year}: completion {rate}"},
    "cli.detail.proposed": {
        "vi": "(đề nghị {year}: {grade})",
        "en": "(proposed {year}: {grade})",
    },
    "cli.detail.rating.decided": {
        "vi": "Quyết định",
        "en": "Decided",
    },
    "cli.detail.rating.late": {
        "vi": "Bước muộn",
        "en": "Late steps",
    },
    "cli.detail.rating.proposed": {
        "vi": "Đề nghị",
        "en": "Proposed",
    },
    "cli.detail.rating.submitted": {
        "vi": "Đã gửi tỉnh",
        "en": "Sent",
    },
    "cli.detail.rating.year": {
        "vi": "Năm",
        "en": "Year",
    },
    "cli.detail.ratings": {
        "vi": "Xếp loại hằng năm",
        "en": "Yearly ratings",
    },
    "cli.draft.done": {"vi": "Đã tạo bản nháp {file}", "en": "Draft written to {file}"},
    "cli.draft.help": {"vi": "Tạo bản nháp DOCX của một loại văn bản, không ghi gì vào hồ sơ.",
                       "en": "Render a draft DOCX of a kind without recording anything."},
    "cli.due.days_left": {
        "vi": "còn {days} ngày",
        "en": "{days} days left",
    },
    "cli.due.days_over": {
        "vi": "QUÁ HẠN {days} ngày",
        "en": "OVERDUE by {days} days",
    },
    "cli.due.help": {
        "vi": "Những việc đến hạn hoặc quá hạn của các mô hình (kế hoạch năm, báo cáo 06 tháng và năm, ba bước xếp loại), hạn gần nhất trước.",
        "en": "What is due or overdue (annual plans, 6-month and annual reports, the three rating steps), soonest first.",
    },
    "cli.due.none": {
        "vi": "Không có việc nào đến hạn.",
        "en": "Nothing is due.",
    },
    "cli.error": {"vi": "Lỗi", "en": "Error"},
    "cli.evaluate.ask": {
        "vi": "Tiêu chí {key} — {text}: đạt?",
        "en": "Criterion {key} — {text}: met?",
    },
    "cli.evaluate.bad_pair": {
        "vi": "'{pair}' không đúng dạng KEY=yes|no (hoặc KEY=TEXT).",
        "en": "'{pair}' is not KEY=yes|no (or KEY=TEXT).",
    },
    "cli.evaluate.done": {
        "vi": "Đã ghi {kind} của {id} ({file}):",
        "en": "Recorded {kind} of {id} ({file}):",
    },
    "cli.evaluate.help": {
        "vi": "Đánh giá điển hình sau 01 năm xây dựng (hoặc đánh giá lại hằng năm điển hình đã công nhận): in kết quả đề xuất và ghi báo cáo đánh giá.",
        "en": "Evaluate an exemplar after its building year (or reassess a recognized one each year): prints the outcome proposed and records the report.",
    },
    "cli.evaluate.missed": {
        "vi": "Không đạt: {keys}",
        "en": "Missed: {keys}",
    },
    "cli.evaluate.not_given": {
        "vi": "Các tiêu chí không được nêu được tính là không đạt: {keys}.",
        "en": "Criteria not given count as not met: {keys}.",
    },
    "cli.evaluate.outcome_end": {
        "vi": "Đề xuất: kết thúc xây dựng điển hình {id} — ghi quyết định bằng `antt record {id} ending`, rồi `ending-notice`.",
        "en": "Proposed: end exemplar {id} — record the decision with `antt record {id} ending`, then `ending-notice`.",
    },
    "cli.evaluate.outcome_keep": {
        "vi": "Đề xuất: giữ công nhận điển hình {id} (đạt từ ngưỡng đánh giá lại trở lên); không cần quyết định mới.",
        "en": "Proposed: keep exemplar {id} recognized (at or above the reassessment threshold); no new decision is needed.",
    },
    "cli.evaluate.outcome_recognize": {
        "vi": "Đề xuất: công nhận điển hình {id} — ghi quyết định bằng `antt record {id} recognition`.",
        "en": "Proposed: recognize exemplar {id} — record the decision with `antt record {id} recognition`.",
    },
    "cli.evaluate.share": {
        "vi": "Tỷ lệ tiêu chí đạt: {share}",
        "en": "Criteria met: {share}",
    },
    "cli.exemplar_kind.collective": {
        "vi": "tập thể",
        "en": "collective",
    },
    "cli.exemplar_kind.individual": {
        "vi": "cá nhân",
        "en": "individual",
    },
    "cli.grade.kha": {
        "vi": "Khá",
        "en": "Khá (good)",
    },
    "cli.grade.tot": {
        "vi": "Tốt",
        "en": "Tốt (very good)",
    },
    "cli.grade.trung-binh": {
        "vi": "Trung bình",
        "en": "Trung bình (average)",
    },
    "cli.grade.yeu": {
        "vi": "Yếu",
        "en": "Yếu (weak)",
    },
    "cli.help": {
        "vi": "antt — hồ sơ mô hình, điển hình tiên tiến Phong trào Toàn dân bảo vệ an ninh Tổ quốc (HD 163/HD-BCĐ), lưu vết bằng git.",
        "en": "antt — dossiers of models and advanced exemplars of the movement (HD 163/HD-BCĐ), audited in git.",
    },
    "cli.help_topic.about.case-schema": {"vi": "các tệp dữ liệu antt.yaml và case.yaml, từng trường",
                                         "en": "the data files antt.yaml and case.yaml, field by field"},
    "cli.help_topic.about.commands": {"vi": "mọi lệnh, tùy chọn và các trường hợp bị từ chối",
                                      "en": "every command, its options and its refusals"},
    "cli.help_topic.about.huong-dan": {"vi": "hướng dẫn sử dụng: cài đặt, hồ sơ đầu tiên, trọn vòng đời một mô hình",
                                       "en": "the user guide: install, a first dossier, a model's whole lifecycle"},
    "cli.help_topic.about.interpretations": {
        "vi": "cách antt hiểu những điểm Hướng dẫn 163 chưa rõ, và cách điều chỉnh trong antt.yaml",
        "en": "how antt reads the points Guideline 163 leaves open, and how antt.yaml changes them",
    },
    "cli.help_topic.about.kinds": {"vi": "các loại văn bản: mỗi loại một tệp đặc tả, cách thêm loại mới",
                                   "en": "the document kinds: one spec file each, how to add one"},
    "cli.help_topic.about.members": {"vi": "tệp CSV danh sách thành viên (--members)",
                                     "en": "the members CSV file (--members)"},
    "cli.help_topic.about.reliability": {"vi": "khóa hồ sơ, nhật ký khôi phục, mã thoát, kiểm tra dữ liệu nhập",
                                         "en": "the dossier lock, the recovery journal, exit codes, input checks"},
    "cli.help_topic.about.rules": {"vi": "các quy tắc vòng đời mô hình antt áp dụng, kèm mục của Hướng dẫn 163",
                                   "en": "the model lifecycle rules antt enforces, with the § of Guideline 163"},
    "cli.help_topic.about.templates": {
        "vi": "công văn, giấy mời… (antt letter) và cách sửa mẫu văn bản bằng Word",
        "en": "letters (antt letter) and editing the templates in Word",
    },
    "cli.help_topic.help": {
        "vi": "Tài liệu tham khảo đi kèm antt (quy tắc, cách hiểu, cấu trúc tệp, hướng dẫn sử dụng…); không có TOPIC: danh sách chủ đề.",
        "en": "The reference shipped with antt (rules, interpretations, file schema, user guide, …); without TOPIC: the list of topics.",
    },
    "cli.help_topic.in_en": {"vi": "(tiếng Anh)", "en": "(in English)"},
    "cli.help_topic.in_vi": {"vi": "(tiếng Việt)", "en": "(in Vietnamese)"},
    "cli.help_topic.list": {"vi": "Các chủ đề tài liệu (antt help CHỦ_ĐỀ):", "en": "Reference topics (antt help TOPIC):"},
    "cli.help_topic.only_en": {"vi": "(chủ đề này hiện chỉ có bản tiếng Anh)", "en": "(in English)"},
    "cli.help_topic.only_vi": {"vi": "(bằng tiếng Việt)", "en": "(this topic exists in Vietnamese only)"},
    "cli.help_topic.usage": {
        "vi": "Mỗi lệnh còn có `antt LỆNH --help`.",
        "en": "Each command also has `antt COMMAND --help`.",
    },
    "cli.history.help": {"vi": "Lịch sử thay đổi của một hồ sơ (từ trailer git).",
                         "en": "A case's history (from the git trailers)."},
    "cli.init.done": {"vi": "Đã tạo hồ sơ {path}", "en": "Dossier created at {path}"},
    "cli.init.help": {"vi": "Tạo thư mục hồ sơ mới: git init, antt.yaml, commit đầu tiên.",
                      "en": "Create a new dossier: git init, antt.yaml, first commit."},
    "cli.internal": {
        "vi": "Lỗi nội bộ của antt ({detail}); không có thay đổi nào được ghi, chi tiết lỗi đã ghi vào {log} — hãy gửi tệp đó kèm lệnh đã chạy khi báo lỗi.",
        "en": "Internal antt error ({detail}); nothing was changed, the details are in {log} — please send that file and the command you ran when you report it.",
    },
    "cli.internal_after_commit": {
        "vi": "Thay đổi đã được commit ({sha}: {summary}), nhưng sau đó antt gặp lỗi nội bộ ({detail}); chi tiết đã ghi vào {log}. Đừng chạy lại lệnh này.",
        "en": "The change was committed ({sha}: {summary}), but antt then met an internal error ({detail}); the details are in {log}. Do not run the command again.",
    },
    "cli.interrupted_after_commit": {
        "vi": "Đã dừng theo yêu cầu (Ctrl-C), nhưng thay đổi đã được commit trước đó ({sha}: {summary}); đừng chạy lại lệnh này.",
        "en": "Stopped on request (Ctrl-C), but the change had already been committed ({sha}: {summary}); do not run the command again.",
    },
    "cli.interrupted_at_start": {
        "vi": "Đã dừng theo yêu cầu (Ctrl-C) trước khi ghi bất cứ thứ gì; hồ sơ không thay đổi.",
        "en": "Stopped on request (Ctrl-C) before anything was written; nothing was changed.",
    },
    "cli.interrupted_rolled_back": {
        "vi": "Đã dừng theo yêu cầu (Ctrl-C) trước khi commit; mọi thay đổi dở dang đã được hoàn lại, hồ sơ như trước lệnh.",
        "en": "Stopped on request (Ctrl-C) before the commit; every partial change was rolled back, the dossier is as it was.",
    },
    "cli.item_state.missing": {
        "vi": "THIẾU",
        "en": "MISSING",
    },
    "cli.item_state.n/a": {
        "vi": "không áp dụng",
        "en": "n/a",
    },
    "cli.item_state.not-due": {
        "vi": "chưa đến hạn",
        "en": "not due",
    },
    "cli.item_state.present": {
        "vi": "có",
        "en": "present",
    },
    "cli.kind.exemplar": {"vi": "điển hình", "en": "exemplar"},
    "cli.kind.model": {"vi": "mô hình", "en": "model"},
    "cli.letter.done": {
        "vi": "Đã tạo văn bản {file} (chưa ghi vào hồ sơ; thêm --record để lấy số và lưu).",
        "en": "Letter written to {file} (not recorded; add --record to number and store it).",
    },
    "cli.letter.help": {
        "vi": "Soạn công văn, giấy mời, thông báo, tờ trình, báo cáo (hoặc mẫu riêng của hồ sơ) về một mô hình; --record để lấy số, lưu vào hồ sơ và commit.",
        "en": "Write a letter (công văn, giấy mời, thông báo, tờ trình, báo cáo, or the dossier's own template) about a case; --record numbers it, stores it in the case and commits.",
    },
    "cli.letter.recorded": {
        "vi": "Đã ghi văn bản số {number} vào {id}: {file}",
        "en": "Recorded letter no. {number} in {id}: {file}",
    },
    "cli.new_exemplar.done": {
        "vi": "Đã mở hồ sơ điển hình {id}.",
        "en": "Opened exemplar {id}.",
    },
    "cli.new_exemplar.help": {
        "vi": "Mở hồ sơ điển hình tiên tiến (tập thể hoặc cá nhân); in mã DH-… của hồ sơ.",
        "en": "Open an advanced exemplar (a collective or an individual); prints its DH-… ID.",
    },
    "cli.new_model.done": {"vi": "Đã mở hồ sơ mô hình {id}", "en": "Opened model {id}"},
    "cli.new_model.help": {"vi": "Mở hồ sơ mô hình mới ở bước 1 (NAME là tên gọi tạm).",
                           "en": "Open a model at step 1 (NAME is a working title)."},
    "cli.next.blocked": {"vi": "Chưa thể ghi (còn thiếu văn bản trước)", "en": "Blocked (prerequisites missing)"},
    "cli.next.closed": {"vi": "{id} đã kết thúc: không còn văn bản nào phải ghi.", "en": "{id} is closed: nothing more is recorded."},
    "cli.next.example": {"vi": "Ví dụ", "en": "Example"},
    "cli.next.help": {"vi": "Việc tiếp theo của hồ sơ: văn bản đã ghi, văn bản có thể ghi tiếp (cơ quan ban hành, tùy chọn cần có, lệnh mẫu) và văn bản chưa thể ghi.", "en": "The case's checklist: what is recorded, what may come next (issuer, options needed, an example command) and what is blocked."},
    "cli.next.issuer": {"vi": "Cơ quan ban hành", "en": "Issued by"},
    "cli.next.may": {"vi": "Có thể ghi tiếp", "en": "May come next"},
    "cli.next.missing": {"vi": "thiếu", "en": "missing"},
    "cli.next.options": {"vi": "Cần có", "en": "Needs"},
    "cli.next.recorded": {"vi": "Đã ghi", "en": "Recorded"},
    "cli.next.role.authority": {"vi": "cơ quan có thẩm quyền (chưa xác định: ghi --issuer)", "en": "the authority (not known yet: give --issuer)"},
    "cli.next.role.meeting": {"vi": "hội nghị (chủ trì và thư ký ký)", "en": "the meeting (its chair and secretary sign)"},
    "cli.next.role.party": {"vi": "cấp ủy (ghi --issuer)", "en": "the party committee (give --issuer)"},
    "cli.next.role.proposer": {"vi": "đơn vị đề xuất (ghi --issuer)", "en": "the proposing unit (give --issuer)"},
    "cli.next.role.steering": {"vi": "Ban Chỉ đạo mô hình", "en": "the model's steering committee"},
    "cli.no_cases": {"vi": "Chưa có hồ sơ nào. Mở bằng `antt new-model`.", "en": "No cases yet. Open one with `antt new-model`."},
    "cli.notice": {"vi": "Lưu ý", "en": "Note"},
    "cli.opt.date": {"vi": "Ngày (YYYY-MM-DD hoặc DD/MM/YYYY); mặc định hôm nay.",
                     "en": "Date (YYYY-MM-DD or DD/MM/YYYY); default today."},
    "cli.opt.dossier": {"vi": "Thư mục hồ sơ (mặc định: $ANTT_DOSSIER hoặc thư mục có antt.yaml gần nhất).",
                        "en": "Dossier folder (default: $ANTT_DOSSIER or the nearest folder with antt.yaml)."},
    "cli.opt.json": {"vi": "Kết quả dạng JSON trên stdout (cho script).", "en": "Machine-readable JSON on stdout."},
    "cli.opt.lang": {"vi": "Ngôn ngữ thông báo: vi hoặc en.", "en": "Message language: vi or en."},
    "cli.output_failed": {
        "vi": "Không in được kết quả ({detail}); không có thay đổi nào được ghi. Hãy chuyển kết quả sang tệp khác hoặc cửa sổ dòng lệnh khác rồi chạy lại.",
        "en": "Could not print the result ({detail}); nothing was changed. Send the output to another file or terminal and run the command again.",
    },
    "cli.output_failed_after_commit": {
        "vi": "Thay đổi đã được commit ({sha}: {summary}), nhưng không in được kết quả ({detail}). Đừng chạy lại lệnh này; xem lại bằng `antt history`.",
        "en": "The change was committed ({sha}: {summary}), but its result could not be printed ({detail}). Do not run the command again; see it with `antt history`.",
    },
    "cli.plan.help": {"vi": "Ghi kế hoạch hoạt động năm với các chỉ tiêu.",
                      "en": "Record the annual plan with its targets."},
    "cli.progress.done": {"vi": "{id} năm {year}: \"{text}\" cập nhật; tỷ lệ hoàn thành chỉ tiêu {rate}",
                          "en": "{id} {year}: \"{text}\" updated; completion {rate}"},
    "cli.progress.help": {"vi": "Cập nhật kết quả đạt được của một chỉ tiêu (giá trị, không cộng dồn).",
                          "en": "Set the achieved value of a target (a value, not an increment)."},
    "cli.propose_national.done": {
        "vi": "Đã ghi tờ trình đề xuất của {id}: {file}. Hồ sơ gửi kèm: {zip} ({count} tệp; {left} văn bản mật không gửi kèm).",
        "en": "Recorded the national proposal of {id}: {file}. Bundle: {zip} ({count} files; {left} classified documents left out).",
    },
    "cli.propose_national.help": {
        "vi": "Đề xuất Cục V05 - Bộ Công an thẩm định, nhân rộng mô hình toàn quốc (§III.3): ghi tờ trình và tạo tệp zip hồ sơ mô hình kèm danh mục.",
        "en": "Propose the model to Cục V05 (Ministry of Public Security) for nationwide replication (§III.3): records the tờ trình and writes a zip of the dossier with an index.",
    },
    "cli.rate.absent": {
        "vi": "không có",
        "en": "absent",
    },
    "cli.rate.ask": {
        "vi": "[{key}] {text}: đạt?",
        "en": "[{key}] {text}: met?",
    },
    "cli.rate.ask_trigger": {
        "vi": "[{key}] {text}: có xảy ra?",
        "en": "[{key}] {text}: did it happen?",
    },
    "cli.rate.col.criterion": {
        "vi": "Tiêu chí",
        "en": "Criterion",
    },
    "cli.rate.col.grades": {
        "vi": "Áp dụng cho mức",
        "en": "Required for",
    },
    "cli.rate.col.key": {
        "vi": "Khóa",
        "en": "Key",
    },
    "cli.rate.col.met": {
        "vi": "Kết quả",
        "en": "Result",
    },
    "cli.rate.col.source": {
        "vi": "Nguồn",
        "en": "Source",
    },
    "cli.rate.criterion_with_decide": {
        "vi": "--criterion dùng khi đề nghị xếp loại, không dùng với --decide.",
        "en": "--criterion belongs to the proposal, not to --decide.",
    },
    "cli.rate.decide_needs": {
        "vi": "--decide cần {missing} (cơ quan quyết định và số quyết định).",
        "en": "--decide needs {missing} (the deciding body and the decision's number).",
    },
    "cli.rate.decide_only": {
        "vi": "{option} chỉ dùng với --decide.",
        "en": "{option} is used with --decide only.",
    },
    "cli.rate.decided": {
        "vi": "{id}: quyết định công nhận mức xếp loại năm {year}: {grade}.",
        "en": "{id}: the {year} rating decided: {grade}.",
    },
    "cli.rate.defaulted": {
        "vi": "Không được trả lời (tính là không đạt; biểu hiện Yếu tính là không có): {keys}. Trả lời bằng --criterion KHÓA=yes|no.",
        "en": "Not answered (counted as not met; a Yếu trigger as absent): {keys}. Answer with --criterion KEY=yes|no.",
    },
    "cli.rate.grade": {
        "vi": "{id}: mức xếp loại đề nghị năm {year}: {grade} — hoàn thành {completion} chỉ tiêu.",
        "en": "{id}: proposed grade for {year}: {grade} — completion {completion}.",
    },
    "cli.rate.help": {
        "vi": "Đề nghị xếp loại mô hình năm YEAR (tính mức, in bảng tiêu chí, ghi báo cáo đề nghị); với --decide: ghi quyết định công nhận mức xếp loại.",
        "en": "Propose the model's grade for YEAR (computes it, prints the criteria, records the proposal); with --decide: record the authority's decision.",
    },
    "cli.rate.late": {
        "vi": "Ghi nhận muộn: quá hạn trước {deadline} (late: true).",
        "en": "Recorded late: the deadline was before {deadline} (late: true).",
    },
    "cli.rate.met": {
        "vi": "đạt",
        "en": "met",
    },
    "cli.rate.missed": {
        "vi": "Chưa đạt mức {grade} vì:",
        "en": "Not {grade} because:",
    },
    "cli.rate.not_met": {
        "vi": "không đạt",
        "en": "not met",
    },
    "cli.rate.overrides": {
        "vi": "(khác với mức đề nghị: {proposed}; cả hai được lưu)",
        "en": "(differs from the proposed grade: {proposed}; both are kept)",
    },
    "cli.rate.present": {
        "vi": "có",
        "en": "present",
    },
    "cli.rate.source.asked": {
        "vi": "đã hỏi",
        "en": "asked",
    },
    "cli.rate.source.computed": {
        "vi": "tính từ hồ sơ",
        "en": "computed",
    },
    "cli.rate.source.default": {
        "vi": "không trả lời",
        "en": "not given",
    },
    "cli.rate.source.given": {
        "vi": "--criterion",
        "en": "--criterion",
    },
    "cli.rate.step.decide": {
        "vi": "quyết định",
        "en": "decision",
    },
    "cli.rate.step.propose": {
        "vi": "đề nghị",
        "en": "the proposal",
    },
    "cli.rate.step.submit": {
        "vi": "gửi tỉnh",
        "en": "submission",
    },
    "cli.rate.yeu_paths": {
        "vi": "Mô hình xếp loại Yếu: hoặc củng cố, kiện toàn (`antt record {id} consolidation`, rồi xếp loại lại năm sau), hoặc kết thúc mô hình (`antt close {id} --reason …`).",
        "en": "The model is Yếu: either consolidate it (`antt record {id} consolidation`, then rate it again next year) or close it (`antt close {id} --reason …`).",
    },
    "cli.record.done": {"vi": "Đã ghi {kind} cho {id}: {file}", "en": "Recorded {kind} for {id}: {file}"},
    "cli.record.help": {"vi": "Ghi một văn bản đã ban hành, tạo tệp DOCX, chuyển bước hồ sơ.",
                        "en": "Record an issued document, render its DOCX, advance the case."},
    "cli.replicate.done": {
        "vi": "Đã mở {id}, nhân rộng từ {source} (bắt đầu lại từ bước 1).",
        "en": "Opened {id}, replicated from {source} (it starts again at step 1).",
    },
    "cli.replicate.help": {
        "vi": "Nhân rộng một mô hình được công nhận “Tốt” sang địa bàn hoặc lĩnh vực khác (§III.3): mở hồ sơ mô hình mới ở bước 1; in mã mới.",
        "en": "Replicate a model rated Tốt to another area or field (§III.3): opens a new model at step 1; prints its ID.",
    },
    "cli.status.active": {"vi": "đang hoạt động", "en": "active"},
    "cli.status.broken": {"vi": "tệp hỏng", "en": "broken file"},
    "cli.status.building": {"vi": "đang xây dựng", "en": "building"},
    "cli.status.closed": {"vi": "đã kết thúc", "en": "closed"},
    "cli.status.closing": {"vi": "đang kết thúc", "en": "closing"},
    "cli.status.ended": {
        "vi": "đã kết thúc xây dựng",
        "en": "ended",
    },
    "cli.status.help": {"vi": "Bảng các hồ sơ; với ID: toàn bộ thông tin một hồ sơ.",
                        "en": "Table of cases; with ID, one case's full picture."},
    "cli.status.recognized": {
        "vi": "đã công nhận",
        "en": "recognized",
    },
    "cli.status.surveying": {
        "vi": "đang khảo sát",
        "en": "surveying",
    },
    "cli.stdout_closed": {
        "vi": "đầu ra chuẩn (stdout) đã bị đóng",
        "en": "standard output is closed",
    },
    "cli.summary.broken": {
        "vi": "Không đọc được {count} hồ sơ ({ids}); chạy antt check để biết lý do.",
        "en": "{count} cases could not be read ({ids}); run antt check for why.",
    },
    "cli.summary.help": {
        "vi": "Tổng hợp kết quả xếp loại năm gửi Thường trực Ban Chỉ đạo tỉnh (trước 15/11): bảng trên màn hình, tệp .xlsx hoặc .docx.",
        "en": "The year's results for the provincial standing office (by 15/11): tables on screen, a .xlsx or .docx file.",
    },
    "cli.summary.period": {
        "vi": "Năm đánh giá {year}: từ {start} đến {end}; tính đến ngày {day}; {count} mô hình.",
        "en": "Evaluation year {year}: {start} to {end}; as of {day}; {count} models.",
    },
    "cli.summary.written": {"vi": "Đã ghi {file}", "en": "Wrote {file}"},
    "cli.templates.check.help": {
        "vi": "Kiểm tra mẫu: cú pháp Jinja, biến không có dữ liệu, thẻ bị Word tách thành nhiều đoạn, bộ lọc lạ, thẻ bị cấm.",
        "en": "Check templates: Jinja syntax, names the data does not provide, tags split across Word runs, unknown filters, forbidden tags.",
    },
    "cli.templates.check_ok": {
        "vi": "{file}: không có lỗi.",
        "en": "{file}: no problems.",
    },
    "cli.templates.check_problem": {
        "vi": "{problem}",
        "en": "{problem}",
    },
    "cli.templates.check_summary": {
        "vi": "Đã kiểm tra {checked} mẫu, {broken} mẫu có lỗi.",
        "en": "Checked {checked} templates, {broken} with problems.",
    },
    "cli.templates.export.help": {
        "vi": "Chép một mẫu mặc định vào thư mục templates/ của hồ sơ để sửa bằng Word (một commit).",
        "en": "Copy a shipped template into the dossier's templates/ folder for editing in Word (one commit).",
    },
    "cli.templates.exported": {
        "vi": "Đã chép mẫu {name} vào {file}: mở bằng Word hoặc LibreOffice để sửa, rồi chạy `antt templates check {name}`.",
        "en": "Copied template {name} to {file}: open it in Word or LibreOffice, edit, then run `antt templates check {name}`.",
    },
    "cli.templates.help": {
        "vi": "Xem, xuất để sửa bằng Word, và kiểm tra các mẫu văn bản.",
        "en": "List, export for editing in Word, and check the document templates.",
    },
    "cli.templates.kind_document": {
        "vi": "văn bản hồ sơ",
        "en": "dossier document",
    },
    "cli.templates.kind_letter": {
        "vi": "văn bản gửi đi",
        "en": "letter",
    },
    "cli.templates.list.help": {
        "vi": "Liệt kê mọi mẫu (mặc định hay riêng của hồ sơ), loại, các trường và nguồn.",
        "en": "List every template (shipped or the dossier's own), its kind, its fields and its origin.",
    },
    "cli.templates.origin_dossier": {
        "vi": "mẫu riêng của hồ sơ",
        "en": "the dossier's own",
    },
    "cli.templates.origin_override": {
        "vi": "hồ sơ sửa mẫu mặc định",
        "en": "the dossier's copy of a shipped one",
    },
    "cli.templates.origin_shipped": {
        "vi": "mẫu mặc định",
        "en": "shipped",
    },
    "cli.templates.row": {
        "vi": "{name} — {title} ({kind}, {origin}); trường (* bắt buộc): {fields}",
        "en": "{name} — {title} ({kind}, {origin}); fields (* required): {fields}",
    },
    "cli.withdraw.done": {
        "vi": "Đã thu hồi {kind} của {id} (vẫn lưu trong hồ sơ, không còn được tính)",
        "en": "Withdrew the {kind} of {id} (kept in the case, no longer counted)",
    },
    "cli.withdraw.help": {
        "vi": "Thu hồi văn bản đã ghi: giữ trong hồ sơ và lịch sử, không còn được tính.",
        "en": "Withdraw a recorded document: kept in the case and the history, no longer counted.",
    },
}
