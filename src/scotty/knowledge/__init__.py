"""The knowledge base: articles people read before they file, and agents reuse."""
