"""Protocol templates: loading and validating them."""
