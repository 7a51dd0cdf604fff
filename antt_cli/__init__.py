"""antt — dossiers of models and advanced exemplars (HD 163/HD-BCĐ) kept in git."""

__version__ = "0.1.0"
