"""cjcoach: a terminal facilitator for customer-journey workshops."""

__version__ = "0.1.0"
