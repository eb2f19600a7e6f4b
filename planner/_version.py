"""The planner's version: a leaf module, so nothing needs the package root at run time."""

from __future__ import annotations

__version__ = "0.1.0"
