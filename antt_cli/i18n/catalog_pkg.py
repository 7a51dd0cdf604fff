"""Messages of the installed package (version)."""

MESSAGES: dict[str, dict[str, str]] = {
    "pkg.opt.version": {"vi": "In phiên bản antt rồi thoát.", "en": "Print antt's version and exit."},
}
