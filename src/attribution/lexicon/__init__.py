"""Rules as data: one module per concern, each extendable without touching code."""
