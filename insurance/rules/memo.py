"""A bounded cache for pure functions, whatever their arguments (ADR 10)."""

from functools import lru_cache, wraps


def memo(maxsize: int):
    """``functools.lru_cache(maxsize)``, except that a call with an argument that cannot be
    a key (a list among a sentence's values) is computed and not kept, where lru_cache
    would raise TypeError."""

    def decorate(function):
        cached = lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def call(*args):
            try:
                return cached(*args)
            except TypeError:
                return function(*args)

        call.cache_clear, call.cache_info = cached.cache_clear, cached.cache_info
        return call

    return decorate
