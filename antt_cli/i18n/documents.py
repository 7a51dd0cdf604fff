"""Messages of the documents layer: templates, kind specs' `document:` blocks, rendering."""

MESSAGES: dict[str, dict[str, str]] = {
    "documents.bad_secrecy": {
        "vi": "Độ mật '{value}' của văn bản {kind} không hợp lệ: chỉ có {allowed}. Hãy sửa mục secrecy "
              "của văn bản trong case.yaml rồi chạy lại.",
        "en": "Secrecy level '{value}' of the {kind} document is not valid: only {allowed}. Fix the "
              "document's secrecy in case.yaml and run again.",
    },
    "documents.render_failed": {
        "vi": "Không tạo được văn bản {kind} từ mẫu {template}: {detail}. Hãy sửa mẫu (hoặc xóa mẫu "
              "ghi đè trong hồ sơ để dùng mẫu mặc định) rồi chạy lại.",
        "en": "Could not generate the {kind} document from template {template}: {detail}. Fix the "
              "template (or remove the dossier's override to use the shipped one) and run again.",
    },
    "documents.spec_failed": {
        "vi": "Mục {key} trong đặc tả loại văn bản {kind} (antt_cli/kinds/{kind}.yaml hoặc thư mục "
              "ANTT_KINDS) không dùng được: {detail}. Hãy sửa đặc tả rồi chạy lại.",
        "en": "{key} in the spec of document kind {kind} (antt_cli/kinds/{kind}.yaml or the "
              "ANTT_KINDS folder) cannot be used: {detail}. Fix the spec and run again.",
    },
    "documents.spec_refused": {
        "vi": "Mục {key} trong đặc tả loại văn bản {kind} dùng thẻ {tag}, thẻ antt không cho phép (đọc "
              "nội bộ đối tượng hoặc tệp khác); không có gì được ghi. Hãy bỏ thẻ đó khỏi đặc tả rồi chạy lại.",
        "en": "{key} in the spec of document kind {kind} uses the tag {tag}, which antt does not allow "
              "(it reaches object internals or other files); nothing was written. Remove that tag from the "
              "spec and run again.",
    },
    "documents.template_refused": {
        "vi": "Mẫu {template} (văn bản {kind}) dùng thẻ {tag}, thẻ antt không cho phép (đọc nội bộ đối "
              "tượng hoặc tệp khác); không có gì được ghi. Hãy bỏ thẻ đó khỏi mẫu (hoặc xóa mẫu ghi đè "
              "trong hồ sơ) rồi chạy lại.",
        "en": "Template {template} ({kind} document) uses the tag {tag}, which antt does not allow (it "
              "reaches object internals or other files); nothing was written. Remove that tag from the "
              "template (or the dossier's override) and run again.",
    },
}
