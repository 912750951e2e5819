"""Benchmarks (issue 6): run with `make bench`; never part of `make test`. See README.md."""
