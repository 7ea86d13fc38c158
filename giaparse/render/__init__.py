"""Rendering reports back to text."""
