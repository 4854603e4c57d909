"""Generated from openapi/ by `make generate`. Do not edit."""
