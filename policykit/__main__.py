"""`python -m policykit` runs the command line, as the `policykit` command does."""

from policykit._replay import entry_point

entry_point()
