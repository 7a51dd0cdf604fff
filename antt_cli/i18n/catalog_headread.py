"""Messages of the reading commands while a writer holds the dossier lock: they show HEAD's
committed state (docs/reliability.md, "Reading while a write is in progress")."""

MESSAGES: dict[str, dict[str, str]] = {
    "headread.committed_shown": {
        "vi": "Một lệnh antt khác đang ghi vào hồ sơ: đây là trạng thái đã commit (HEAD), chưa gồm thay đổi đang ghi dở hay chưa commit.",
        "en": "Another antt command is writing to the dossier: this is the committed state (HEAD), without the changes being written or not yet committed.",
    },
    "headread.nothing_committed": {
        "vi": "Một lệnh antt khác đang ghi vào hồ sơ và {file} chưa được commit lần nào, nên chưa có gì để hiển thị. Hãy chờ lệnh đó xong rồi chạy lại.",
        "en": "Another antt command is writing to the dossier and {file} has never been committed, so there is nothing to show yet. Wait for that command to finish and run again.",
    },
}
