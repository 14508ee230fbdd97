"""`python -m policykit` runs the command line."""

from policykit.cli import entry_point

entry_point()
