"""Jinja2 rendering of templates/, with the quoting filters of quoting.py: ``sh``/``shargs``
for bash, ``sd``/``sdargs``/``sdcommand`` for systemd command lines."""

from __future__ import annotations

from typing import Any

import jinja2

from .quoting import shell_args, shell_quote, systemd_args, systemd_command, systemd_quote
from .resources import resource_dir


def _environment() -> jinja2.Environment:
    folder = resource_dir("templates")
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda name: (folder / name).read_text(encoding="utf-8")),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # bash uses "{#" (${#array[@]}); Jinja comments get delimiters no output needs.
        comment_start_string="<%#",
        comment_end_string="#%>",
        autoescape=False,  # noqa: S701 - output is shell and unit files, quoted by filters
    )
    env.filters.update(
        sh=shell_quote,
        shargs=shell_args,
        sd=systemd_quote,
        sdargs=systemd_args,
        sdcommand=systemd_command,
    )
    return env


_ENV: jinja2.Environment | None = None


def render_template(name: str, **context: Any) -> str:
    """Render templates/NAME with context."""
    global _ENV
    if _ENV is None:
        _ENV = _environment()
    return _ENV.get_template(name).render(**context)
