"""Messages of the CLI, the store and the services."""

MESSAGES: dict[str, dict[str, str]] = {
    "error.internal": {
        "vi": "Lỗi nội bộ của antt: {detail}. Không có thay đổi nào được ghi; hãy báo lỗi kèm lệnh đã chạy.",
        "en": "Internal antt error: {detail}. Nothing was changed; please report it with the command you ran.",
    },
}

MESSAGES["error.interrupted"] = {
    "vi": "Đã dừng theo yêu cầu; mọi thay đổi dở dang đã được hoàn lại.",
    "en": "Stopped on request; any partial change was rolled back.",
}
