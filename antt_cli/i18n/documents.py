"""Messages of the documents layer: templates, kind specs' `document:` blocks, rendering."""

MESSAGES: dict[str, dict[str, str]] = {
    "documents.bad_secrecy": {
        "vi": "Độ mật '{value}' của văn bản {kind} không hợp lệ: chỉ có {allowed}. Hãy sửa mục secrecy "
              "của văn bản trong case.yaml rồi chạy lại.",
        "en": "Secrecy level '{value}' of the {kind} document is not valid: only {allowed}. Fix the "
              "document's secrecy in case.yaml and run again.",
    },
    "documents.check.refused": {
        "vi": "{file}: thẻ {tag} bị antt cấm (đọc nội bộ đối tượng hoặc tệp khác); hãy xóa thẻ đó.",
        "en": "{file}: the tag {tag} is forbidden by antt (it reaches object internals or other files); remove it.",
    },
    "documents.check.split_tag": {
        "vi": "{file}: thẻ {tag} bị Word tách thành nhiều đoạn định dạng; hãy xóa cả thẻ rồi gõ lại liền một lần (không đổi định dạng giữa thẻ).",
        "en": "{file}: the tag {tag} is split across Word runs; delete the whole tag and type it again in one go (no formatting change inside it).",
    },
    "documents.check.syntax": {
        "vi": "{file}: lỗi cú pháp ở thẻ {tag} ({detail}); hãy sửa thẻ cho đủ {{{{ … }}}} hoặc {{% … %}} và các thẻ đóng (endif, endfor).",
        "en": "{file}: syntax error at the tag {tag} ({detail}); complete the tag as {{{{ … }}}} or {{% … %}} with its closing tags (endif, endfor).",
    },
    "documents.check.unknown_filter": {
        "vi": "{file}: thẻ {tag} dùng bộ lọc '{name}' không có; hãy bỏ bộ lọc đó hoặc dùng bộ lọc có sẵn (upper, lower, first_upper…).",
        "en": "{file}: the tag {tag} uses the filter '{name}', which does not exist; remove it or use an existing one (upper, lower, first_upper…).",
    },
    "documents.check.unknown_name": {
        "vi": "{file}: thẻ {tag} dùng tên '{name}' mà dữ liệu không có; hãy dùng một trường trong `antt templates list` hoặc `antt help templates`.",
        "en": "{file}: the tag {tag} uses the name '{name}', which the data does not provide; use a field listed by `antt templates list` or `antt help templates`.",
    },
    "documents.check.unknown_test": {
        "vi": "{file}: thẻ {tag} dùng phép thử '{name}' không có; hãy bỏ phép thử đó.",
        "en": "{file}: the tag {tag} uses the test '{name}', which does not exist; remove it.",
    },
    "documents.check.unreadable": {
        "vi": "{file}: không đọc được tệp DOCX ({detail}); hãy lưu lại bằng Word dưới dạng .docx.",
        "en": "{file}: not a readable DOCX ({detail}); save it again from Word as .docx.",
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
    "documents.template_check_failed": {
        "vi": "Không dùng mẫu riêng {template} của hồ sơ vì mẫu có lỗi: {problems} Sửa mẫu rồi chạy `antt templates check`, hoặc xóa mẫu để dùng mẫu mặc định; không có gì được ghi.",
        "en": "The dossier's own template {template} is not used because it has problems: {problems} Fix it and run `antt templates check`, or remove it to use the shipped one; nothing was written.",
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
