"""Messages of the document-number checks, the body register and the issuer matching
(domain/numbers.py, domain/text.py, store/dossier.py, services/dossier.py)."""

MESSAGES: dict[str, dict[str, str]] = {
    "numbers.too_long": {
        "vi": "Số văn bản '{number}' dài quá {max} ký tự; hãy ghi đúng số và ký hiệu của văn bản, ví dụ {example}.",
        "en": "Document number '{number}' is longer than {max} characters; give the document's number and codes only, e.g. {example}.",
    },
    "numbers.bad_form": {
        "vi": "Số văn bản '{number}' sai thể thức (NĐ 30/2020); hãy viết như {example}, số từ 01.",
        "en": "Document number '{number}' is not in the official form (NĐ 30/2020); write it like {example}, from 01.",
    },
    "numbers.too_many_digits": {
        "vi": "Phần số của '{number}' có quá {max} chữ số; hãy ghi lại số thứ tự trong sổ văn bản, ví dụ {example}.",
        "en": "The numeric part of '{number}' has more than {max} digits; give the number from the register, e.g. {example}.",
    },
    "numbers.bad_type": {
        "vi": "Số văn bản '{number}' mang mã loại '{type}' trong khi loại văn bản này dùng mã {accepted}; hãy sửa --number, ví dụ {example}.",
        "en": "Document number '{number}' has the type code '{type}' where this kind takes {accepted}; fix --number, e.g. {example}.",
    },
    "numbers.bad_body_code": {
        "vi": "Số văn bản '{number}' mang mã cơ quan '{code}' trong khi cơ quan ban hành có mã '{expected}' (antt.yaml); hãy sửa --number, ví dụ {example}.",
        "en": "Document number '{number}' has the body code '{code}' where the issuing body's code is '{expected}' (antt.yaml); fix --number, e.g. {example}.",
    },
    "numbers.register_clash": {
        "vi": "Số {number} trùng số thứ tự với văn bản {other} mà {issuer} đã ban hành năm {year} (mỗi cơ quan một sổ văn bản một năm, chung mọi loại văn bản); hãy chọn số khác hoặc dùng --number auto.",
        "en": "Number {number} repeats the register number of {other}, issued by {issuer} in {year} (one register per body per year, shared by all types); choose another number or use --number auto.",
    },
    "numbers.body_without_code": {
        "vi": "Cơ quan '{issuer}' chưa có mã (code) trong antt.yaml nên không cấp số tự động được; hãy thêm `code:` cho cơ quan đó trong antt.yaml và commit, hoặc ghi số bằng tay.",
        "en": "The body '{issuer}' has no code in antt.yaml, so no number can be allocated; add its `code:` in antt.yaml and commit it, or give the number by hand.",
    },
    "dossier.own_code_taken": {
        "vi": "Mã '{code}' đã là mã của '{other}', một cơ quan khác của đơn vị, nên hai cơ quan sẽ chung một sổ văn bản; hãy chọn mã khác cho --code.",
        "en": "The code '{code}' is already the code of '{other}', another of the unit's own bodies, so both would share one register; choose another --code.",
    },
    "store.issuer_near_miss": {
        "vi": "Cơ quan ban hành '{given}' không có trong antt.yaml: có phải '{known}' không? Nếu là cơ quan khác, hãy khai báo bằng `antt bodies add \"{given}\" --code …`.",
        "en": "The issuing body '{given}' is not in antt.yaml: did you mean '{known}'? If it is another body, declare it with `antt bodies add \"{given}\" --code …`.",
    },
}
