"""The two national templates, declared as any user's template would be, and registered on
import through the public :func:`~giaparse.model.template.register_template`."""

from __future__ import annotations

from giaparse.model.labels import GRAMMARS
from giaparse.model.tables import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    Applications2019,
    Applications2021,
)
from giaparse.model.template import Template, register_builtin

TEMPLATE_2019 = Template(
    name="2019",
    grammar=GRAMMARS / "gia2019.lark",
    labels=GRAMMARS / "gia2019.toml",
    active_disclosure=ActiveDisclosure2019,
    applications=Applications2019,
    description="国办公开办函〔2019〕60号 (2019 and 2020 reports)",
)

TEMPLATE_2021 = Template(
    name="2021",
    grammar=GRAMMARS / "gia2021.lark",
    labels=GRAMMARS / "gia2021.toml",
    active_disclosure=ActiveDisclosure2021,
    applications=Applications2021,
    description="国办公开办函〔2021〕30号 (2021 reports and later)",
)

BUILTINS = (register_builtin(TEMPLATE_2019), register_builtin(TEMPLATE_2021))
