"""Countries, their names, demonyms and capitals: now :mod:`kit.actors.geography`, still importable as ``kit.geography``."""

from kit.actors.geography import *  # noqa: F401,F403
