"""The compiled-grammar cache on disk: private to the user, and signed.

Building a template's LALR tables takes ~0.2 s, loading them ~0.03 s, and a batch worker or a
one-shot ``giaparse parse`` pays it once per process. Lark's own ``cache=`` unpickles any file
at its path whose first line is the grammar's (public) hash, so a file planted in a shared
temp directory would run code. Here the cache lives in the per-user cache directory
(``platformdirs``; ``GIAPARSE_CACHE_DIR`` overrides it, ``GIAPARSE_CACHE_DIR=off`` turns it
off), made with user-only permissions and used only while it is the user's own and not
writable by others; each file is ``HMAC-SHA256(key, payload) + payload`` under a random key kept
there with mode 0600, and a file whose MAC does not match is never unpickled, only replaced.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
import tempfile
from pathlib import Path

_KEY_NAME = "key"
_MAC_SIZE = 32
_OFF = {"off", "0", "no", "false", ""}


def cache_dir() -> Path | None:
    """The user's private cache directory, created if need be; None when unsafe or off."""
    configured = os.environ.get("GIAPARSE_CACHE_DIR")
    if configured is not None and configured.strip().lower() in _OFF:
        return None
    if configured is not None:
        path = Path(configured)
    else:
        from platformdirs import user_cache_dir

        path = Path(user_cache_dir("giaparse", appauthor=False))
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        return path if _private(path) else None
    except OSError:
        return None


def _private(path: Path) -> bool:
    """Owned by this user and neither group- nor world-writable (POSIX; elsewhere the OS
    gives each user their own cache directory)."""
    if not hasattr(os, "getuid"):
        return True
    info = path.lstat()
    return (
        info.st_uid == os.getuid()
        and not stat.S_ISLNK(info.st_mode)
        and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def _key(directory: Path) -> bytes | None:
    path = directory / _KEY_NAME
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(32))
    try:
        if not _private(path) or path.lstat().st_mode & (stat.S_IRGRP | stat.S_IROTH):
            return None
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) == 32 else None


def load(name: str) -> bytes | None:
    """The payload stored under ``name``, if the file is there and its MAC is right."""
    directory = cache_dir()
    key = _key(directory) if directory is not None else None
    if directory is None or key is None:
        return None
    try:
        blob = (directory / name).read_bytes()
    except OSError:
        return None
    mac, payload = blob[:_MAC_SIZE], blob[_MAC_SIZE:]
    expected = hmac.new(key, payload, hashlib.sha256).digest()
    return payload if hmac.compare_digest(mac, expected) else None


def store(name: str, payload: bytes) -> bool:
    """Write ``payload`` under ``name`` atomically; False when there is no safe place."""
    directory = cache_dir()
    key = _key(directory) if directory is not None else None
    if directory is None or key is None:
        return False
    mac = hmac.new(key, payload, hashlib.sha256).digest()
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(mac + payload)
        os.replace(tmp, directory / name)
    except OSError:
        return False
    return True
