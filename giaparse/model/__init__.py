"""What a report is: typed tables with their Chinese labels, the report, and the templates.

Importing the package registers the two national templates.
"""

from giaparse.model import builtin as _builtin  # noqa: F401  (registers 2019 and 2021)
