"""Help texts of the commands' options and arguments (`antt COMMAND --help`), one line each,
saying what to give (docs/commands.md says the same at length). An option several commands
share with one meaning has one key, `help.OPTION`; the rest are `help.COMMAND.OPTION`."""

MESSAGES: dict[str, dict[str, str]] = {
    "help.accept.year": {
        "vi": "Năm đánh giá của văn bản cần nhận (khi loại đó có nhiều năm).",
        "en": "Evaluation year of the document to accept (when the kind has several years).",
    },
    "help.adopt.date": {
        "vi": "Ngày tiếp nhận (YYYY-MM-DD hoặc DD/MM/YYYY; mặc định hôm nay): từ ngày này antt bắt đầu đòi kế hoạch, báo cáo.",
        "en": "The day of adoption (YYYY-MM-DD or DD/MM/YYYY; default today): what antt requires (plans, reports) starts then.",
    },
    "help.adopt.dry_run": {
        "vi": "Chỉ kiểm tra và báo cáo sẽ mở những hồ sơ nào; không ghi gì.",
        "en": "Only check and report the cases it would open; write nothing.",
    },
    "help.adopt.file": {
        "vi": "Bảng tính .csv hoặc .xlsx, mỗi văn bản đã ban hành một dòng: Mã hồ sơ, Loại hồ sơ, Tên, Địa bàn, Loại đơn vị, Liên kết, Loại văn bản, Số, Ngày, Cơ quan ban hành, Người ký, Tệp (bản quét, tính từ thư mục của bảng tính), Năm, Xếp loại, Loại điển hình, Phạm vi.",
        "en": "The .csv or .xlsx sheet, one row per issued document: case_ref, case_kind, name, area, unit_kind, linked, doc_kind, number, date, issuer, signer, file (the scan, relative to the sheet's folder), year, grade, exemplar_kind, scope.",
    },
    "help.amend.date": {"vi": "Ngày đúng của văn bản (YYYY-MM-DD hoặc DD/MM/YYYY); bỏ trống: giữ nguyên.",
                        "en": "The document's correct date (YYYY-MM-DD or DD/MM/YYYY); omit it to keep the date."},
    "help.amend.reason": {"vi": "Lý do đính chính (bắt buộc), ví dụ \"Ghi nhầm số văn bản\"; lưu trong hồ sơ và commit.",
                          "en": "Why the document is corrected (required), e.g. \"Wrong number\"; kept in the record "
                                "and the commit."},
    "help.amend.remove_target": {"vi": "Bỏ một chỉ tiêu của kế hoạch năm (nội dung hoặc số thứ tự); lặp lại được.",
                                 "en": "Remove a target of the annual plan (its text or position); repeatable."},
    "help.amend.target": {"vi": "Sửa hoặc thêm chỉ tiêu của kế hoạch năm: \"CHỮ=NUMBER\", \"CHỮ<=NUMBER\" hoặc "
                                "\"CHỮ\"; lặp lại được.",
                          "en": "Change or add a target of the annual plan: \"TEXT=NUMBER\", \"TEXT<=NUMBER\" or "
                                "\"TEXT\"; repeatable."},
    "help.amend.year": {"vi": "Năm đánh giá của kế hoạch năm hoặc báo cáo cần đính chính (khi có nhiều).",
                        "en": "Evaluation year of the annual plan or report to correct (when there are several)."},
    "help.bodies.code": {"vi": "Mã cơ quan trong số văn bản: UBND trong 05/QĐ-UBND, ĐU trong 05-NQ/ĐU (không dấu cách, không /).",
                         "en": "The body's code in document numbers: UBND in 05/QĐ-UBND, ĐU in 05-NQ/ĐU (no spaces or /)."},
    "help.bodies.deputy": {"vi": "Cấp phó, ký khi --sign-as KT., dạng \"CHỨC VỤ: HỌ TÊN\".",
                           "en": "The deputy, who signs with --sign-as KT., as \"TITLE: NAME\"."},
    "help.bodies.edit_name": {"vi": "Tên cơ quan đã khai báo (không phân biệt hoa thường, dấu, viết tắt UBND, ĐU, CA).",
                              "en": "A declared body's name (case, diacritics and the abbreviations UBND, ĐU, CA ignored)."},
    "help.bodies.head": {"vi": "Người đứng đầu, ký mặc định, dạng \"CHỨC VỤ: HỌ TÊN\", ví dụ \"Chủ tịch: Trần Thị Hoa\".",
                         "en": "The head, who signs by default, as \"TITLE: NAME\", e.g. \"Chủ tịch: Trần Thị Hoa\"."},
    "help.bodies.name": {"vi": "Tên đầy đủ của cơ quan, ví dụ \"Ủy ban nhân dân xã Hàm Thuận\".",
                         "en": "The body's full name, e.g. \"Ủy ban nhân dân xã Hàm Thuận\"."},
    "help.bodies.new": {"vi": "Tên cơ quan kế thừa cơ quan cũ.", "en": "The body that succeeds the old one."},
    "help.bodies.old": {"vi": "Tên cơ quan cũ (đã sáp nhập, đổi tên).", "en": "The old body (merged or renamed)."},
    "help.bodies.own": {"vi": "Cơ quan của chính đơn vị: --number auto lấy số từ sổ văn bản của cơ quan.",
                        "en": "One of the unit's own bodies: --number auto takes numbers from its register."},
    "help.bodies.parent": {"vi": "Cơ quan chủ quản của cơ quan này (dòng đầu phần tiêu đề).",
                           "en": "This body's parent body (first header line)."},
    "help.bodies.party": {"vi": "Cấp ủy đảng: văn bản theo thể thức của Đảng, số dạng 05-NQ/ĐU.",
                          "en": "A party committee: party document format, numbers like 05-NQ/ĐU."},
    "help.check.date": {
        "vi": "Ngày xét hồ sơ (YYYY-MM-DD hoặc DD/MM/YYYY); mặc định hôm nay.",
        "en": "The day the dossier is judged as of (YYYY-MM-DD or DD/MM/YYYY); default today.",
    },
    "help.check.id": {
        "vi": "Mã hồ sơ, ví dụ MH-2026-001; bỏ trống: mọi hồ sơ.",
        "en": "Case ID, e.g. MH-2026-001; omit it for every case.",
    },
    "help.close.reason": {
        "vi": "Nguyên nhân, lý do phải kết thúc mô hình (ghi vào báo cáo).",
        "en": "The causes and reasons for closing the model (written into the report).",
    },
    "help.close.unfit": {
        "vi": "Mô hình không còn phù hợp với thực tiễn (cho phép kết thúc khi mức xếp loại gần nhất không phải Yếu).",
        "en": "The model no longer fits practice (allows closure when the latest decided grade is not Yếu).",
    },
    "help.criteria.grade": {
        "vi": "Mô hình: mức xếp loại thấp nhất cần tiêu chí này (tot, kha, trung-binh; mặc định trung-binh: mọi mức); điển hình: không dùng.",
        "en": "Model: the lowest grade this criterion is required for (tot, kha, trung-binh; default trung-binh: every grade); exemplar: not used.",
    },
    "help.criteria.key": {
        "vi": "Khóa của tiêu chí (chữ thường, chữ số, gạch nối), dùng trong --criterion KEY=yes|no.",
        "en": "The criterion's key (lower case, digits, hyphens), used in --criterion KEY=yes|no.",
    },
    "help.criteria.reason": {
        "vi": "Lý do, khi bộ tiêu chí đã ghi của điển hình phải đính chính theo.",
        "en": "The reason, when an exemplar's recorded criteria set must be amended with it.",
    },
    "help.criteria.text": {
        "vi": "Nội dung tiêu chí, in trong báo cáo đề nghị xếp loại hoặc bộ tiêu chí của điển hình.",
        "en": "The criterion's text, printed in the rating proposal or the exemplar's criteria set.",
    },
    "help.demo.district": {
        "vi": "Dựng hồ sơ mẫu của bốn xã: 12 mô hình, hai năm xếp loại, nhân rộng, kết thúc, điển hình (dùng cho antt summary).",
        "en": "Build the four-commune sample dossier: 12 models, two rated years, a replication, a closure, exemplars (for antt summary).",
    },
    "help.demo.path": {"vi": "Thư mục trống để dựng hồ sơ mẫu; mặc định một thư mục mới trong thư mục tạm.",
                       "en": "An empty folder for the sample dossier; default a new folder in the temp folder."},
    "help.discard_edits": {
        "vi": "Tạo lại văn bản dù đã được sửa tay (bỏ phần đã sửa).",
        "en": "Render the document again even though it was edited by hand (the edits are lost).",
    },
    "help.draft.output": {"vi": "Tệp hoặc thư mục ghi bản nháp, ngoài hồ sơ (DIR/ có dấu / ở cuối: ghi vào trong thư "
                                "mục đó, tạo nếu chưa có); mặc định ID-KIND-nhap.docx ở thư mục hiện tại (thư mục "
                                "tạm nếu đang ở trong hồ sơ).",
                          "en": "File or folder for the draft, outside the dossier (DIR/ with a final slash: inside "
                                "that folder, created if missing); default ID-KIND-nhap.docx in the current folder "
                                "(the temp folder when inside the dossier)."},
    "help.due.date": {
        "vi": "Ngày xét hạn (YYYY-MM-DD hoặc DD/MM/YYYY); mặc định hôm nay.",
        "en": "The day the deadlines are judged as of (YYYY-MM-DD or DD/MM/YYYY); default today.",
    },
    "help.due.id": {
        "vi": "Mã hồ sơ, ví dụ MH-2026-001; bỏ trống: mọi hồ sơ.",
        "en": "Case ID, e.g. MH-2026-001; omit it for every case.",
    },
    "help.evaluate.criterion": {
        "vi": "Một tiêu chí đạt hay không: KEY=yes|no (registered, effective, acknowledged, commended, informative, các tiêu chí riêng); lặp lại được.",
        "en": "One criterion met or not: KEY=yes|no (registered, effective, acknowledged, commended, informative, the specific ones); repeatable.",
    },
    "help.evaluate.evidence": {
        "vi": "Kết quả, minh chứng của một tiêu chí: KEY=CHỮ (in trong bảng đánh giá); lặp lại được.",
        "en": "Result or evidence of a criterion: KEY=TEXT (printed in the assessment table); repeatable.",
    },
    "help.evaluate.late": {
        "vi": "Đánh giá sau hạn 01 năm kể từ kế hoạch xây dựng (cần --reason).",
        "en": "The evaluation comes after the one year from the building plan (needs --reason).",
    },
    "help.evaluate.reason": {
        "vi": "Lý do của --late hoặc --unfit; lưu trong hồ sơ và commit.",
        "en": "The reason for --late or --unfit; kept in the case and the commit.",
    },
    "help.evaluate.unfit": {
        "vi": "Yêu cầu công tác không còn phù hợp hoặc cần thay bằng điển hình khác: đề xuất kết thúc (cần --reason).",
        "en": "The work no longer fits or another exemplar should replace it: propose ending (needs --reason).",
    },
    "help.field_option": {"vi": "Như --set {key}=…: {help}.", "en": "The same as --set {key}=… ({help})."},
    "help.help.topic": {"vi": "Chủ đề: rules, interpretations, case-schema, kinds, members, huong-dan, …; bỏ trống để xem danh sách.",
                        "en": "The topic: rules, interpretations, case-schema, kinds, members, huong-dan, …; leave it out for the list."},
    "help.history.id": {"vi": "Mã hồ sơ, ví dụ MH-2026-001; bỏ trống để xem lịch sử của cả bộ hồ sơ (khởi tạo, cơ quan, mọi hồ sơ).",
                        "en": "Case ID, e.g. MH-2026-001; leave it out for the whole dossier's history (init, bodies, every case)."},
    "help.history.kind": {"vi": "Chỉ các thay đổi về một loại văn bản: tên ngắn, tên tiếng Việt (có dấu hay không) hoặc phần đầu của tên.",
                          "en": "Only changes to one document kind: its slug, its Vietnamese title (with or without diacritics) or the start of a name."},
    "help.history.officer": {"vi": "Chỉ các thay đổi của cán bộ này (không phân biệt hoa thường và dấu; một phần của tên cũng được).",
                             "en": "Only this officer's changes (case and diacritics ignored; part of the name is enough)."},
    "help.history.since": {"vi": "Chỉ các thay đổi từ ngày này (theo múi giờ của hồ sơ).",
                           "en": "Only changes from this day on (in the dossier's time zone)."},
    "help.id": {"vi": "Mã hồ sơ, ví dụ MH-2026-001, viết hoa hay thường đều được (xem `antt status`).",
                "en": "Case ID, e.g. MH-2026-001, in capitals or not (see `antt status`)."},
    "help.init.guideline_issuer": {
        "vi": "Cơ quan ban hành Hướng dẫn 163/HD-BCĐ, ghi ở dòng căn cứ của văn bản; mặc định suy từ --province (xem `antt help interpretations`).",
        "en": "The body that issued Guideline 163/HD-BCĐ, named in the documents' legal bases; default derived from --province (see `antt help interpretations`).",
    },
    "help.init.officer": {"vi": "Họ tên cán bộ lập hồ sơ: ghi vào antt.yaml và cấu hình git của hồ sơ, là tác giả các commit trên máy này.",
                          "en": "The officer keeping the dossier: written to antt.yaml and the dossier's git config, the author of commits on this machine."},
    "help.init.officer_email": {"vi": "Email của cán bộ, dùng khi git chưa có danh tính.",
                                "en": "The officer's email, used when git has no identity."},
    "help.init.parent_body": {"vi": "Cơ quan chủ quản, in ở dòng đầu phần tiêu đề văn bản.",
                              "en": "The parent body (cơ quan chủ quản), printed on the first header line."},
    "help.init.path": {"vi": "Thư mục hồ sơ; tạo mới nếu chưa có.", "en": "The dossier folder; created if missing."},
    "help.init.place": {"vi": "Địa danh ở dòng ngày tháng (\"Hàm Thuận, ngày …\"); mặc định suy từ --unit.",
                        "en": "Place name of the date line (\"Hàm Thuận, ngày …\"); default guessed from --unit."},
    "help.init.province": {"vi": "Tỉnh, thành phố của đơn vị, ví dụ \"Lâm Đồng\".",
                           "en": "The unit's province, e.g. \"Lâm Đồng\"."},
    "help.init.unit": {"vi": "Đơn vị lập hồ sơ, ví dụ \"Công an xã Hàm Thuận\"; là đơn vị đề xuất mặc định.",
                       "en": "The unit keeping the dossier, e.g. \"Công an xã Hàm Thuận\"; the default proposing unit."},
    "help.init.unit_kind": {"vi": "Đối tượng các mô hình của đơn vị phục vụ: residential (khu dân cư), agency (cơ quan), "
                                  "enterprise (doanh nghiệp), school (nhà trường).",
                            "en": "Who the unit's models serve: residential (khu dân cư), agency (cơ quan), "
                                  "enterprise (doanh nghiệp), school (nhà trường)."},
    "help.issuer": {"vi": "Cơ quan ban hành, tên như đã khai bằng `antt bodies add`; khi ghi mới, mặc định theo loại văn bản.",
                    "en": "Issuing body, named as declared with `antt bodies add`; on a new record, the kind's default."},
    "help.kind": {"vi": "Loại văn bản: tên ngắn (periodic-report), tên tiếng Việt có hoặc không dấu, hay vài chữ đầu đủ rõ (\"bao cao tinh hinh\"); gõ nhầm sẽ được gợi ý loại gần nhất.",
                  "en": "Document kind: its short name (periodic-report), its Vietnamese title with or without diacritics, or enough of its start (\"bao cao tinh hinh\"); a slip is answered with the nearest kind."},
    "help.letter.output": {
        "vi": "Tệp hoặc thư mục ghi văn bản, ngoài hồ sơ; mặc định ID-MẪU.docx ở thư mục hiện tại (thư mục tạm nếu đang ở trong hồ sơ).",
        "en": "File or folder for the letter, outside the dossier; default ID-TEMPLATE.docx in the current folder (the temp folder when inside the dossier).",
    },
    "help.letter.record": {
        "vi": "Lấy số theo sổ đăng ký của cơ quan ban hành, lưu văn bản vào thư mục letters/ của mô hình và commit.",
        "en": "Number the letter from the issuing body's register, store it in the case's letters/ folder and commit.",
    },
    "help.letter.template": {
        "vi": "Mẫu văn bản: cong-van, giay-moi, thong-bao, to-trinh, bao-cao, tên tiếng Việt có hoặc không dấu, vài chữ đầu, hoặc tên mẫu riêng trong templates/ của hồ sơ.",
        "en": "Letter template: cong-van, giay-moi, thong-bao, to-trinh, bao-cao, its Vietnamese title with or without diacritics, a prefix, or the name of the dossier's own template in templates/.",
    },
    "help.new_exemplar.area": {
        "vi": "Địa bàn, lĩnh vực của điển hình, ví dụ \"Thôn Lâm Giáo\".",
        "en": "The exemplar's area or field, e.g. \"Thôn Lâm Giáo\".",
    },
    "help.new_exemplar.kind": {
        "vi": "collective (tập thể) hoặc individual (cá nhân).",
        "en": "collective or individual.",
    },
    "help.new_exemplar.name": {
        "vi": "Tên tập thể hoặc cá nhân xây dựng điển hình, ví dụ \"Tổ hòa giải thôn Lâm Giáo\".",
        "en": "Name of the collective or individual, e.g. \"Tổ hòa giải thôn Lâm Giáo\".",
    },
    "help.new_exemplar.proposer": {
        "vi": "Chủ thể xây dựng điển hình (mặc định: đơn vị trong antt.yaml).",
        "en": "Who builds the exemplar (default: the unit of antt.yaml).",
    },
    "help.new_exemplar.scope": {
        "vi": "Điển hình trên một mặt (one), một số mặt (several) hay toàn diện (comprehensive, mặc định).",
        "en": "An exemplar in one aspect (one), several (several) or all (comprehensive, the default).",
    },
    "help.new_model.area": {"vi": "Địa bàn của mô hình, ví dụ \"Thôn Lâm Giáo\".",
                            "en": "The model's area (địa bàn), e.g. \"Thôn Lâm Giáo\"."},
    "help.new_model.field": {"vi": "Lĩnh vực của mô hình, ví dụ \"phòng, chống tội phạm\".",
                             "en": "The model's field (lĩnh vực), e.g. \"phòng, chống tội phạm\"."},
    "help.new_model.level": {"vi": "Cấp: xa (xã), tinh (tỉnh); huyen (huyện) chỉ cho mô hình mở trước 01/07/2025.",
                             "en": "Level: xa (commune), tinh (province); huyen (district) only for models opened "
                                   "before 01/07/2025."},
    "help.new_model.linked": {"vi": "Mô hình liên kết; khai mỗi đơn vị thành viên bằng --member-unit (ít nhất hai).",
                              "en": "A linked model (mô hình liên kết); give each member unit with --member-unit "
                                    "(two or more)."},
    "help.new_model.member_unit": {"vi": "Một đơn vị thành viên của mô hình liên kết; lặp lại cho mỗi đơn vị.",
                                   "en": "A member unit of a linked model; once per unit."},
    "help.new_model.membership": {"vi": "limited: thành viên do cơ quan, đoàn thể, khu dân cư cử (biên bản lấy ý kiến "
                                        "kèm danh sách); open: vận động tự nguyện tham gia.",
                                  "en": "limited: members are nominated (the consultation carries the member list); "
                                        "open: anyone may join."},
    "help.new_model.name": {"vi": "Tên gọi tạm của mô hình; tên chính thức ghi ở đề xuất (--set name=…).",
                            "en": "Working title; the name is fixed by the proposal (--set name=…)."},
    "help.new_model.proposer": {"vi": "Đơn vị đề xuất (chủ thể đề xuất); mặc định đơn vị lập hồ sơ (unit trong antt.yaml).",
                                "en": "The proposing unit; default the dossier's unit (unit in antt.yaml)."},
    "help.new_model.unit_kind": {"vi": "Đối tượng mô hình phục vụ: residential (khu dân cư), agency (cơ quan), enterprise "
                                       "(doanh nghiệp), school (nhà trường); mặc định unit_kind trong antt.yaml.",
                                 "en": "Who the model serves: residential, agency, enterprise, school; default "
                                       "unit_kind in antt.yaml."},
    "help.number": {"vi": "Số, ký hiệu văn bản, ví dụ 05/QĐ-UBND (cấp ủy: 05-NQ/ĐU); `auto`: số kế tiếp "
                          "trong sổ văn bản của cơ quan (`bodies add --own`).",
                    "en": "Document number, e.g. 05/QĐ-UBND (party committee: 05-NQ/ĐU); `auto`: the next "
                          "number of the body's register (`bodies add --own`)."},
    "help.pdf": {"vi": "Tạo thêm bản PDF (cần LibreOffice).", "en": "Also write a PDF (needs LibreOffice)."},
    "help.plan.target": {"vi": "Chỉ tiêu: \"CHỮ=NUMBER\" ít nhất, \"CHỮ<=NUMBER\" nhiều nhất, \"CHỮ\" có/không; "
                               "lặp lại cho mỗi chỉ tiêu.",
                         "en": "A target: \"TEXT=NUMBER\" at least, \"TEXT<=NUMBER\" at most, \"TEXT\" yes/no; "
                               "once per target."},
    "help.plan.year": {"vi": "Năm đánh giá YEAR (01/11/YEAR-1 – 31/10/YEAR).",
                       "en": "Evaluation year YEAR (01/11/YEAR-1 – 31/10/YEAR)."},
    "help.progress.achieved": {"vi": "Kết quả đạt được đến nay, không cộng dồn (số thập phân: 2.5 hoặc 2,5).",
                               "en": "Achieved so far, not an increment (decimals: 2.5 or 2,5)."},
    "help.progress.done": {"vi": "Đánh dấu chỉ tiêu có/không là đã hoàn thành.",
                           "en": "Mark a yes/no target as done."},
    "help.progress.target": {"vi": "Chỉ tiêu: nội dung như trong kế hoạch, hoặc số thứ tự (1, 2, …).",
                             "en": "The target: its text as in the plan, or its position (1, 2, …)."},
    "help.progress.year": {"vi": "Năm đánh giá của kế hoạch có chỉ tiêu.",
                           "en": "Evaluation year of the plan that holds the target."},
    "help.propose_national.include_classified": {
        "vi": "Gửi kèm cả các văn bản mật (mặc định không gửi).",
        "en": "Include classified documents in the zip (left out by default).",
    },
    "help.propose_national.innovative": {
        "vi": "Mô hình mới triển khai nhưng có cách làm hay, sáng tạo (không cần đã nhân rộng); cần --reason.",
        "en": "A newly launched model with an innovative way of working (no replica needed); needs --reason.",
    },
    "help.propose_national.output": {
        "vi": "Tệp zip hồ sơ gửi kèm, hoặc thư mục (DIR/ có dấu / ở cuối, tạo nếu chưa có) chứa tệp "
              "ID-de-xuat-toan-quoc.zip (mặc định: thư mục hiện tại).",
        "en": "The zip to write, or a folder (DIR/ with a final slash, created if missing) for "
              "ID-de-xuat-toan-quoc.zip (default: the current folder).",
    },
    "help.propose_national.reason": {
        "vi": "Cách làm hay, sáng tạo, hiệu quả của mô hình (ghi vào tờ trình).",
        "en": "What is innovative and effective about the model (written into the proposal).",
    },
    "help.rate.criterion": {
        "vi": "Đánh giá một tiêu chí hoặc biểu hiện Yếu: KEY=yes|no (lặp lại được); không cho thì hỏi (trong terminal) hoặc tính là không đạt.",
        "en": "Judge a criterion or a Yếu trigger: KEY=yes|no (repeatable); not given: asked in a terminal, else counted as not met.",
    },
    "help.rate.decide": {
        "vi": "Ghi quyết định công nhận mức xếp loại của cấp có thẩm quyền (bước 2).",
        "en": "Record the authority's rating decision (step 2).",
    },
    "help.rate.force": {
        "vi": "Lập lại đề nghị / quyết định của năm đã có (bản cũ vẫn được lưu; quyết định lại cần --reason).",
        "en": "Redo the year's proposal or decision (the earlier one is kept; a decision needs --reason).",
    },
    "help.rate.grade": {
        "vi": "Với --decide: mức xếp loại khác với đề nghị (cần --reason).",
        "en": "With --decide: a grade other than the proposed one (needs --reason).",
    },
    "help.rate.issuer": {
        "vi": "Với --decide: cơ quan quyết định (cấp đã quyết định thành lập mô hình hoặc cơ quan kế thừa).",
        "en": "With --decide: the deciding body (the one that established the model, or its successor).",
    },
    "help.rate.reason": {
        "vi": "Lý do quyết định khác đề nghị, hoặc lý do lập lại (--force).",
        "en": "Why the decision differs from the proposal, or why it is redone (--force).",
    },
    "help.rate.year": {
        "vi": "Năm đánh giá YEAR (01/11/YEAR-1 – 31/10/YEAR).",
        "en": "Evaluation year YEAR (01/11/YEAR-1 – 31/10/YEAR).",
    },
    "help.record.approved_by": {"vi": "Cơ quan duyệt (DUYỆT) văn bản; chỉ cho loại phải được duyệt trước khi thực hiện, kèm --approved-date.",
                                "en": "Body that approved (DUYỆT) the document; only for a kind approved before it is carried out, with --approved-date."},
    "help.record.approved_date": {"vi": "Ngày duyệt văn bản (YYYY-MM-DD hoặc DD/MM/YYYY).",
                                  "en": "Date the document was approved (YYYY-MM-DD or DD/MM/YYYY)."},
    "help.record.attach": {"vi": "Tệp bản quét đính kèm, sao vào hồ sơ (mặc định tối đa 50 MB mỗi tệp); lặp lại được.",
                           "en": "A scan to attach, copied into the dossier (at most 50 MB each by default); repeatable."},
    "help.record.kind": {"vi": "Loại văn bản: tên ngắn của loại (xem `antt help kinds`); bỏ trống để xem danh sách việc tiếp theo của hồ sơ (như antt next).",
                         "en": "The document kind: its short name (see `antt help kinds`); leave it out for the case's checklist (as antt next)."},
    "help.record.members": {"vi": "Tệp CSV danh sách người: cột name, role, unit, phone, có dòng tiêu đề, bắt buộc name.",
                            "en": "CSV of the people: columns name, role, unit, phone, a header row, name required."},
    "help.record.secrecy": {"vi": "Độ mật: mat (MẬT) hoặc toi-mat (TỐI MẬT).",
                            "en": "Classification: mat (MẬT) or toi-mat (TỐI MẬT)."},
    "help.replicate.area": {
        "vi": "Địa bàn nhân rộng mô hình.",
        "en": "The area the model is replicated to.",
    },
    "help.replicate.field": {
        "vi": "Lĩnh vực nhân rộng mô hình.",
        "en": "The field the model is replicated to.",
    },
    "help.replicate.name": {
        "vi": "Tên gọi tạm của mô hình nhân rộng (mặc định: tên mô hình gốc).",
        "en": "Working title of the replica (default: the source's name).",
    },
    "help.set": {"vi": "Một trường của loại văn bản, KEY=VALUE (ví dụ name=…, title=…, note=…); lặp lại được; "
                       "khóa không nhận sẽ được báo kèm danh sách.",
                 "en": "A field of the kind, KEY=VALUE (e.g. name=…, title=…, note=…); repeatable; a key the kind "
                       "does not take is refused with the list."},
    "help.sign_as": {"vi": "Thể thức ký (NĐ 30/2020): TM. thay mặt, KT. ký thay, Q. quyền, TL. thừa lệnh, TUQ. thừa ủy quyền.",
                     "en": "How it is signed (NĐ 30/2020): TM. on behalf of, KT. for the head, Q. acting, TL. by order, "
                           "TUQ. by authorisation."},
    "help.signer": {"vi": "Họ tên người ký; khi ghi mới, mặc định người đứng đầu cơ quan ban hành (cấp phó khi ký KT.).",
                    "en": "The signer's name; on a new record, the issuing body's head (its deputy with KT.)."},
    "help.signer_title": {"vi": "Chức vụ người ký, ví dụ \"Phó Chủ tịch\"; mặc định chức vụ đã khai của người ký.",
                          "en": "The signer's title, e.g. \"Phó Chủ tịch\"; default the title declared for the signer."},
    "help.status.id": {"vi": "Mã hồ sơ, ví dụ MH-2026-001; bỏ trống: bảng mọi hồ sơ.",
                       "en": "Case ID, e.g. MH-2026-001; omit it for the table of all cases."},
    "help.summary.area": {
        "vi": "Chỉ các mô hình, điển hình ở địa bàn này (xã, phường hoặc tên địa bàn).",
        "en": "Only the models and exemplars in this area (a commune, or an area's name).",
    },
    "help.summary.date": {
        "vi": "Tính đến ngày này (mặc định hôm nay): việc nào quá hạn.",
        "en": "As of this day (default today): what is late.",
    },
    "help.summary.level": {
        "vi": "Chỉ các mô hình ở cấp này: xa, tinh hoặc huyen.",
        "en": "Only the models of this level: xa, tinh or huyen.",
    },
    "help.summary.output": {
        "vi": "Ghi thêm ra tệp .xlsx (bảng tính có biểu đồ) hoặc .docx (báo cáo theo Nghị định 30).",
        "en": "Also write a .xlsx workbook (with a chart) or a .docx report (NĐ 30 layout).",
    },
    "help.summary.year": {
        "vi": "Năm đánh giá (từ 01/11 năm trước đến 31/10 năm này).",
        "en": "The evaluation year (01/11 of the year before to 31/10).",
    },
    "help.templates.check_name": {
        "vi": "Chỉ kiểm tra mẫu này (mặc định: mọi mẫu đang dùng).",
        "en": "Check this template only (default: every template in use).",
    },
    "help.templates.name": {
        "vi": "Tên mẫu (tên loại văn bản hoặc mẫu văn bản gửi đi, tên tiếng Việt, vài chữ đầu).",
        "en": "Template name (a document kind or a letter, its Vietnamese title, a prefix).",
    },
    "help.version": {"vi": "In phiên bản antt rồi thoát.", "en": "Print antt's version and exit."},
    "help.withdraw.reason": {
        "vi": "Lý do thu hồi (bắt buộc); lưu trong hồ sơ và commit.",
        "en": "Why the document is withdrawn (required); kept in the record and the commit.",
    },
    "help.withdraw.year": {
        "vi": "Năm đánh giá của văn bản cần thu hồi (khi loại đó có nhiều năm).",
        "en": "Evaluation year of the document to withdraw (when the kind has several years).",
    },
}
