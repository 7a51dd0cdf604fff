"""Messages of the documents layer (templates, rendering)."""

MESSAGES: dict[str, dict[str, str]] = {
    "documents.render_failed": {
        "vi": "Không tạo được văn bản {kind} từ mẫu {template}: {detail}. Hãy sửa mẫu (hoặc xóa mẫu "
              "ghi đè trong hồ sơ để dùng mẫu mặc định) rồi chạy lại.",
        "en": "Could not generate the {kind} document from template {template}: {detail}. Fix the "
              "template (or remove the dossier's override to use the shipped one) and run again.",
    },
    "documents.template_missing": {
        "vi": "Không có mẫu văn bản cho loại {kind} (đã tìm: {template}).",
        "en": "There is no template for document kind {kind} (looked for: {template}).",
    },
    "documents.unknown_kind": {
        "vi": "Loại văn bản không hợp lệ: {kind}.",
        "en": "Unknown document kind: {kind}.",
    },
}
