"""Messages of the audit layer: git, the dossier lock, the journal and its recovery."""

MESSAGES: dict[str, dict[str, str]] = {
    "audit.batch_not_undone": {
        "vi": "Không hoàn lại được lệnh nhiều commit bị dừng giữa chừng: nhánh đã đổi khác kể từ commit {head}. Hãy xem `git log`, đưa nhánh về {head} bằng `git reset` nếu cần, rồi xoá .git/antt/batch.json.",
        "en": "Could not undo the interrupted multi-commit command: the branch has moved since commit {head}. Look at `git log`, put the branch back at {head} with `git reset` if needed, then delete .git/antt/batch.json.",
    },
    "audit.batch_rolled_back": {
        "vi": "Lệnh `antt {action}` trước đó bị dừng giữa chừng: đã hoàn lại mọi commit của nó, hồ sơ trở về commit {head}.",
        "en": "The earlier `antt {action}` was stopped part-way: undid every commit it made, the dossier is back at commit {head}.",
    },
    "audit.bisect": {
        "vi": "Kho git của hồ sơ đang bisect (có tệp BISECT_LOG trong {path}). Hãy kết thúc bằng `git bisect reset`, rồi chạy lại lệnh.",
        "en": "The dossier's git repository is bisecting (BISECT_LOG in {path}). End it with `git bisect reset`, then run the command again.",
    },
    "audit.busy": {
        "vi": "Hồ sơ đang bận (dossier busy): một lệnh antt khác ({command}, pid {pid} trên máy {host}, từ {time}) đang ghi vào hồ sơ. Hãy chờ lệnh đó xong rồi chạy lại; nếu chắc chắn không còn lệnh nào chạy, hãy xoá tệp {path}.",
        "en": "dossier busy: another antt command ({command}, pid {pid} on {host}, since {time}) is writing to the dossier. Wait for it to finish and run the command again; if you are sure none is running, delete {path}.",
    },
    "audit.cherry_pick": {
        "vi": "Kho git của hồ sơ đang cherry-pick dở dang (có tệp CHERRY_PICK_HEAD trong {path}). Hãy hoàn tất bằng `git cherry-pick --continue` hoặc huỷ bằng `git cherry-pick --abort`, rồi chạy lại lệnh.",
        "en": "The dossier's git repository is in the middle of a cherry-pick (CHERRY_PICK_HEAD in {path}). Finish it with `git cherry-pick --continue` or abort it with `git cherry-pick --abort`, then run the command again.",
    },
    "audit.commit_failed": {
        "vi": "git không tạo được commit: {detail}. Mọi tệp đã được trả lại như cũ; hãy sửa nguyên nhân trên (ví dụ hook pre-commit của kho) rồi chạy lại lệnh.",
        "en": "git could not make the commit: {detail}. Every file was put back as it was; fix the cause above (e.g. the repository's pre-commit hook) and run the command again.",
    },
    "audit.detached": {
        "vi": "Kho git của hồ sơ không ở trên nhánh nào (detached HEAD), nên commit mới sẽ bị lạc. Hãy chuyển về nhánh của hồ sơ, ví dụ `git switch main`, rồi chạy lại lệnh.",
        "en": "The dossier's git repository is not on a branch (detached HEAD), so a new commit would be lost. Switch back to the dossier's branch, e.g. `git switch main`, then run the command again.",
    },
    "audit.dirty": {
        "vi": "Tệp {files} có thay đổi chưa commit (sửa tay?), nên antt không ghi đè. Hãy commit các thay đổi đó (`git add` rồi `git commit`) hoặc bỏ chúng (`git restore --staged --worktree <tệp>`, hoặc xoá tệp nếu là tệp mới), rồi chạy lại lệnh.",
        "en": "{files} has uncommitted changes (edited by hand?), so antt will not overwrite it. Commit them (`git add` then `git commit`) or discard them (`git restore --staged --worktree <file>`, or delete the file if it is new), then run the command again.",
    },
    "audit.flagged": {
        "vi": "Tệp {file} đang được đánh dấu trong chỉ mục của git để git bỏ qua các thay đổi của nó (assume-unchanged hoặc skip-worktree), nên antt không ghi vào được: git sẽ không ghi nhận nội dung mới. Hãy bỏ dấu đó (`git update-index --no-assume-unchanged --no-skip-worktree {file}`), xem lại tệp bằng `git status`, rồi chạy lại lệnh.",
        "en": "{file} is flagged in git's index so that git ignores its changes (assume-unchanged or skip-worktree), so antt will not write it: git would not record the new content. Clear the flag (`git update-index --no-assume-unchanged --no-skip-worktree {file}`), look at the file with `git status`, then run the command again.",
    },
    "audit.dubious_ownership": {
        "vi": "git từ chối thư mục {path} vì thư mục thuộc người dùng khác (dubious ownership). Nếu tin cậy thư mục này, hãy chạy `git config --global --add safe.directory \"{path}\"` rồi chạy lại.",
        "en": "git refuses the folder {path} because another user owns it (dubious ownership). If you trust it, run `git config --global --add safe.directory \"{path}\"` and run the command again.",
    },
    "audit.file_in_use": {
        "vi": "Tệp {path} đang được chương trình khác mở (Word, trình diệt virus…), nên lệnh {what} bị dừng giữa chừng trước đó chưa được hoàn tất hay hoàn lại. Hãy đóng tệp đó rồi chạy lại lệnh: việc dở dang sẽ được xử lý trước.",
        "en": "{path} is open in another program (Word, an antivirus scanner…), so the earlier {what}, stopped half way, could not be completed or rolled back yet. Close that file and run the command again: the unfinished work is dealt with first.",
    },
    "audit.git_failed": {
        "vi": "Lệnh `{command}` thất bại: {detail}. Hãy kiểm tra kho git của hồ sơ (`git status`) rồi chạy lại.",
        "en": "`{command}` failed: {detail}. Check the dossier's git repository (`git status`) and run the command again.",
    },
    "audit.git_locks_cleared": {
        "vi": "Đã gỡ khoá của git ({files} trong {path}) do tiến trình git của lệnh antt bị dừng để lại; không còn tiến trình git nào chạy trong hồ sơ.",
        "en": "Removed git's lock files ({files} in {path}) left by the git process of the interrupted antt command; no git process is running in the dossier.",
    },
    "audit.git_missing": {
        "vi": "Không tìm thấy chương trình git. Hãy cài Git (https://git-scm.com/downloads) và mở lại cửa sổ dòng lệnh rồi chạy lại.",
        "en": "The git program was not found. Install Git (https://git-scm.com/downloads), open a new terminal and run the command again.",
    },
    "audit.head_moved": {
        "vi": "Trong lúc antt đang ghi, một lệnh git khác đã tạo commit (HEAD chuyển từ {old} sang {new}), nên antt không commit: mọi tệp đã được trả lại như cũ. Hãy xem commit đó bằng `git log`, rồi chạy lại lệnh.",
        "en": "While antt was writing, another git command made a commit (HEAD moved from {old} to {new}), so antt did not commit: every file was put back as it was. Look at that commit with `git log`, then run the command again.",
    },
    "audit.ignored_target": {
        "vi": "Tệp {files} đã có sẵn nhưng bị git bỏ qua (.gitignore), nên antt không ghi đè lên nó. Hãy chuyển tệp đó đi nơi khác (hoặc bỏ quy tắc tương ứng trong .gitignore và commit tệp), rồi chạy lại lệnh.",
        "en": "{files} already exists but git ignores it (.gitignore), so antt will not overwrite it. Move that file elsewhere (or remove the matching .gitignore rule and commit it), then run the command again.",
    },
    "audit.index_busy": {
        "vi": "Hồ sơ đang bận (dossier busy): một lệnh git khác vẫn đang dùng kho sau {seconds} giây chờ (có tệp {path}). Hãy chờ lệnh đó xong rồi chạy lại; nếu chắc chắn không còn lệnh git nào chạy, hãy xoá tệp {path}.",
        "en": "dossier busy: another git command was still using the repository after {seconds} s of waiting ({path} exists). Wait for it to finish and run the command again; if you are sure no git command is running, delete {path}.",
    },
    "audit.index_lock_cleared": {
        "vi": "Đã gỡ tệp khoá chỉ mục của git {path} do một lệnh antt không còn chạy để lại (tệp ghi rõ là của antt); các lệnh git lại dùng được chỉ mục.",
        "en": "Removed git's index lock {path} left by an antt command that is no longer running (the file says it is antt's); git commands can use the index again.",
    },
    "audit.index_lock_failed": {
        "vi": "Không tạo được tệp khoá chỉ mục của git {path}: {detail}. Hãy kiểm tra quyền ghi vào thư mục .git của hồ sơ rồi chạy lại; không có thay đổi nào được ghi.",
        "en": "Could not create git's index lock {path}: {detail}. Check that you may write to the dossier's .git folder, then run the command again; nothing was changed.",
    },
    "audit.journal_failed": {
        "vi": "Không ghi được nhật ký giao dịch {path}: {detail}. Hãy kiểm tra quyền ghi và chỗ trống của thư mục .git của hồ sơ rồi chạy lại; không có thay đổi nào được ghi.",
        "en": "Could not write the transaction journal {path}: {detail}. Check that the dossier's .git folder is writable and not full, then run the command again; nothing was changed.",
    },
    "audit.journal_unreadable": {
        "vi": "Nhật ký giao dịch không đọc được nên đã được để sang bên ({path}); hãy kiểm tra `git status` của hồ sơ.",
        "en": "An unreadable transaction journal was moved aside ({path}); check the dossier with `git status`.",
    },
    "audit.lock_failed": {
        "vi": "Không tạo được khoá hồ sơ {path}: {detail}. Hãy kiểm tra quyền ghi vào thư mục .git của hồ sơ rồi chạy lại.",
        "en": "Could not create the dossier lock {path}: {detail}. Check that you may write to the dossier's .git folder, then run the command again.",
    },
    "audit.merge": {
        "vi": "Kho git của hồ sơ đang hợp nhất (merge) dở dang. Hãy hoàn tất bằng `git commit` sau khi giải quyết xung đột, hoặc huỷ bằng `git merge --abort`, rồi chạy lại lệnh.",
        "en": "The dossier's git repository is in the middle of a merge. Finish it with `git commit` after resolving the conflicts, or abort it with `git merge --abort`, then run the command again.",
    },
    "audit.no_identity": {
        "vi": "Không biết cán bộ nào đang thực hiện lệnh: hãy ghi họ tên bằng --officer \"Họ Tên\" (hoặc biến môi trường ANTT_OFFICER), hoặc đặt tên cho git bằng `git config --global user.name \"Họ Tên\"`, rồi chạy lại.",
        "en": "No officer to record as the one running the command: give the name with --officer \"Your Name\" (or the ANTT_OFFICER environment variable), or give git a name with `git config --global user.name \"Your Name\"`, then run the command again.",
    },
    "audit.not_a_repo": {
        "vi": "Thư mục {path} không phải là kho git của một hồ sơ. Hãy tạo hồ sơ bằng `antt init`, hoặc chỉ đúng thư mục hồ sơ bằng --dossier.",
        "en": "The folder {path} is not a dossier's git repository. Create a dossier with `antt init`, or point to the right folder with --dossier.",
    },
    "audit.not_put_back": {
        "vi": "Lệnh thất bại ({detail}) và chưa trả lại được {paths} như cũ. Nhật ký giao dịch được giữ lại: lệnh antt tiếp theo sẽ trả lại các tệp đó khi nguyên nhân đã được khắc phục (ví dụ khi ổ đĩa có chỗ trống); trong lúc chờ, đừng sửa các tệp này.",
        "en": "The command failed ({detail}) and could not yet put back {paths}. The transaction journal is kept: the next antt command puts them back once the cause is fixed (e.g. once the disk has free space); until then, do not edit these files.",
    },
    "audit.path_outside": {
        "vi": "Đường dẫn {path} nằm ngoài thư mục hồ sơ (hoặc trong .git); antt chỉ ghi tệp bên trong hồ sơ. Hãy dùng đường dẫn tương đối trong hồ sơ.",
        "en": "The path {path} is outside the dossier folder (or inside .git); antt only writes inside the dossier. Use a path relative to the dossier.",
    },
    "audit.read_failed": {
        "vi": "Không đọc được tệp {path}: {detail}. Hãy kiểm tra đường dẫn và quyền đọc rồi chạy lại.",
        "en": "Could not read {path}: {detail}. Check the path and the read permission, then run the command again.",
    },
    "audit.rebase": {
        "vi": "Kho git của hồ sơ đang rebase dở dang. Hãy hoàn tất bằng `git rebase --continue` hoặc huỷ bằng `git rebase --abort`, rồi chạy lại lệnh.",
        "en": "The dossier's git repository is in the middle of a rebase. Finish it with `git rebase --continue` or abort it with `git rebase --abort`, then run the command again.",
    },
    "audit.recovered_completed": {
        "vi": "Lệnh {what} trước đó bị dừng giữa chừng sau khi đã commit ({sha}): đã hoàn tất và dọn các tệp tạm còn sót.",
        "en": "The earlier {what} was stopped after it had committed ({sha}): completed it and removed its leftovers.",
    },
    "audit.recovered_kept": {
        "vi": "Tệp {path} đã được sửa sau khi lệnh {what} bị dừng giữa chừng ghi vào, nên antt để nguyên tệp đó khi hoàn lại lệnh: đó là thay đổi chưa commit của bạn. Hãy xem lại bằng `git status` và `git diff`, rồi commit hoặc bỏ nó.",
        "en": "{path} was changed after the interrupted {what} wrote it, so antt left it as it is while rolling that command back: it is your uncommitted change. Look at it with `git status` and `git diff`, then commit or discard it.",
    },
    "audit.recovered_taken": {
        "vi": "Tệp {path} do lệnh {what} bị dừng giữa chừng ghi ra đã được commit bằng git sau đó (không phải bởi antt), nên antt để nguyên như commit đó khi hoàn lại lệnh. Hãy xem lại commit đó bằng `git log -p`.",
        "en": "{path}, written by the interrupted {what}, was committed with git since (not by antt), so antt left it as that commit has it while rolling the command back. Look at that commit with `git log -p`.",
    },
    "audit.recovered_rolled_back": {
        "vi": "Lệnh {what} trước đó bị dừng giữa chừng trước khi commit: đã hoàn lại, hồ sơ như trước lệnh đó.",
        "en": "The earlier {what} was stopped before it committed: rolled it back, the dossier is as it was before it.",
    },
    "audit.recovery_pending": {
        "vi": "Một lệnh trước bị dừng giữa chừng và chưa được hoàn tất hay hoàn lại (xem thông báo ở trên); không ghi thêm gì cho tới khi việc đó xong. Hãy làm theo thông báo rồi chạy lại lệnh.",
        "en": "An earlier command stopped half way and is not yet completed or rolled back (see the notice above); nothing more is written until it is. Do what the notice says and run the command again.",
    },
    "audit.rests_on_dirty": {
        "vi": "Tệp {file} có chỉnh sửa chưa commit, văn bản sẽ dựa trên dữ liệu chưa lưu vết. Hãy commit chỉnh sửa (`git add {file} && git commit -m \"Sửa {file}\"`) hoặc hoàn tác (`git checkout -- {file}`), rồi chạy lại.",
        "en": "{file} has uncommitted edits; the document would rest on data the audit trail lacks. Commit the edit (`git add {file} && git commit -m \"Edit {file}\"`) or undo it (`git checkout -- {file}`), then run the command again.",
    },
    "audit.revert": {
        "vi": "Kho git của hồ sơ đang revert dở dang (có tệp REVERT_HEAD trong {path}). Hãy hoàn tất bằng `git revert --continue` hoặc huỷ bằng `git revert --abort`, rồi chạy lại lệnh.",
        "en": "The dossier's git repository is in the middle of a revert (REVERT_HEAD in {path}). Finish it with `git revert --continue` or abort it with `git revert --abort`, then run the command again.",
    },
    "audit.rollback_incomplete": {
        "vi": "Cảnh báo: không khôi phục được {path} ({detail}). Hãy kiểm tra bằng `git status` và trả lại tệp bằng `git restore` nếu cần.",
        "en": "Warning: could not restore {path} ({detail}). Check with `git status` and restore the file with `git restore` if needed.",
    },
    "audit.sparse_checkout": {
        "vi": "Kho git của hồ sơ đang checkout một phần (git sparse-checkout), nên một số hồ sơ không có trên đĩa: antt sẽ cấp mã hồ sơ và số văn bản mà không thấy chúng (có thể trùng). Hãy lấy lại đủ các hồ sơ bằng `git sparse-checkout disable`, rồi chạy lại lệnh.",
        "en": "The dossier's git repository is a sparse checkout (git sparse-checkout), so some cases are not on disk: antt would give case IDs and document numbers without seeing them (possibly twice). Bring every case back with `git sparse-checkout disable`, then run the command again.",
    },
    "audit.stale_lock": {
        "vi": "Đã gỡ khoá hồ sơ do một lệnh antt không còn chạy để lại (pid {pid}); tiếp tục.",
        "en": "Removed the dossier lock left by an antt command that is no longer running (pid {pid}); continuing.",
    },
    "audit.symlink": {
        "vi": "{path} trong hồ sơ là một liên kết tượng trưng (symbolic link), nên antt không ghi qua nó: git lưu chính liên kết chứ không lưu tệp mà nó trỏ tới. Hãy thay liên kết bằng tệp hoặc thư mục thật (xoá liên kết, chép nội dung vào đúng chỗ đó, rồi commit), rồi chạy lại lệnh.",
        "en": "{path} in the dossier is a symbolic link, so antt will not write through it: git records the link itself, not the file it points to. Replace the link with the real file or folder (remove the link, copy the content into its place, commit), then run the command again.",
    },
    "audit.unborn": {
        "vi": "Kho git tại {path} chưa có commit nào nên chưa phải là hồ sơ. Hãy tạo hồ sơ bằng `antt init`.",
        "en": "The git repository at {path} has no commit yet, so it is not a dossier. Create the dossier with `antt init`.",
    },
    "audit.waiting": {
        "vi": "Đang chờ lệnh antt khác (pid {pid}) ghi xong hồ sơ…",
        "en": "Waiting for another antt command (pid {pid}) to finish writing the dossier…",
    },
    "audit.write_failed": {
        "vi": "Không ghi được tệp {path}: {detail}. Nếu tệp đang mở trong Word hoặc chương trình khác, hãy đóng nó rồi chạy lại; không có thay đổi nào được ghi.",
        "en": "Could not write {path}: {detail}. If the file is open in Word or another program, close it and run the command again; nothing was changed.",
    },
}
