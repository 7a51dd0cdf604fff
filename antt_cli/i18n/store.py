"""Messages of the store: the dossier folder, antt.yaml, case files, kind specs, input hygiene."""

MESSAGES: dict[str, dict[str, str]] = {
    "store.bad_id": {
        "vi": "'{id}' không phải mã hồ sơ (dạng MH-2026-001 hoặc DH-2026-001).",
        "en": "'{id}' is not a case ID (form MH-2026-001 or DH-2026-001).",
    },
    "store.bad_kind_spec": {
        "vi": "Tệp đặc tả loại văn bản {file} không hợp lệ: {detail}. Hãy sửa tệp (xem `antt help kinds`).",
        "en": "The document kind spec {file} is invalid: {detail}. Fix the file (see `antt help kinds`).",
    },
    "store.bad_rule": {
        "vi": "{file}:{line}: quy tắc '{key}' không có hoặc sai giá trị (xem `antt help interpretations`).",
        "en": "{file}:{line}: rule '{key}' is unknown or has a bad value (see `antt help interpretations`).",
    },
    "store.bad_type": {
        "vi": "{file}:{line}: `{key}` phải là {expected}, không phải {found}. Hãy sửa dòng đó (xem `antt help case-schema`) rồi chạy lại.",
        "en": "{file}:{line}: `{key}` must be {expected}, not {found}. Fix that line (see `antt help case-schema`) and run the command again.",
    },
    "store.bad_yaml": {
        "vi": "{file}:{line}: YAML sai cú pháp ({detail}); sửa dòng đó rồi chạy lại.",
        "en": "{file}:{line}: invalid YAML ({detail}); fix that line and run again.",
    },
    "store.case_bad_field": {
        "vi": "{file}:{line}: trường '{key}' sai ({detail}).",
        "en": "{file}:{line}: field '{key}' is invalid ({detail}).",
    },
    "store.case_id_mismatch": {
        "vi": "{file} không ghi đúng mã {id} ở khóa 'id'; sửa tệp.",
        "en": "{file} does not carry the ID {id} in its 'id' key; fix the file.",
    },
    "store.csv_bad_cell": {
        "vi": "Tệp {file}, dòng {row}, cột {column}: ô chứa {problem}. Hãy sửa ô đó trong tệp (lưu dạng CSV UTF-8) rồi chạy lại.",
        "en": "{file}, row {row}, column {column}: the cell contains {problem}. Fix that cell (save as CSV UTF-8) and run the command again.",
    },
    "store.csv_bad_file": {
        "vi": "Tệp {file} không đọc được dạng CSV (gần dòng {row}: {detail}); mỗi ô tối đa {limit} ký tự. Hãy sửa tệp (lưu dạng CSV UTF-8) rồi chạy lại.",
        "en": "{file} cannot be read as CSV (near row {row}: {detail}); a cell holds at most {limit} characters. Fix the file (save as CSV UTF-8) and run the command again.",
    },
    "store.csv_cell_too_long": {
        "vi": "Tệp {file}, dòng {row}, cột {column}: ô dài {length} ký tự, quá mức cho phép (tối đa {limit} ký tự); hãy rút gọn ô đó rồi chạy lại.",
        "en": "{file}, row {row}, column {column}: the cell is {length} characters long, more than allowed (at most {limit}); shorten it and run the command again.",
    },
    "store.dossier_is_a_file": {
        "vi": "--dossier {path} là một tệp, không phải thư mục: --dossier (hoặc ANTT_DOSSIER) nhận thư mục chứa antt.yaml, ví dụ --dossier {folder}.",
        "en": "--dossier {path} is a file, not a folder: --dossier (or ANTT_DOSSIER) takes the folder that holds antt.yaml, e.g. --dossier {folder}.",
    },
    "store.issuer_near_miss": {
        "vi": "Cơ quan ban hành '{given}' không có trong antt.yaml: có phải '{known}' không? Nếu là cơ quan khác, hãy khai báo bằng `antt bodies add \"{given}\" --code …`.",
        "en": "The issuing body '{given}' is not in antt.yaml: did you mean '{known}'? If it is another body, declare it with `antt bodies add \"{given}\" --code …`.",
    },
    "store.members_bad_header": {
        "vi": "{file}: dòng tiêu đề '{header}' không đúng; dùng các cột {columns} (hoặc Họ tên, Chức vụ, Đơn vị, SĐT; bắt buộc có họ tên, mỗi cột một lần — xem `antt help members`).",
        "en": "{file}: the header '{header}' is wrong; use the columns {columns} (or Họ tên, Chức vụ, Đơn vị, SĐT; the name is required, each column once — see `antt help members`).",
    },
    "store.members_bad_row": {
        "vi": "{file}:{row}: dòng sai ({detail}); mỗi dòng cần họ tên (name) và không quá 4 cột.",
        "en": "{file}:{row}: bad row ({detail}); each row needs a name and at most 4 columns.",
    },
    "store.members_empty": {
        "vi": "{file} không có thành viên nào (cần dòng tiêu đề name,role,unit,phone và ít nhất một dòng).",
        "en": "{file} lists no member (it needs the header name,role,unit,phone and at least one row).",
    },
    "store.members_missing": {
        "vi": "Không có tệp danh sách thành viên {file}.",
        "en": "The member list {file} does not exist.",
    },
    "store.missing_file": {"vi": "Thiếu tệp {file}.", "en": "The file {file} is missing."},
    "store.no_dossier_found": {
        "vi": "Không tìm thấy hồ sơ antt (antt.yaml) ở {path} hay thư mục cha; chuyển vào thư mục hồ sơ hoặc dùng --dossier.",
        "en": "No antt dossier (antt.yaml) at {path} or above; change into the dossier or use --dossier.",
    },
    "store.not_a_dossier": {
        "vi": "{path} không phải thư mục hồ sơ antt (không có antt.yaml); tạo bằng `antt init` hoặc sửa --dossier / ANTT_DOSSIER.",
        "en": "{path} is not an antt dossier (no antt.yaml); create one with `antt init` or fix --dossier / ANTT_DOSSIER.",
    },
    "store.problem.control": {
        "vi": "ký tự điều khiển {code}",
        "en": "the control character {code}",
    },
    "store.problem.invisible": {
        "vi": "ký tự ẩn {code} (đảo chiều chữ hoặc ký tự độ rộng 0, làm chữ hiện khác với nội dung thật)",
        "en": "the invisible character {code} (a direction override or zero-width character, which makes the text read differently from what it holds)",
    },
    "store.problem.utf8": {
        "vi": "byte không phải UTF-8",
        "en": "bytes that are not UTF-8",
    },
    "store.profile_bad_section": {
        "vi": "{file}:{line}: '{key}' phải là một bảng (tên: giá trị).",
        "en": "{file}:{line}: '{key}' must be a mapping (name: value).",
    },
    "store.profile_missing_key": {
        "vi": "{file} thiếu khóa '{key}'; thêm vào rồi chạy lại.",
        "en": "{file} lacks the key '{key}'; add it and run again.",
    },
    "store.profile_not_mapping": {
        "vi": "{file} phải là một bảng khóa: giá trị (unit, province, …).",
        "en": "{file} must be a mapping of keys (unit, province, …).",
    },
    "store.shared_commit": {
        "vi": "antt: tóm tắt của {count} tệp hồ sơ (dữ liệu dựng lại được, để bản sao đọc nhanh; xem `antt help reliability`)",
        "en": "antt: digests of {count} case files (rebuildable data that lets a clone read fast; see `antt help reliability`)",
    },
    "store.sheet_cell_too_long": {
        "vi": "{file}, dòng {row}: một ô dài quá {limit} ký tự; đây không phải bảng tiếp nhận hồ sơ?",
        "en": "{file}, row {row}: a cell is longer than {limit} characters; is this the adoption sheet?",
    },
    "store.sheet_empty": {
        "vi": "{file} không có dòng nào; dòng đầu là tiêu đề cột, sau đó mỗi văn bản một dòng.",
        "en": "{file} has no rows; the first row is the header, then one row per document.",
    },
    "store.sheet_missing": {
        "vi": "Không có tệp {file}; kiểm tra đường dẫn.",
        "en": "There is no file {file}; check the path.",
    },
    "store.sheet_too_big": {
        "vi": "{file} lớn quá {mb} MB; chia thành nhiều tệp rồi tiếp nhận từng tệp.",
        "en": "{file} is larger than {mb} MB; split it and adopt each part.",
    },
    "store.sheet_type": {
        "vi": "{file} không phải bảng tính được hỗ trợ; dùng {types}.",
        "en": "{file} is not a supported sheet; use {types}.",
    },
    "store.unknown_case": {
        "vi": "Không có hồ sơ {id} trong hồ sơ này; xem danh sách bằng `antt status`.",
        "en": "There is no case {id} in this dossier; list them with `antt status`.",
    },
    "store.unknown_schema": {
        "vi": "{file}:{line}: schema {value} không phải phiên bản antt này đọc được (đọc được: {known}); tệp do bản antt mới hơn ghi hoặc bị sửa tay. Hãy cập nhật antt hoặc sửa dòng đó.",
        "en": "{file}:{line}: schema {value} is not a version this antt reads (it reads {known}); the file was written by a newer antt or edited by hand. Update antt or fix that line.",
    },
    "store.unreadable": {
        "vi": "Không đọc được {file} ({detail}); lưu lại tệp dạng UTF-8.",
        "en": "Cannot read {file} ({detail}); save it as UTF-8.",
    },
    "store.yaml_alias": {
        "vi": "{file}:{line}: tệp dùng neo hoặc bí danh YAML (&tên, *tên); antt không đọc chúng (antt không bao giờ ghi chúng). Hãy viết đầy đủ giá trị ở từng chỗ rồi chạy lại.",
        "en": "{file}:{line}: the file uses a YAML anchor or alias (&name, *name); antt does not read them (it never writes them). Write the value out in full at each place and run again.",
    },
    "store.yaml_invisible": {
        "vi": "{file}:{line}: văn bản chứa {problem}; hãy xóa ký tự đó rồi chạy lại.",
        "en": "{file}:{line}: the text holds {problem}; remove that character and run again.",
    },
    "store.yaml_out_of_range": {
        "vi": "{file}:{line}: giá trị '{value}' nằm ngoài khoảng antt nhận (số: hữu hạn, tối đa 10^12; ngày: năm 2000–2099). Hãy sửa dòng đó rồi chạy lại.",
        "en": "{file}:{line}: the value '{value}' is out of the range antt takes (numbers: finite, at most 10^12; dates: years 2000–2099). Fix that line and run again.",
    },
    "store.yaml_too_big": {
        "vi": "Tệp {file} lớn hơn {mb} MB; đó không phải tệp hồ sơ antt. Hãy kiểm tra tệp.",
        "en": "The file {file} is larger than {mb} MB, which no antt file is. Check the file.",
    },
    "store.yaml_too_deep": {
        "vi": "{file}:{line}: dữ liệu lồng nhau quá {max} tầng; đó không phải tệp hồ sơ antt. Hãy sửa tệp.",
        "en": "{file}:{line}: the data is nested more than {max} levels deep, which no antt file is. Fix the file.",
    },
}
