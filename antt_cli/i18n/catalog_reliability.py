"""Messages of reliability: the journal and its recovery, repository states, what the CLI
says after a crash, an interruption or an output failure, and input hygiene."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- repository states and the lock --------------------------------------------------
    "rel.revert": {
        "vi": "Kho git của hồ sơ đang revert dở dang (có tệp REVERT_HEAD trong {path}). Hãy hoàn tất bằng `git revert --continue` hoặc huỷ bằng `git revert --abort`, rồi chạy lại lệnh.",
        "en": "The dossier's git repository is in the middle of a revert (REVERT_HEAD in {path}). Finish it with `git revert --continue` or abort it with `git revert --abort`, then run the command again.",
    },
    "rel.cherry_pick": {
        "vi": "Kho git của hồ sơ đang cherry-pick dở dang (có tệp CHERRY_PICK_HEAD trong {path}). Hãy hoàn tất bằng `git cherry-pick --continue` hoặc huỷ bằng `git cherry-pick --abort`, rồi chạy lại lệnh.",
        "en": "The dossier's git repository is in the middle of a cherry-pick (CHERRY_PICK_HEAD in {path}). Finish it with `git cherry-pick --continue` or abort it with `git cherry-pick --abort`, then run the command again.",
    },
    "rel.bisect": {
        "vi": "Kho git của hồ sơ đang bisect (có tệp BISECT_LOG trong {path}). Hãy kết thúc bằng `git bisect reset`, rồi chạy lại lệnh.",
        "en": "The dossier's git repository is bisecting (BISECT_LOG in {path}). End it with `git bisect reset`, then run the command again.",
    },
    "rel.index_busy": {
        "vi": "Hồ sơ đang bận (dossier busy): một lệnh git khác vẫn đang dùng kho sau {seconds} giây chờ (có tệp {path}). Hãy chờ lệnh đó xong rồi chạy lại; nếu chắc chắn không còn lệnh git nào chạy, hãy xoá tệp {path}.",
        "en": "dossier busy: another git command was still using the repository after {seconds} s of waiting ({path} exists). Wait for it to finish and run the command again; if you are sure no git command is running, delete {path}.",
    },
    "rel.ignored_target": {
        "vi": "Tệp {files} đã có sẵn nhưng bị git bỏ qua (.gitignore), nên antt không ghi đè lên nó. Hãy chuyển tệp đó đi nơi khác (hoặc bỏ quy tắc tương ứng trong .gitignore và commit tệp), rồi chạy lại lệnh.",
        "en": "{files} already exists but git ignores it (.gitignore), so antt will not overwrite it. Move that file elsewhere (or remove the matching .gitignore rule and commit it), then run the command again.",
    },
    # -- the journal ----------------------------------------------------------------------
    "rel.journal_failed": {
        "vi": "Không ghi được nhật ký giao dịch {path}: {detail}. Hãy kiểm tra quyền ghi và chỗ trống của thư mục .git của hồ sơ rồi chạy lại; không có thay đổi nào được ghi.",
        "en": "Could not write the transaction journal {path}: {detail}. Check that the dossier's .git folder is writable and not full, then run the command again; nothing was changed.",
    },
    "rel.journal_unreadable": {
        "vi": "Nhật ký giao dịch không đọc được nên đã được để sang bên ({path}); hãy kiểm tra `git status` của hồ sơ.",
        "en": "An unreadable transaction journal was moved aside ({path}); check the dossier with `git status`.",
    },
    "rel.recovered_completed": {
        "vi": "Lệnh {what} trước đó bị dừng giữa chừng sau khi đã commit ({sha}): đã hoàn tất và dọn các tệp tạm còn sót.",
        "en": "The earlier {what} was stopped after it had committed ({sha}): completed it and removed its leftovers.",
    },
    "rel.recovered_rolled_back": {
        "vi": "Lệnh {what} trước đó bị dừng giữa chừng trước khi commit: đã hoàn lại, hồ sơ như trước lệnh đó.",
        "en": "The earlier {what} was stopped before it committed: rolled it back, the dossier is as it was before it.",
    },
    # -- what the CLI says when something goes wrong ---------------------------------------
    "rel.internal": {
        "vi": "Lỗi nội bộ của antt ({detail}); không có thay đổi nào được ghi, chi tiết lỗi đã ghi vào {log} — hãy gửi tệp đó kèm lệnh đã chạy khi báo lỗi.",
        "en": "Internal antt error ({detail}); nothing was changed, the details are in {log} — please send that file and the command you ran when you report it.",
    },
    "rel.internal_after_commit": {
        "vi": "Thay đổi đã được commit ({sha}: {summary}), nhưng sau đó antt gặp lỗi nội bộ ({detail}); chi tiết đã ghi vào {log}. Đừng chạy lại lệnh này.",
        "en": "The change was committed ({sha}: {summary}), but antt then met an internal error ({detail}); the details are in {log}. Do not run the command again.",
    },
    "rel.output_failed_after_commit": {
        "vi": "Thay đổi đã được commit ({sha}: {summary}), nhưng không in được kết quả ({detail}). Đừng chạy lại lệnh này; xem lại bằng `antt history`.",
        "en": "The change was committed ({sha}: {summary}), but its result could not be printed ({detail}). Do not run the command again; see it with `antt history`.",
    },
    "rel.output_failed": {
        "vi": "Không in được kết quả ({detail}); không có thay đổi nào được ghi. Hãy chuyển kết quả sang tệp khác hoặc cửa sổ dòng lệnh khác rồi chạy lại.",
        "en": "Could not print the result ({detail}); nothing was changed. Send the output to another file or terminal and run the command again.",
    },
    "rel.stdout_closed": {
        "vi": "đầu ra chuẩn (stdout) đã bị đóng",
        "en": "standard output is closed",
    },
    "rel.interrupted_rolled_back": {
        "vi": "Đã dừng theo yêu cầu (Ctrl-C) trước khi commit; mọi thay đổi dở dang đã được hoàn lại, hồ sơ như trước lệnh.",
        "en": "Stopped on request (Ctrl-C) before the commit; every partial change was rolled back, the dossier is as it was.",
    },
    "rel.interrupted_after_commit": {
        "vi": "Đã dừng theo yêu cầu (Ctrl-C), nhưng thay đổi đã được commit trước đó ({sha}: {summary}); đừng chạy lại lệnh này.",
        "en": "Stopped on request (Ctrl-C), but the change had already been committed ({sha}: {summary}); do not run the command again.",
    },
    "rel.bad_today": {
        "vi": "Biến môi trường ANTT_TODAY có giá trị '{value}' không phải ngày hợp lệ. Hãy đặt ANTT_TODAY=YYYY-MM-DD (ví dụ 2026-06-20) hoặc bỏ biến đó.",
        "en": "The environment variable ANTT_TODAY is '{value}', which is not a valid date. Set ANTT_TODAY=YYYY-MM-DD (e.g. 2026-06-20) or unset it.",
    },
    # -- input hygiene ---------------------------------------------------------------------
    "rel.bad_input": {
        "vi": "Giá trị của {option} ('{value}') chứa {problem}. Hãy gõ lại giá trị đó bằng chữ thường (UTF-8, không có ký tự điều khiển).",
        "en": "The value of {option} ('{value}') contains {problem}. Type that value again as plain text (UTF-8, no control characters).",
    },
    "rel.problem.utf8": {
        "vi": "byte không phải UTF-8",
        "en": "bytes that are not UTF-8",
    },
    "rel.problem.control": {
        "vi": "ký tự điều khiển {code}",
        "en": "the control character {code}",
    },
    "rel.csv_bad_cell": {
        "vi": "Tệp {file}, dòng {row}, cột {column}: ô chứa {problem}. Hãy sửa ô đó trong tệp (lưu dạng CSV UTF-8) rồi chạy lại.",
        "en": "{file}, row {row}, column {column}: the cell contains {problem}. Fix that cell (save as CSV UTF-8) and run the command again.",
    },
    "rel.csv_bad_file": {
        "vi": "Tệp {file} không đọc được dạng CSV (gần dòng {row}: {detail}); mỗi ô tối đa {limit} ký tự. Hãy sửa tệp (lưu dạng CSV UTF-8) rồi chạy lại.",
        "en": "{file} cannot be read as CSV (near row {row}: {detail}); a cell holds at most {limit} characters. Fix the file (save as CSV UTF-8) and run the command again.",
    },
    "rel.bad_type": {
        "vi": "{file}:{line}: `{key}` phải là {expected}, không phải {found}. Hãy sửa dòng đó (xem docs/case-schema.md) rồi chạy lại.",
        "en": "{file}:{line}: `{key}` must be {expected}, not {found}. Fix that line (see docs/case-schema.md) and run the command again.",
    },
    "rel.draft_write_failed": {
        "vi": "Không ghi được bản nháp vào {file}: {detail}. Hãy chọn đường dẫn tệp khác bằng -o rồi chạy lại.",
        "en": "Could not write the draft to {file}: {detail}. Choose another file path with -o and run the command again.",
    },
}
