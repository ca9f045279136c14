"""The checks: one small module per rule (or per tight family of rules).

Every `Rule` subclass with a code in a module here is registered automatically. A module must
import cheaply: load data lazily, inside `check()`, through `ctx` (see `newslint.context`).
"""
