"""Jinja2 rendering of templates/, with the quoting filters of quoting.py: ``sh``/``shargs``
for bash, ``sd``/``sdargs``/``sdcommand`` for systemd command lines.

Compiling the templates cost a render a sixth of its time, so the package carries them
compiled (``_templates/``, one module each, which Python caches as bytecode like any
other): ``python -m ovs_ignite.templating`` writes them anew, and a test holds them equal
to what Jinja2 makes of templates/ now. A template is read from its module only while its
source is the one it was compiled from, under the Jinja2 it was compiled by; otherwise it
is compiled as it is.
"""

from __future__ import annotations

import hashlib
import importlib
import shutil
import sys
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import Any

import jinja2

from .quoting import shell_args, shell_quote, systemd_args, systemd_command, systemd_quote
from .resources import resource_dir

COMPILED = "_templates"  # the package of the compiled templates, beside this module


def module_name(template: str) -> str:
    """The module of a compiled template: container.conf.j2 -> container_conf."""
    return template.removesuffix(".j2").replace("-", "_").replace(".", "_")


def source_hash(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()


class _Loader(jinja2.BaseLoader):
    """templates/, each from its compiled module while that is the source's."""

    def __init__(self, read: Callable[[str], str]) -> None:
        self.read = read

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        return self.read(template), None, None

    def load(
        self,
        environment: jinja2.Environment,
        name: str,
        globals: MutableMapping[str, Any] | None = None,
    ) -> jinja2.Template:
        from . import _templates as compiled

        source = self.read(name)
        same_jinja2 = getattr(jinja2, "__version__", None) == compiled.JINJA2
        if same_jinja2 and compiled.SOURCES.get(name) == source_hash(source):
            # (its own copy: the template binds the environment into the module; as
            # jinja2.ModuleLoader does, it is not kept in sys.modules)
            qualified = f"{__package__}.{COMPILED}.{module_name(name)}"
            module = importlib.import_module(qualified)
            sys.modules.pop(qualified, None)
            return environment.template_class.from_module_dict(
                environment, module.__dict__, globals or {}
            )
        return super().load(environment, name, globals)


def _environment() -> jinja2.Environment:
    folder = resource_dir("templates")
    env = jinja2.Environment(
        loader=_Loader(lambda name: (folder / name).read_text(encoding="utf-8")),
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


def compiled_modules() -> dict[str, str]:
    """The compiled package's files (name -> text), as Jinja2 makes them now."""
    env = _environment()
    folder = resource_dir("templates")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".j2"))
    files = {}
    sources = {}
    for name in names:
        source = (folder / name).read_text(encoding="utf-8")
        sources[name] = source_hash(source)
        code = env.compile(source, name, None, raw=True, defer_init=True)
        files[f"{module_name(name)}.py"] = f"# Compiled from templates/{name}: do not edit.\n{code}"
    files["__init__.py"] = (
        '"""The templates, compiled by templating.py: do not edit (python -m\n'
        'ovs_ignite.templating writes them anew)."""\n\n'
        f"JINJA2 = {jinja2.__version__!r}\n"
        f"SOURCES = {sources!r}\n"
    )
    return files


def main() -> None:
    target = Path(__file__).with_name(COMPILED)
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir()
    for name, text in compiled_modules().items():
        (target / name).write_text(text)
    sys.stderr.write(f"wrote {target}\n")


if __name__ == "__main__":
    main()
