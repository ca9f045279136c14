# A package, so that this folder's conftest.py is imported as `languagetool.conftest` and does not
# take the place of tests/conftest.py as the module `conftest` (test modules import helpers from it).
