"""Messages of the documents layer about the kind specs' `document:` block (docs/kinds.md)."""

MESSAGES: dict[str, dict[str, str]] = {
    "documents.spec_failed": {
        "vi": "Mục {key} trong đặc tả loại văn bản {kind} (antt_cli/kinds/{kind}.yaml hoặc thư mục "
              "ANTT_KINDS) không dùng được: {detail}. Hãy sửa đặc tả rồi chạy lại.",
        "en": "{key} in the spec of document kind {kind} (antt_cli/kinds/{kind}.yaml or the "
              "ANTT_KINDS folder) cannot be used: {detail}. Fix the spec and run again.",
    },
}
