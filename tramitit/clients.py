"""The address a request comes from, as far as it can be trusted.

Every limit keyed by client uses this one function: the admin's login lockout (django-axes,
``AXES_CLIENT_IP_CALLABLE``) and the suggestion form's rate limit (django-ratelimit,
``RATELIMIT_IP_META_KEY``), so both count the same person the same way.

``REMOTE_ADDR`` is the socket's peer, which a client cannot choose. ``X-Forwarded-For`` is
a list anyone can start: each proxy appends the address it got the request from, after
whatever the client sent. Behind ``PROXY_COUNT`` proxies of our own, the right-most
``PROXY_COUNT`` entries were written by them, and the left-most of those is the client (the
right-most hop we do not trust); everything further left is the client's own text and is
ignored. With ``PROXY_COUNT = 0`` (the default: nothing in front of the app) the header is
never read, so a new ``X-Forwarded-For`` on each try changes nothing.
"""

import ipaddress

from django.conf import settings

# No address known: a request built in code (a test's force_login), or a proxy on a Unix
# socket with PROXY_COUNT 0. Such requests share one count, which errs on the safe side.
UNKNOWN = "0.0.0.0"


def client_address(request) -> str:
    """The client's IP address: the socket's peer, or the hop ``PROXY_COUNT`` proxies saw."""
    hops = settings.PROXY_COUNT
    if hops:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        # Fewer entries than proxies: the request did not come through all of them (or
        # they do not add the header); the socket's peer is then the one address we know.
        if len(forwarded) >= hops and (address := _address(forwarded[-hops])):
            return address
    return _address(request.META.get("REMOTE_ADDR", "")) or UNKNOWN


def _address(text: str) -> str | None:
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None
