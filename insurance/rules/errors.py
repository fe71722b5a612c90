"""The domain's exceptions; each carries a message fit to show the user (a Text, in the
active language when shown), except the parameter file's, which is for whoever edits it."""

from .text import Text


class RulesError(Exception):
    """Base of every error the rules raise on purpose."""

    def __init__(self, message: Text | str):
        super().__init__(message)
        self.message = message


class PeriodNotCovered(RulesError):
    """The month asked for is before the first period the parameters cover."""


class InvalidInput(RulesError, ValueError):
    """An input the rules cannot compute with; ``field`` names the calculator field."""

    def __init__(self, message: Text, *, field: str | None = None):
        super().__init__(message)
        self.field = field


class ParameterDataError(RulesError):
    """The parameter file is malformed; raised when it is loaded, never later. Its message
    names the file, the parameter and the entry, in Spanish, for the editor of the file."""
