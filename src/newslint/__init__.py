"""newslint — an editorial-quality and fact-check linter for Hindi news articles.

The flow, one module per step:

    source.read_source  →  document.parse_document  →  engine.lint  →  findings  →  report / fix

Heavy modules (typer, pydantic, yaml, the lexicon) are imported lazily: pre-commit runs
newslint on every commit, so start-up time matters.
"""

__version__ = "0.1.0"
