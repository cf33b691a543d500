"""Exports: the police evidence bundle, reports, bundle verification."""
