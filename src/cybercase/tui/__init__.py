"""The full-screen app (Textual). The only package that imports textual."""
